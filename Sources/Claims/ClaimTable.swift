import Gazetteer

/// Reads `claims.csv`: `date,place,actor,status,source,url,note`, one reported fact per row, and an optional
/// `covers` column (`all`: a container's claim reaches every place inside, enclaves included).
enum ClaimTable {
    static let required = ["date", "place", "actor", "status", "source", "url"]
    /// Longer place names are refused before the fuzzy look-up, whose cost grows with the name's length.
    static let placeNameCharacters = 200

    /// The claims; with no `gazetteer` places are not looked up, with no `actors` actors are not checked.
    static func claims(from table: CSVTable, gazetteer: Gazetteer?, regions: AdminRegions = AdminRegions(),
                       actors: [String]?) throws -> [Claim] {
        try table.requireColumns(required)
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        var problems = ProblemList()
        var claims = [Claim]()
        var resolved = [String: (place: Resolution, region: AdminRegions.Resolution)]()
        // Each column's index looked up once, not by name for every field of every row.
        let columns = (date: column["date"], place: column["place"], actor: column["actor"], status: column["status"],
                       covers: column["covers"], source: column["source"], url: column["url"], note: column["note"])
        claims.reserveCapacity(table.rows.count)
        for row in table.rows {
            func field(_ index: Int?) -> String {
                guard let index, index < row.count else { return "" }
                return row[index].value.trimmingSpaces
            }
            func at(_ index: Int?) -> SourceLocation { table.location(row, column: index ?? 0) }
            guard row.count == table.header.count else {
                problems.add(table.location(row), "this row has \(row.count) fields but the header has "
                    + "\(table.header.count); quote fields that contain commas")
                continue
            }
            var valid = true
            let dateText = field(columns.date)
            let date = Day(iso: dateText)
            if date == nil {
                problems.add(at(columns.date), "\"\(dateText)\" is not a date; write it as YYYY-MM-DD, e.g. 2024-11-30")
                valid = false
            }
            let placeID = gazetteer.flatMap {
                resolvePlace(field(columns.place), at: at(columns.place), gazetteer: $0, regions: regions,
                             resolved: &resolved, problems: &problems)
            }
            var actor = field(columns.actor)
            if let actors, !actors.contains(actor) {
                if let same = actors.first(where: { $0.lowercased() == actor.lowercased() }) {
                    actor = same
                } else {
                    problems.add(at(columns.actor), "unknown actor \"\(actor)\"; "
                        + Suggestion.hint(for: actor, among: actors, defined: "scenario.yaml defines"))
                    valid = false
                }
            }
            let statusText = field(columns.status)
            let status = ClaimStatus(rawValue: statusText.lowercased())
            if status == nil {
                problems.add(at(columns.status), "unknown status \"\(statusText)\"; use control, contested or withdrawn")
                valid = false
            }
            let coversText = field(columns.covers)
            let covers = coversText.lowercased()
            if !covers.isEmpty && covers != "all" {
                problems.add(at(columns.covers), "unknown covers \"\(coversText)\"; leave it empty, or write all "
                    + "when the claim holds for every place inside, enclaves of other sides included")
                valid = false
            }
            let source = field(columns.source)
            if source.isEmpty {
                problems.add(at(columns.source), "no source; name who reported it (e.g. Reuters, SOHR)")
                valid = false
            }
            guard valid, let date, let status, let placeID else { continue }
            claims.append(Claim(date: date, placeID: placeID, actor: actor, status: status,
                                citation: Citation(source: source, url: field(columns.url)),
                                note: field(columns.note), location: at(columns.date), coversAll: covers == "all"))
        }
        try problems.throwIfAny()
        return claims
    }

    /// The id of a place of the gazetteer, or of a region named by P-code or with a level word (a bare name is a
    /// settlement first and a region only when no settlement has it); nil with a problem. `resolved` keeps each
    /// name's resolutions, as a place and as a region, for the rows that repeat it.
    private static func isOwnID(_ name: String, of resolution: Resolution) -> Bool {
        if case .found(let place, _) = resolution { return place.id == name }
        return false
    }

    private static func resolvePlace(
        _ name: String, at location: SourceLocation, gazetteer: Gazetteer, regions: AdminRegions,
        resolved: inout [String: (place: Resolution, region: AdminRegions.Resolution)],
        problems: inout ProblemList
    ) -> String? {
        guard !name.isEmpty else {
            problems.add(location, "no place; give a place name or id")
            return nil
        }
        guard name.unicodeScalars.count <= placeNameCharacters else {
            problems.add(location, "the place name has more than \(placeNameCharacters) characters; "
                + "give the place's name or id")
            return nil
        }
        let known = resolved[name]
        let (resolution, region) = known ?? {
            // A region named with a level word or by P-code is the answer whatever place shares the name (see
            // below): no place is looked for (an unknown name costs a near-spelling search).
            if AdminRegions.namesLevel(name) || regions.region(id: name) != nil,
               case .found(let found) = regions.resolve(name) {
                return (Resolution.unknown(suggestions: []), AdminRegions.Resolution.found(found))
            }
            let place = gazetteer.resolve(name)
            // A region is read only where it can change the answer: a level word, a P-code, or no settlement.
            var placeFound = true
            if case .unknown = place { placeFound = false }
            let asked = !placeFound || AdminRegions.namesLevel(name) || regions.region(id: name) != nil
            return (place, asked ? regions.resolve(name) : .unknown(levelNamed: false))
        }()
        // A place's own id is found again as fast as it is looked up here: only other names are kept (storing
        // every id cost more than resolving them, with tens of thousands of places claimed).
        if known == nil, !Self.isOwnID(name, of: resolution) { resolved[name] = (resolution, region) }
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
            if case .found(let place, _) = resolution { return place.id }
            let names = regions.regions.prefix(3).map { "\($0.nameEn) \($0.level.rawValue)" }.joined(separator: ", ")
            problems.add(location, "no governorate or district is called \"\(name)\"; name one as OCHA does "
                + "(e.g. \(names)) or give its P-code (SY07, SY0702)")
            return nil
        default:
            break
        }
        if case .unknown = resolution {
            switch region {
            case .found(let found): return found.id
            case .ambiguous(let candidates):
                let listed = candidates.map(\.described).joined(separator: "; ")
                problems.add(location, "ambiguous place \"\(name)\": no settlement has this name, and it names "
                    + "\(listed); write \"NAME governorate\", \"NAME district\" or the P-code instead")
                return nil
            default: break
            }
        }
        switch resolution {
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

    /// `gn-166331 Nubl (نبل, Aleppo) at 36.9929,36.3787`: longitude first, as everywhere.
    public static func withID(_ place: Place) -> String {
        let position = String(format: "%.4f,%.4f", place.lonLat.lon, place.lonLat.lat)
        return "\(place.id) \(short(place)) at \(position)"
    }
}

import Foundation
