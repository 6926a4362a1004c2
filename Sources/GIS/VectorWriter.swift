internal import CGDAL
import Foundation
import Geometry

/// The vector formats GDAL writes for the layers of a map.
public enum VectorFormat: String, CaseIterable, Sendable {
    /// GeoPackage: one file holding every layer.
    case gpkg
    /// ESRI shapefiles: a folder with one `.shp` (and `.dbf`, `.shx`, `.prj`, `.cpg`) per layer.
    case shp
    /// KML: one file, a folder per layer.
    case kml
    /// CSV: a folder with one file per layer, the geometry as WKT in its first column.
    case csv

    /// True when the format writes a folder of files rather than one file.
    public var isFolder: Bool { self == .shp || self == .csv }

    var driverName: String {
        switch self {
        case .gpkg: "GPKG"
        case .shp: "ESRI Shapefile"
        case .kml: "KML"
        case .csv: "CSV"
        }
    }

    var layerOptions: [(String, String)] {
        switch self {
        case .gpkg, .kml: []
        case .shp: [("ENCODING", "UTF-8"), ("RESIZE", "YES")]
        case .csv: [("GEOMETRY", "AS_WKT"), ("CREATE_CSVT", "YES")]
        }
    }
}

/// Writes layers through GDAL, in WGS 84, each feature with its id in an `id` field.
public enum VectorWriter {
    /// Writes `layers` to `path` (a file, or a folder when `format.isFolder`), which must not exist yet.
    /// `timestamp` (ISO 8601) is what formats that record a time record, so that the same inputs give the same bytes.
    /// Returns a warning per field whose values the format could not hold whole (dBASE text stops at 254 bytes;
    /// such values end in `…`).
    @discardableResult
    public static func write(_ layers: [FeatureLayer], format: VectorFormat, to path: String, timestamp: String)
        throws(GISError) -> [String]
    {
        let driver = try GDAL.driver(format.driverName)
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", timestamp)
        defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
        GDAL.reset()
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDAL.failure("GDAL cannot create \(path)", advice: "check that the folder is writable")
        }
        var warnings = [String]()
        do {
            let srs = try GDAL.wgs84()
            defer { OSRRelease(srs) }
            for layer in layers {
                let cut = try write(layer, into: dataset, srs: srs, format: format)
                for (field, count) in cut.sorted(by: { $0.key < $1.key }) {
                    warnings.append("\(layer.name).\(field): \(count) values cut to \(maxTextBytes) bytes, "
                        + "the most a \(format.rawValue) field holds; they end in …")
                }
            }
        } catch {
            GDALClose(dataset)
            throw error
        }
        GDAL.reset()
        GDALClose(dataset)
        if GDAL.failed { throw GDAL.failure("GDAL could not finish \(path)", advice: "check the free space") }
        return warnings
    }

    /// The longest text a dBASE field (and so a shapefile) holds.
    static let maxTextBytes = 254

    /// `text` cut at a character boundary to fit `maxTextBytes` with a closing `…`, or nil when it fits.
    static func shortened(_ text: String) -> String? {
        guard text.utf8.count > maxTextBytes else { return nil }
        var kept = ""
        for character in text {
            guard kept.utf8.count + character.utf8.count + "…".utf8.count <= maxTextBytes else { break }
            kept.append(character)
        }
        return kept + "…"
    }

    // MARK: - Layers and features

    /// Writes one layer; returns how many values of each field had to be cut.
    private static func write(_ layer: FeatureLayer, into dataset: GDALDatasetH, srs: OGRSpatialReferenceH,
                              format: VectorFormat) throws(GISError) -> [String: Int]
    {
        var cut = [String: Int]()
        let type: OGRwkbGeometryType = switch layer.kind {
        case .point: wkbPoint
        case .lines: wkbMultiLineString
        case .area: wkbMultiPolygon
        }
        GDAL.reset()
        let created = try GDAL.withOptions(format.layerOptions) { options throws(GISError) in
            GDALDatasetCreateLayer(dataset, layer.name, srs, type, options)
        }
        guard let handle = created else {
            throw GDAL.failure("GDAL cannot create the layer \(layer.name)", advice: "check the free space")
        }
        let fields = [("id", FieldValue.Storage.text)] + layer.fields.filter { $0.name != "id" }
        for (name, storage) in fields {
            let definition = OGR_Fld_Create(name, storage == .real ? OFTReal : OFTString)
            defer { OGR_Fld_Destroy(definition) }
            // dBASE text holds at most 254 bytes; RESIZE shrinks each field to its longest value on closing.
            if format == .shp && storage != .real { OGR_Fld_SetWidth(definition, 254) }
            GDAL.reset()
            guard OGR_L_CreateField(handle, definition, 1) == OGRERR_NONE else {
                throw GDAL.failure("GDAL cannot add the field \(name) to \(layer.name)", advice: "report this")
            }
        }
        let definition = OGR_L_GetLayerDefn(handle)
        for (index, feature) in layer.features.enumerated() {
            guard let row = OGR_F_Create(definition) else {
                throw GISError("GDAL could not make a feature", advice: "check the free memory")
            }
            defer { OGR_F_Destroy(row) }
            OGR_F_SetFID(row, GIntBig(index + 1))
            let values = [("id", FieldValue.text(feature.id))] + feature.properties.filter { $0.0 != "id" }
            for (name, value) in values {
                let field = OGR_F_GetFieldIndex(row, name)
                switch value {
                case .null: OGR_F_SetFieldNull(row, field)
                case .real(let number, let decimals):
                    let scale = pow(10, Double(decimals))
                    OGR_F_SetFieldDouble(row, field, (number * scale).rounded() / scale)
                case .text, .list, .records:
                    var text = value.flattened ?? ""
                    if format == .shp, let short = shortened(text) {
                        text = short
                        cut[name, default: 0] += 1
                    }
                    OGR_F_SetFieldString(row, field, text)
                }
            }
            // The feature owns the geometry from here on.
            OGR_F_SetGeometryDirectly(row, try geometry(feature.geometry))
            GDAL.reset()
            guard OGR_L_CreateFeature(handle, row) == OGRERR_NONE else {
                throw GDAL.failure("GDAL cannot write feature \(feature.id) of \(layer.name)",
                                   advice: "check the free space")
            }
        }
        return cut
    }

    // MARK: - Geometry

    private static func geometry(_ geometry: FeatureGeometry) throws(GISError) -> OGRGeometryH {
        switch geometry {
        case .point(let position):
            let point = try make(wkbPoint)
            OGR_G_SetPoint_2D(point, 0, position.lon, position.lat)
            return point
        case .lines(let lines):
            let multi = try make(wkbMultiLineString)
            for line in lines.lines {
                let part = try path(line, type: wkbLineString)
                // The collection owns each part it is given.
                OGR_G_AddGeometryDirectly(multi, part)
            }
            return multi
        case .area(let area):
            let multi = try make(wkbMultiPolygon)
            for polygon in area.polygons {
                let part = try make(wkbPolygon)
                for ring in [polygon.exterior] + polygon.holes {
                    OGR_G_AddGeometryDirectly(part, try path(ring, type: wkbLinearRing))
                }
                OGR_G_AddGeometryDirectly(multi, part)
            }
            return multi
        }
    }

    private static func path(_ points: [LonLat], type: OGRwkbGeometryType) throws(GISError) -> OGRGeometryH {
        let path = try make(type)
        for point in points { OGR_G_AddPoint_2D(path, point.lon, point.lat) }
        return path
    }

    private static func make(_ type: OGRwkbGeometryType) throws(GISError) -> OGRGeometryH {
        guard let geometry = OGR_G_CreateGeometry(type) else {
            throw GISError("GDAL could not make a geometry", advice: "check the free memory")
        }
        return geometry
    }
}
