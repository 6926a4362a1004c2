public import Foundation
public import Geometry

/// A governorate (admin level 1) as OCHA draws it; places take their `admin1` from it.
public struct Governorate: Hashable, Sendable {
    /// OCHA's P-code, such as SY02 for Aleppo.
    public var pcode: String
    public var nameEn: String
    public var nameAr: String
    public var area: MultiPolygon

    public init(pcode: String, nameEn: String, nameAr: String, area: MultiPolygon) {
        self.pcode = pcode
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.area = area
    }
}

/// Reads OCHA's common operational datasets (CC BY 3.0 IGO; credit OCHA): governorate boundaries, and the
/// neighbourhoods of a city with their centres and outlines.
public enum OCHAImport {
    /// The governorates of an OCHA admin-1 GeoJSON file (properties ADM1_PCODE, ADM1_EN, ADM1_AR), by P-code.
    public static func governorates(geojson: Data, file: String) throws -> [Governorate] {
        var problems = ProblemList()
        var governorates = [Governorate]()
        for (index, feature) in try GeoJSONReader.features(from: geojson, file: file).enumerated() {
            let pcode = feature.properties["ADM1_PCODE"] ?? "", nameEn = feature.properties["ADM1_EN"] ?? ""
            guard !pcode.isEmpty, !nameEn.isEmpty else {
                problems.add(feature.location, "feature \(index + 1) has no ADM1_PCODE or ADM1_EN property; "
                    + "use OCHA's admin-1 boundaries (syr_admin1.geojson)")
                continue
            }
            guard !feature.area.isEmpty else {
                problems.add(feature.location, "governorate \(pcode) has no area; its geometry must be a Polygon "
                    + "or MultiPolygon")
                continue
            }
            governorates.append(Governorate(pcode: pcode, nameEn: nameEn, nameAr: feature.properties["ADM1_AR"] ?? "",
                                            area: feature.area))
        }
        try problems.throwIfAny()
        return governorates.sorted { $0.pcode < $1.pcode }
    }

    /// The neighbourhoods of a city from OCHA's city_neighbourhoods records (`items` with pCode, nameEnglish,
    /// nameArabic, centerLatitude, centerLongitude), as places whose parent is `parent` (the city's id).
    public static func neighbourhoods(json: Data, file: String, parent: String) throws -> [Place] {
        try records(json: json, file: file).map { record in
            Place(id: "ocha-\(record.pcode.lowercased())", kind: .neighbourhood, nameEn: record.nameEn,
                  nameAr: record.nameAr, lonLat: record.centre, parent: parent,
                  source: "OCHA city_neighbourhoods \(record.pcode)")
        }
    }

    /// The outline of each neighbourhood, keyed by pCode, from the records' `boundaryWkt`.
    public static func neighbourhoodBoundaries(json: Data, file: String) throws -> [String: MultiPolygon] {
        var problems = ProblemList()
        var boundaries = [String: MultiPolygon]()
        for record in try records(json: json, file: file) {
            let area = try? MultiPolygon(wkt: record.boundaryWkt)
            guard let area, !area.isEmpty else {
                problems.add(record.location, "the boundaryWkt of \(record.pcode) is not a POLYGON or MULTIPOLYGON "
                    + "in WKT; give its outline as longitude latitude pairs, the first point repeated last")
                continue
            }
            boundaries[record.pcode] = area
        }
        try problems.throwIfAny()
        return boundaries
    }

    // MARK: - Records

    private struct NeighbourhoodRecord {
        var pcode: String
        var nameEn: String
        var nameAr: String
        var centre: LonLat
        var boundaryWkt: String
        var location: SourceLocation
    }

    private static func records(json data: Data, file: String) throws -> [NeighbourhoodRecord] {
        guard let root = try JSONInput.root(data, file: file) as? [String: Any],
              let items = root["items"] as? [Any]
        else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1),
                             "expected a JSON object with an \"items\" array, as OCHA's city_neighbourhoods export")
        }
        var problems = ProblemList()
        var records = [NeighbourhoodRecord]()
        var seen = [String: SourceLocation]()
        for (index, value) in items.enumerated() {
            let item = value as? [String: Any] ?? [:]
            let pcode = (item["pCode"] as? String ?? "").trimmingSpaces
            let location = pcode.isEmpty ? JSONInput.location(of: "\"items\"", in: data, file: file)
                : JSONInput.location(of: "\"\(pcode)\"", in: data, file: file)
            let name = (item["nameEnglish"] as? String ?? "").trimmingSpaces
            guard !pcode.isEmpty, !name.isEmpty,
                  let lat = (item["centerLatitude"] as? NSNumber)?.doubleValue, abs(lat) <= 90,
                  let lon = (item["centerLongitude"] as? NSNumber)?.doubleValue, abs(lon) <= 180
            else {
                problems.add(location, "item \(index + 1) needs a pCode, a nameEnglish, and a centerLatitude and "
                    + "centerLongitude in degrees")
                continue
            }
            if let first = seen[pcode] {
                problems.add(location, "pCode \(pcode) appears twice (first at \(first)); each neighbourhood needs "
                    + "its own")
                continue
            }
            seen[pcode] = location
            records.append(NeighbourhoodRecord(
                pcode: pcode, nameEn: name, nameAr: (item["nameArabic"] as? String ?? "").trimmingSpaces,
                centre: LonLat(lon, lat), boundaryWkt: item["boundaryWkt"] as? String ?? "", location: location))
        }
        try problems.throwIfAny()
        return records
    }
}

/// JSON input with errors that point into the file.
enum JSONInput {
    static func root(_ data: Data, file: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data)
        } catch let error as NSError {
            let offset = error.userInfo["NSJSONSerializationErrorIndex"] as? Int ?? 0
            throw InputError(GeoJSONReader.location(ofByte: offset, in: data, file: file),
                             "not valid JSON (\(error.localizedDescription)); check brackets, commas and quotes")
        }
    }

    /// Where `needle` first occurs, as a good-enough pointer for messages; the file's start when nowhere.
    static func location(of needle: String, in data: Data, file: String) -> SourceLocation {
        guard let range = data.range(of: Data(needle.utf8)) else {
            return SourceLocation(file: file, line: 1, column: 1)
        }
        return GeoJSONReader.location(ofByte: range.lowerBound - data.startIndex, in: data, file: file)
    }
}
