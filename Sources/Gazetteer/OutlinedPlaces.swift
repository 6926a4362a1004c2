public import Foundation
public import Geometry

/// Reads a layer of places with outlines (`neighbourhoods/*.geojson`, written by scripts/import-neighbourhoods.py):
/// one polygon feature per place, its properties the columns of the place format (`id, kind, name_en, name_ar,
/// alt_names, lat, lon, parent, admin1, pcode, source`).
public enum OutlinedPlaces {
    /// A place with its row's position in the file, and its outline.
    public struct Row: Sendable {
        public var located: LocatedPlace
        public var outline: MultiPolygon
    }

    /// Every feature as a place, collecting all problems before throwing.
    public static func read(_ url: URL) throws -> [Row] {
        let file = GazetteerLoader.displayName(url)
        return try read(try InputText.data(url, file: file), file: file)
    }

    /// Every feature of a file's bytes as a place; `file` names it in messages.
    static func read(_ data: Data, file: String) throws -> [Row] {
        let features = try GeoJSONReader.features(from: data, file: file)
        var problems = ProblemList()
        var rows = [Row]()
        for feature in features {
            let properties = feature.properties
            func field(_ name: String) -> String { (properties[name] ?? "").trimmingSpaces }
            let id = field("id")
            guard !id.isEmpty, !id.contains(where: { $0 == "/" || $0 == " " }) else {
                problems.add(feature.location, "id \"\(id)\" must be non-empty, without spaces or \"/\"")
                continue
            }
            guard let kind = PlaceKind(rawValue: field("kind")) else {
                problems.add(feature.location, "unknown kind \"\(field("kind"))\" of \(id); use one of "
                    + PlaceKind.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard !field("name_en").isEmpty, !field("source").isEmpty else {
                problems.add(feature.location, "\(id) needs a name_en and a source")
                continue
            }
            guard let lat = Double(field("lat")), (-90...90).contains(lat),
                  let lon = Double(field("lon")), (-180...180).contains(lon) else {
                problems.add(feature.location, "\(id): lat and lon must be degrees")
                continue
            }
            guard !feature.area.isEmpty else {
                problems.add(feature.location, "\(id) has no polygon; an outlined place needs its outline")
                continue
            }
            let place = Place(id: id, kind: kind, nameEn: field("name_en"), nameAr: field("name_ar"),
                              altNames: field("alt_names").split(separator: "|").map(String.init),
                              lonLat: LonLat(lon, lat), parent: field("parent").isEmpty ? nil : field("parent"),
                              admin1: field("admin1"), pcode: field("pcode"), source: field("source"))
            rows.append(Row(located: LocatedPlace(place: place, location: feature.location), outline: feature.area))
        }
        try problems.throwIfAny()
        return rows
    }
}
