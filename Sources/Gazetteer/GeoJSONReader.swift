public import Foundation
public import Geometry

/// One feature of a GeoJSON file: its polygons or lines, and its properties as text.
public struct GeoJSONFeature: Sendable {
    public var area: MultiPolygon
    public var lines: MultiLineString
    public var properties: [String: String]
    let index: Int
    let locations: FeatureLocations

    /// The position of the feature in the file, for messages; found only when asked for.
    public var location: SourceLocation { locations.location(of: index) }
}

/// Where each feature of a file starts, worked out on the first message that needs one: finding them means a
/// pass over every byte of the file, which a file without problems never pays for.
final class FeatureLocations: @unchecked Sendable {
    private let data: Data
    private let file: String
    private let lock = NSLock()
    private var found: [SourceLocation]?

    init(data: Data, file: String) {
        self.data = data
        self.file = file
    }

    /// The start of feature `index`, or of the file when the index is past the features found.
    func location(of index: Int) -> SourceLocation {
        lock.lock()
        defer { lock.unlock() }
        let locations = found ?? GeoJSONReader.featureLocations(in: data, file: file)
        found = locations
        return index < locations.count ? locations[index] : SourceLocation(file: file, line: 1, column: 1)
    }
}

/// Reads RFC 7946 FeatureCollections (Polygon, MultiPolygon, LineString, MultiLineString; others ignored), bounded
/// by `InputLimits`: features per file, positions per feature and per file.
public enum GeoJSONReader {
    public static func features(from data: Data, file: String, limits: InputLimits = .current) throws
        -> [GeoJSONFeature]
    {
        try collection(from: data, file: file, limits: limits).features
    }

    /// The features and the collection's `attribution` member, if any.
    public static func collection(from data: Data, file: String, limits: InputLimits = .current) throws
        -> (features: [GeoJSONFeature], attribution: String?)
    {
        let root: ParsedJSON
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw InputError(SourceLocation(byteOffset: error.offset, in: data, file: file),
                             "not valid JSON (\(error.reason)); check brackets, commas, quotes and that the file is UTF-8")
        }
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard root["type"]?.string == "FeatureCollection", let features = root["features"]?.elements else {
            throw InputError(start, "expected a GeoJSON FeatureCollection with a \"features\" array")
        }
        let locations = FeatureLocations(data: data, file: file)
        func location(_ index: Int) -> SourceLocation { locations.location(of: index) }
        if features.count > limits.features {
            throw InputError(location(limits.features),
                             InputLimits.exceeded("the file has", .features, limits.features))
        }
        var problems = ProblemList()
        var result = [GeoJSONFeature]()
        var vertices = 0
        for (index, feature) in features.enumerated() {
            var properties = [String: String]()
            if case .object(let members)? = feature["properties"] {
                for (key, value) in members {
                    if case .null = value { continue }
                    properties[key] = value.text
                }
            }
            do {
                var reader = ShapeReader(limit: limits.verticesPerFeature)
                let (area, lines) = try reader.shapes(of: feature["geometry"] ?? .null)
                vertices += reader.count
                result.append(GeoJSONFeature(area: area, lines: lines, properties: properties, index: index,
                                             locations: locations))
            } catch let message as ShapeReader.Message {
                problems.add(location(index), "feature \(index + 1): \(message.text)")
            }
            if vertices > limits.vertices {
                problems.add(location(index), InputLimits.exceeded("the features up to this one have", .vertices,
                                                                   limits.vertices))
                break
            }
        }
        try problems.throwIfAny()
        return (result, root["attribution"]?.string)
    }

    /// Where each member of the top-level `features` array starts, found in one pass over the bytes.
    static func featureLocations(in data: Data, file: String) -> [SourceLocation] {
        let bytes = [UInt8](data)
        var locations = [SourceLocation]()
        var depth = 0, line = 1, column = 1
        var inString = false, escaped = false, inFeatures = false
        var stringStart = 0, lastKey = ArraySlice<UInt8>()
        for (offset, byte) in bytes.enumerated() {
            defer {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 { lastKey = bytes[(stringStart + 1)..<offset] }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = offset
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 1, byte == UInt8(ascii: "["), lastKey.elementsEqual("features".utf8) { inFeatures = true }
                if depth == 2, inFeatures, byte == UInt8(ascii: "{") {
                    locations.append(SourceLocation(file: file, line: line, column: column))
                }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 1 { inFeatures = false }
            default:
                break
            }
        }
        return locations
    }

    static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        SourceLocation(byteOffset: offset, in: data, file: file)
    }
}

/// Reads one geometry's coordinates, counting positions against a limit.
private struct ShapeReader {
    struct Message: Error {
        var text: String
    }

    let limit: Int
    var count = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func shapes(of geometry: ParsedJSON) throws -> (MultiPolygon, MultiLineString) {
        let type = geometry["type"]?.string ?? ""
        let coordinates = geometry["coordinates"]
        switch type {
        case "Polygon":
            return (MultiPolygon([try polygon(coordinates)]), MultiLineString())
        case "MultiPolygon":
            guard let parts = coordinates?.elements else { throw Message(text: "MultiPolygon needs coordinates") }
            return (MultiPolygon(try parts.map { try polygon($0) }), MultiLineString())
        case "LineString":
            return (MultiPolygon(), MultiLineString([try positions(coordinates)]))
        case "MultiLineString":
            guard let parts = coordinates?.elements else { throw Message(text: "MultiLineString needs coordinates") }
            return (MultiPolygon(), MultiLineString(try parts.map { try positions($0) }))
        case "Point", "MultiPoint", "GeometryCollection":
            return (MultiPolygon(), MultiLineString())
        default:
            throw Message(text: "unknown geometry type \"\(type)\"; use Polygon, MultiPolygon, LineString or "
                + "MultiLineString")
        }
    }

    private mutating func polygon(_ value: ParsedJSON?) throws -> Polygon {
        guard let rings = value?.elements, !rings.isEmpty else {
            throw Message(text: "a polygon needs at least one ring of positions")
        }
        let parsed = try rings.map { try positions($0) }
        for ring in parsed where ring.count < 4 {
            throw Message(text: "a polygon ring needs at least 4 positions, the last equal to the first")
        }
        return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }

    private mutating func positions(_ value: ParsedJSON?) throws -> [LonLat] {
        guard let list = value?.elements else { throw Message(text: "expected an array of positions") }
        count += list.count
        if count > limit {
            throw Message(text: InputLimits.exceeded("the feature has", .verticesPerFeature, limit)
                .replacingOccurrences(of: "shorten it", with: "simplify it (e.g. with mapshaper or ogr2ogr -simplify)"))
        }
        var result = [LonLat]()
        result.reserveCapacity(list.count)
        for (number, item) in list.enumerated() {
            guard case .numbers(let pair) = item, pair.count >= 2, case let (lon, lat) = (pair[0], pair[1])
            else { throw Message(text: "position \(number + 1) must be [longitude, latitude] in degrees") }
            guard lon.isFinite, lat.isFinite, abs(lon) <= 180, abs(lat) <= 90 else {
                throw Message(text: "position \(number + 1) [\(lon), \(lat)] is outside the world; longitude must be "
                    + "from -180 to 180 and latitude from -90 to 90, in that order")
            }
            result.append(LonLat(lon, lat))
        }
        return result
    }
}
