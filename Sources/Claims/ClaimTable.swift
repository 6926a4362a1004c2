import Gazetteer

/// Reads `claims.csv`: `date,place,actor,status,source,url,note`, one reported fact per row.
enum ClaimTable {
    static let required = ["date", "place", "actor", "status", "source", "url"]

    static func claims(from table: CSVTable, gazetteer: Gazetteer, regions: AdminRegions = AdminRegions(),
                       actors: [String]?) throws -> [Claim] {
        try table.requireColumns(required)
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        var problems = ProblemList()
        var claims = [Claim]()
        for row in table.rows {
            func field(_ name: String) -> String {
                guard let index = column[name], index < row.count else { return "" }
                return row[index].value.trimmingSpaces
            }
            func at(_ name: String) -> SourceLocation { table.location(row, column: column[name] ?? 0) }
            guard row.count == table.header.count else {
                problems.add(table.location(row), "this row has \(row.count) fields but the header has "
                    + "\(table.header.count); quote fields that contain commas")
                continue
            }
            var valid = true
            let date = Day(iso: field("date"))
            if date == nil {
                problems.add(at("date"), "\"\(field("date"))\" is not a date; write it as YYYY-MM-DD, e.g. 2024-11-30")
                valid = false
            }
            let placeID = resolvePlace(field("place"), at: at("place"), gazetteer: gazetteer, regions: regions,
                                      problems: &problems)
            if let actors, !actors.contains(field("actor")) {
                problems.add(at("actor"), "unknown actor \"\(field("actor"))\"; scenario.yaml defines "
                    + actors.joined(separator: ", "))
                valid = false
            }
            let status = ClaimStatus(rawValue: field("status").lowercased())
            if status == nil {
                problems.add(at("status"), "unknown status \"\(field("status"))\"; use control, contested or withdrawn")
                valid = false
            }
            if field("source").isEmpty {
                problems.add(at("source"), "no source; name who reported it (e.g. Reuters, SOHR)")
                valid = false
            }
            guard valid, let date, let status, let placeID else { continue }
            claims.append(Claim(date: date, placeID: placeID, actor: field("actor"), status: status,
                                citation: Citation(source: field("source"), url: field("url")),
                                note: field("note"), location: at("date")))
        }
        try problems.throwIfAny()
        return claims
    }

    /// A place of the gazetteer, or a region named by P-code or with a level word; a bare name is a settlement
    /// first and a region only when no settlement has it.
    private static func resolvePlace(
        _ name: String, at location: SourceLocation, gazetteer: Gazetteer, regions: AdminRegions,
        problems: inout ProblemList
    ) -> String? {
        guard !name.isEmpty else {
            problems.add(location, "no place; give a place name or id")
            return nil
        }
        let region = regions.resolve(name)
        switch region {
        case .found(let found):
            if AdminRegions.namesLevel(name) || regions.region(id: name) != nil { return found.id }
        case .ambiguous(let candidates) where AdminRegions.namesLevel(name):
            let listed = candidates.map(\.described).joined(separator: "; ")
            problems.add(location, "ambiguous region \"\(name)\": \(listed); write \"NAME governorate\", "
                + "\"NAME district\" or the P-code instead")
            return nil
        case .unknown(levelNamed: true):
            // "… Industrial District" may be a place's own name.
            if case .found(let place, _) = gazetteer.resolve(name) { return place.id }
            let names = regions.regions.prefix(3).map { "\($0.nameEn) \($0.level.rawValue)" }.joined(separator: ", ")
            problems.add(location, "no governorate or district is called \"\(name)\"; name one as OCHA does "
                + "(e.g. \(names)) or give its P-code (SY07, SY0702)")
            return nil
        default:
            break
        }
        let place = gazetteer.resolve(name)
        if case .unknown = place {
            switch region {
            case .found(let found): return found.id
            case .ambiguous(let candidates):
                let listed = candidates.map(\.described).joined(separator: "; ")
                problems.add(location, "ambiguous place \"\(name)\": no settlement has this name, and it names \(listed); "
                    + "write \"NAME governorate\", \"NAME district\" or the P-code instead")
                return nil
            default: break
            }
        }
        switch place {
        case .found(let place, _):
            return place.id
        case .ambiguous(let candidates):
            let listed = candidates.prefix(5).map(PlaceDescription.withID).joined(separator: "; ")
            problems.add(location, "ambiguous place \"\(name)\": \(listed); write the id or Parent/Name instead")
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty
                ? "add it to the scenario's places.csv"
                : "did you mean \(suggestions.map(PlaceDescription.short).joined(separator: " or "))?"
            problems.add(location, "unknown place \"\(name)\"; \(hint)")
        }
        return nil
    }
}

/// How places are named in messages.
public enum PlaceDescription {
    /// `Nubl (نبل, Aleppo)`
    public static func short(_ place: Place) -> String {
        let details = [place.nameAr, place.admin1].filter { !$0.isEmpty }
        return details.isEmpty ? place.nameEn : "\(place.nameEn) (\(details.joined(separator: ", ")))"
    }

    /// `gn-166331 Nubl (نبل, Aleppo) at 36.3787,36.9929`
    public static func withID(_ place: Place) -> String {
        let position = String(format: "%.4f,%.4f", place.lonLat.lat, place.lonLat.lon)
        return "\(place.id) \(short(place)) at \(position)"
    }
}

import Foundation
