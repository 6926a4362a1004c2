import Geometry

/// A place and the row it was read from.
public struct LocatedPlace: Hashable, Sendable {
    public var place: Place
    public var location: SourceLocation
}

/// Reads and writes places in the curated CSV format:
/// `id,kind,name_en,name_ar,alt_names,lat,lon,parent,admin1,population,source`, and optionally
/// `admin2,pcode,geonames_id` (imported layers carry them).
public enum PlaceTable {
    public static let header = ["id", "kind", "name_en", "name_ar", "alt_names", "lat", "lon", "parent", "admin1",
                                "population", "source", "admin2", "pcode", "geonames_id"]
    static let required = ["id", "kind", "name_en", "lat", "lon"]

    /// Parses rows, collecting every problem with its line and column before throwing.
    public static func places(from table: CSVTable, requireSource: Bool = true) throws -> [Place] {
        try locatedPlaces(from: table, requireSource: requireSource).map(\.place)
    }

    /// The places with the position of their rows, for checks that point at a row.
    public static func locatedPlaces(from table: CSVTable, requireSource: Bool = true) throws -> [LocatedPlace] {
        try table.requireColumns(required)
        var problems = ProblemList()
        var places = [LocatedPlace]()
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = column[name], index < row.count else { return "" }
                return row[index].value.trimmingSpaces
            }
            func at(_ name: String) -> SourceLocation {
                table.location(row, column: column[name] ?? 0)
            }
            guard row.count == table.header.count else {
                problems.add(table.location(row), "this row has \(row.count) fields but the header has "
                    + "\(table.header.count); quote fields that contain commas")
                continue
            }
            let id = field("id")
            if id.isEmpty || id.contains(where: { $0 == "/" || $0 == " " }) {
                problems.add(at("id"), "id \"\(id)\" must be non-empty, without spaces or \"/\"")
            }
            guard let kind = PlaceKind(rawValue: field("kind")) else {
                problems.add(at("kind"), "unknown kind \"\(field("kind"))\"; use one of "
                    + PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            if field("name_en").isEmpty { problems.add(at("name_en"), "name_en is empty; give the English name") }
            guard let lat = Double(field("lat")), (-90...90).contains(lat) else {
                problems.add(at("lat"), "latitude \"\(field("lat"))\" is not a number from -90 to 90")
                continue
            }
            guard let lon = Double(field("lon")), (-180...180).contains(lon) else {
                problems.add(at("lon"), "longitude \"\(field("lon"))\" is not a number from -180 to 180")
                continue
            }
            var geonamesID = id.hasPrefix("gn-") ? Int(id.dropFirst(3)) : nil
            if !field("geonames_id").isEmpty {
                geonamesID = Int(field("geonames_id"))
                if geonamesID == nil {
                    problems.add(at("geonames_id"), "GeoNames id \"\(field("geonames_id"))\" is not a whole number")
                }
            }
            let pcode = field("pcode")
            if !pcode.isEmpty && !(pcode.hasPrefix("C") && pcode.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }) {
                problems.add(at("pcode"), "P-code \"\(pcode)\" is not C followed by digits, as in C4268")
            }
            var population: Int?
            if !field("population").isEmpty {
                population = Int(field("population"))
                if population == nil || population! < 0 {
                    problems.add(at("population"), "population \"\(field("population"))\" is not a whole number")
                }
            }
            if requireSource && field("source").isEmpty {
                problems.add(at("source"), "no source for the coordinate of \"\(id)\"; give a URL or a dataset and id")
            }
            places.append(LocatedPlace(place: Place(
                id: id, kind: kind, nameEn: field("name_en"), nameAr: field("name_ar"),
                altNames: field("alt_names").split(separator: "|").map { String($0).trimmingSpaces }
                    .filter { !$0.isEmpty },
                lonLat: LonLat(lon, lat), parent: field("parent").isEmpty ? nil : field("parent"),
                admin1: field("admin1"), admin2: field("admin2"), pcode: pcode, geonamesID: geonamesID,
                population: population, source: field("source")),
                location: table.location(row)))
        }
        try problems.throwIfAny()
        return places
    }

    /// Writes places as CSV in the curated format, quoting where needed; rows in the given order.
    public static func csv(_ places: [Place]) -> String {
        var lines = [header.joined(separator: ",")]
        for place in places {
            let fields = [
                place.id, place.kind.rawValue, place.nameEn, place.nameAr, place.altNames.joined(separator: "|"),
                format(place.lonLat.lat), format(place.lonLat.lon), place.parent ?? "", place.admin1,
                place.population.map(String.init) ?? "", place.source, place.admin2, place.pcode,
                place.geonamesID.map(String.init) ?? "",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ degrees: Double) -> String {
        var text = String(format: "%.5f", degrees)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
