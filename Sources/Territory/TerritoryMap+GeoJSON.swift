public import Claims
public import Gazetteer
import Geometry

extension TerritoryMap {
    /// An RFC 7946 FeatureCollection: zones (`kind` zone, shared, contested or abandoned, with `actor`,
    /// `actor_name`, `km2`), front
    /// lines (`kind` front, `actors`) and places (`kind` place, with controller, status, since and sources).
    public func geoJSON(scenario: Scenario) -> JSONValue {
        var features = [JSONValue]()
        for zone in zones {
            let properties: [(String, JSONValue)]
            switch zone.kind {
            case .held(let actor):
                properties = [("kind", .string("zone")), ("actor", .string(actor)),
                              ("actor_name", .optional(scenario.actor(id: actor)?.nameEn)),
                              ("km2", .number(zone.areaKm2, decimals: 1))]
            case .contested(let among), .shared(let among):
                let kind = if case .shared = zone.kind { "shared" } else { "contested" }
                properties = [("kind", .string(kind)), ("actor", .null),
                              ("actors", .array(among.map(JSONValue.string))),
                              ("actor_name", .string(among.compactMap { scenario.actor(id: $0)?.nameEn }
                                  .joined(separator: " / "))),
                              ("km2", .number(zone.areaKm2, decimals: 1))]
            case .abandoned:
                properties = [("kind", .string("abandoned")), ("actor", .null), ("km2", .number(zone.areaKm2, decimals: 1))]
            case .unreported:
                continue
            }
            features.append(GeoJSON.feature(GeoJSON.geometry(zone.area), properties))
        }
        for front in fronts {
            features.append(GeoJSON.feature(GeoJSON.geometry(front.line), [
                ("kind", .string("front")), ("actors", .array(front.actors.map(JSONValue.string))),
            ]))
        }
        for placeID in snapshot.controls.keys.sorted() {
            guard let place = scenario.gazetteer.place(id: placeID), let control = snapshot.controls[placeID] else {
                continue
            }
            features.append(GeoJSON.feature(GeoJSON.point(place.lonLat), [
                ("kind", .string("place")), ("id", .string(place.id)), ("name", .string(place.nameEn)),
                ("name_ar", .string(place.nameAr)), ("place_kind", .string(place.kind.rawValue)),
                ("controller", .optional(control.state.controller)), ("status", .string(control.state.statusName)),
                ("since", .string(control.since.description)),
                ("sources", .array(control.citations.map(GeoJSON.citation))),
            ]))
        }
        return .object([("type", .string("FeatureCollection")), ("date", .string(snapshot.date.description)),
                        ("features", .array(features))])
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
    public static func feature(_ geometry: JSONValue, _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([("type", .string("Feature")), ("geometry", geometry), ("properties", .object(properties))])
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
