public import Geometry
import Foundation

/// One feature of a GeoJSON file: its polygons or lines, and its properties as text.
public struct GeoJSONFeature: Sendable {
    public var area: MultiPolygon
    public var lines: MultiLineString
    public var properties: [String: String]
    /// The position of the feature in the file, for messages.
    public var location: SourceLocation
}

/// Reads RFC 7946 FeatureCollections (Polygon, MultiPolygon, LineString, MultiLineString; others ignored).
public enum GeoJSONReader {
    public static func features(from data: Data, file: String) throws -> [GeoJSONFeature] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch let error as NSError {
            let offset = error.userInfo["NSJSONSerializationErrorIndex"] as? Int ?? 0
            throw InputError(location(ofByte: offset, in: data, file: file),
                             "not valid JSON (\(error.localizedDescription)); check brackets, commas and quotes")
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection",
              let features = root["features"] as? [[String: Any]]
        else {
            throw InputError(start, "expected a GeoJSON FeatureCollection with a \"features\" array")
        }
        var problems = ProblemList()
        var result = [GeoJSONFeature]()
        for (index, feature) in features.enumerated() {
            let at = featureLocation(index, in: data, file: file)
            var properties = [String: String]()
            for (key, value) in feature["properties"] as? [String: Any] ?? [:] {
                if value is NSNull { continue }
                properties[key] = (value as? String) ?? "\(value)"
            }
            do {
                let geometry = feature["geometry"] as? [String: Any] ?? [:]
                let (area, lines) = try shapes(of: geometry)
                result.append(GeoJSONFeature(area: area, lines: lines, properties: properties, location: at))
            } catch let message as GeometryMessage {
                problems.add(at, "feature \(index + 1): \(message.text)")
            }
        }
        try problems.throwIfAny()
        return result
    }

    private struct GeometryMessage: Error {
        var text: String
    }

    private static func shapes(of geometry: [String: Any]) throws -> (MultiPolygon, MultiLineString) {
        let type = geometry["type"] as? String ?? ""
        let coordinates = geometry["coordinates"]
        switch type {
        case "Polygon":
            return (MultiPolygon([try polygon(coordinates)]), MultiLineString())
        case "MultiPolygon":
            guard let parts = coordinates as? [Any] else { throw GeometryMessage(text: "MultiPolygon needs coordinates") }
            return (MultiPolygon(try parts.map(polygon)), MultiLineString())
        case "LineString":
            return (MultiPolygon(), MultiLineString([try positions(coordinates)]))
        case "MultiLineString":
            guard let parts = coordinates as? [Any] else { throw GeometryMessage(text: "MultiLineString needs coordinates") }
            return (MultiPolygon(), MultiLineString(try parts.map(positions)))
        case "Point", "MultiPoint", "GeometryCollection":
            return (MultiPolygon(), MultiLineString())
        default:
            throw GeometryMessage(text: "unknown geometry type \"\(type)\"; use Polygon, MultiPolygon, LineString or MultiLineString")
        }
    }

    private static func polygon(_ value: Any?) throws -> Polygon {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw GeometryMessage(text: "a polygon needs at least one ring of positions")
        }
        let parsed = try rings.map(positions)
        for ring in parsed where ring.count < 4 {
            throw GeometryMessage(text: "a polygon ring needs at least 4 positions, the last equal to the first")
        }
        return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }

    private static func positions(_ value: Any?) throws -> [LonLat] {
        guard let list = value as? [Any] else { throw GeometryMessage(text: "expected an array of positions") }
        return try list.map { item in
            guard let pair = item as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue,
                  let lat = (pair[1] as? NSNumber)?.doubleValue, abs(lon) <= 180, abs(lat) <= 90
            else { throw GeometryMessage(text: "a position must be [longitude, latitude] in degrees") }
            return LonLat(lon, lat)
        }
    }

    /// Where the `index`-th `"type": "Feature"` starts, as a good-enough pointer for messages.
    private static func featureLocation(_ index: Int, in data: Data, file: String) -> SourceLocation {
        let text = String(decoding: data, as: UTF8.self)
        var count = -1
        var searchStart = text.startIndex
        while let range = text.range(of: "\"Feature\"", range: searchStart..<text.endIndex) {
            count += 1
            if count == index {
                return location(ofByte: text.utf8.distance(from: text.startIndex, to: range.lowerBound), in: data, file: file)
            }
            searchStart = range.upperBound
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
