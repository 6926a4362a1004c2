public import Claims
public import Gazetteer
public import GIS
import Geometry

extension TerritoryMap {
    /// An RFC 7946 FeatureCollection of the zones, contested, fronts and places layers (see `layers(scenario:)`):
    /// zones (`kind` zone, shared, contested or abandoned, with `actor`, `actor_name`, `km2`), front lines (`kind`
    /// front, `actors`) and places (`kind` place, with controller, status, since and sources).
    public func geoJSON(scenario: Scenario) throws -> JSONValue {
        GeoJSON.collection(try layers(scenario: scenario), date: snapshot.date)
    }
}

extension ControlState {
    /// `control`, `contested` or `withdrawn`, as in claims files.
    public var statusName: String {
        switch self {
        case .held, .shared: "control"
        case .contested: "contested"
        case .abandoned: "withdrawn"
        }
    }
}

/// GeoJSON building blocks; coordinates with 6 decimals (about 10 cm).
public enum GeoJSON {
    /// The grid, in degrees, that six decimals can hold.
    public static let grid = 1e-6

    /// One FeatureCollection of the features of `layers` in order, with the map's date when there is one.
    public static func collection(_ layers: [FeatureLayer], date: Day? = nil) -> JSONValue {
        let features = JSONValue.array(layers.flatMap { $0.features.map(feature) })
        return .object([("type", .string("FeatureCollection"))] + (date.map { [("date", .string($0.description))] } ?? [])
            + [("features", features)])
    }

    public static func feature(_ feature: Feature) -> JSONValue {
        let geometry = switch feature.geometry {
        case .point(let position): point(position)
        case .lines(let lines): GeoJSON.geometry(lines)
        case .area(let area): GeoJSON.geometry(area)
        }
        return .object([("type", .string("Feature")), ("id", .string(feature.id)), ("geometry", geometry),
                        ("properties", .object(feature.properties.map { ($0.0, json($0.1)) }))])
    }

    /// Lists and records stay arrays: GeoJSON holds them as they are.
    private static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .null: .null
        case .text(let text): .string(text)
        case .real(let number, let decimals): .number(number, decimals: decimals)
        case .list(let items): .array(items.map(JSONValue.string))
        case .records(let keys, let rows): .array(rows.map { row in .object(zip(keys, row.map(JSONValue.string))
                .map { ($0.0, $0.1) }) })
        }
    }

    public static func point(_ position: LonLat) -> JSONValue {
        .object([("type", .string("Point")), ("coordinates", position.json)])
    }

    /// A Polygon when there is one part, else a MultiPolygon; exterior rings counter-clockwise as RFC 7946 asks.
    public static func geometry(_ area: MultiPolygon) -> JSONValue {
        let polygons = area.polygons.map { polygon in
            JSONValue.array(([oriented(polygon.exterior, counterClockwise: true)]
                + polygon.holes.map { oriented($0, counterClockwise: false) })
                .map { .array($0.map(\.json)) })
        }
        if polygons.count == 1 { return .object([("type", .string("Polygon")), ("coordinates", polygons[0])]) }
        return .object([("type", .string("MultiPolygon")), ("coordinates", .array(polygons))])
    }

    public static func geometry(_ lines: MultiLineString) -> JSONValue {
        let parts = lines.lines.map { JSONValue.array($0.map(\.json)) }
        if parts.count == 1 { return .object([("type", .string("LineString")), ("coordinates", parts[0])]) }
        return .object([("type", .string("MultiLineString")), ("coordinates", .array(parts))])
    }

    public static func citation(_ citation: Citation) -> JSONValue {
        .object([("source", .string(citation.source)), ("url", .string(citation.url))])
    }

    private static func oriented(_ ring: [LonLat], counterClockwise: Bool) -> [LonLat] {
        var twiceArea = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) { twiceArea += a.lon * b.lat - b.lon * a.lat }
        return (twiceArea > 0) == counterClockwise ? ring : ring.reversed()
    }
}

extension LonLat {
    var json: JSONValue { .array([.number(lon, decimals: 6), .number(lat, decimals: 6)]) }
}
