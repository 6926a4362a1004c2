public import Geometry

/// A named set of features of one geometry kind: what a GIS program shows as one layer.
public struct FeatureLayer: Sendable {
    public var name: String
    public var kind: GeometryKind
    public var features: [Feature]

    public init(name: String, kind: GeometryKind, features: [Feature]) {
        self.name = name
        self.kind = kind
        self.features = features
    }

    /// The geometry every feature of a layer has; formats such as shapefiles hold only one per file.
    public enum GeometryKind: Sendable {
        case point, lines, area
    }

    /// The fields of the layer in first-seen order, each typed by its first value that is not null; a field that
    /// is null throughout is text.
    public var fields: [(name: String, type: FieldValue.Storage)] {
        var order = [String]()
        var types = [String: FieldValue.Storage]()
        for feature in features {
            for (name, value) in feature.properties {
                if types[name] == nil { order.append(name) }
                if types[name] == nil || types[name] == .null { types[name] = value.storage }
            }
        }
        return order.map { ($0, types[$0] == .null ? .text : types[$0] ?? .text) }
    }
}

/// One feature: a stable id (unique in its layer), a geometry and named values in a fixed order.
public struct Feature: Sendable {
    public var id: String
    public var geometry: FeatureGeometry
    public var properties: [(String, FieldValue)]

    public init(id: String, geometry: FeatureGeometry, properties: [(String, FieldValue)]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// Longitude/latitude geometry (WGS 84).
public enum FeatureGeometry: Sendable {
    case point(LonLat)
    case lines(MultiLineString)
    case area(MultiPolygon)

    var kind: FeatureLayer.GeometryKind {
        switch self {
        case .point: .point
        case .lines: .lines
        case .area: .area
        }
    }
}

/// A field's value; lists and records are written as text where a format cannot hold them.
public enum FieldValue: Sendable {
    case null
    case text(String)
    /// A number written with this many decimals.
    case real(Double, decimals: Int)
    case list([String])
    /// Rows of values under `keys`, such as the sources of a place (`source`, `url`).
    case records(keys: [String], rows: [[String]])

    /// How a format without lists stores a value.
    public enum Storage: Sendable {
        case null, text, real
    }

    var storage: Storage {
        switch self {
        case .null: .null
        case .real: .real
        case .text, .list, .records: .text
        }
    }

    /// The value as one line of text: lists joined with commas, records as `value value; value value`.
    public var flattened: String? {
        switch self {
        case .null: nil
        case .text(let text): text
        case .real(let number, _): String(number)
        case .list(let items): items.joined(separator: ",")
        case .records(_, let rows): rows.map { $0.joined(separator: " ") }.joined(separator: "; ")
        }
    }
}
