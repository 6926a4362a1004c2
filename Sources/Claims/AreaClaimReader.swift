import Foundation
import Gazetteer
import Geometry

/// Reads `areas.geojson`: one feature per area claim, with properties id, date, actor, status, source, url, note.
enum AreaClaimReader {
    static func read(_ url: URL, actors: [String]?) throws -> [AreaClaim] {
        let file = GazetteerLoader.displayName(url)
        let data = try InputText.data(url, file: file)
        var problems = ProblemList()
        var claims = [AreaClaim]()
        for (index, feature) in try GeoJSONReader.features(from: data, file: file).enumerated() {
            let properties = feature.properties
            let date = Day(iso: properties["date"] ?? "")
            let status = ClaimStatus(rawValue: properties["status"] ?? "control")
            var actor = properties["actor"] ?? ""
            if date == nil {
                problems.add(feature.location, "feature \(index + 1): \"date\" must be YYYY-MM-DD")
            }
            if status == nil {
                problems.add(feature.location, "feature \(index + 1): status must be control, contested or withdrawn")
            }
            if let actors, !actors.contains(actor) {
                if let same = actors.first(where: { $0.lowercased() == actor.lowercased() }) {
                    actor = same
                } else {
                    problems.add(feature.location, "feature \(index + 1): unknown actor \"\(actor)\"; "
                        + Suggestion.hint(for: actor, among: actors, defined: "scenario.yaml defines"))
                }
            }
            if feature.area.isEmpty {
                problems.add(feature.location, "feature \(index + 1): an area claim needs a Polygon or MultiPolygon")
            }
            guard let date, let status, !feature.area.isEmpty else { continue }
            let area = (try? feature.area.madeValid()) ?? feature.area
            claims.append(AreaClaim(
                id: properties["id"] ?? "area-\(index + 1)", date: date, actor: actor, status: status, area: area,
                citation: Citation(source: properties["source"] ?? "", url: properties["url"] ?? ""),
                note: properties["note"] ?? ""))
        }
        try problems.throwIfAny()
        return claims
    }
}
