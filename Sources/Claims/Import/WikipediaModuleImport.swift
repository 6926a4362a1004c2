import Foundation
public import Gazetteer
import Geometry

/// Claims from the Lua data of a Wikipedia "detailed map" module: each mark (a table with `lat`, `long` and
/// `mark`, the parameters of Wikipedia's Location map templates, and usually `label`) becomes a `control` claim
/// at `date` for the actor its icon stands for in the scenario's `wikipedia_icons` table. An icon missing from the
/// table is counted and listed, never guessed. The source is the module's title and revision.
public enum WikipediaModuleImport {
    /// A mark of the module: where, which icon, and the place it names.
    struct Mark {
        var location: SourceLocation
        var lonLat: LonLat
        var icon: String
        var label: String
    }

    public static func claims(lua text: String, file: String, date: Day, title: String, revision: Int,
                              gazetteer: Gazetteer, icons: [String: String]) throws -> DraftClaims
    {
        let marks = try LuaDataReader.values(text, file: file)
        var found = [Mark]()
        try marks.forEach { try collect($0.1, at: $0.0, into: &found) }
        guard !found.isEmpty else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1),
                             "the module has no marks (tables with lat, long and mark); check that it is a "
                                 + "detailed-map module")
        }
        let citation = Citation(source: "Wikipedia, \(title), revision \(revision)", url: permanentLink(title, revision))
        let matcher = PlaceMatcher(gazetteer: gazetteer)
        var drafts = DraftClaims()
        for mark in found {
            guard let actor = icons[mark.icon] else {
                drafts.unmapped[mark.icon, default: 0] += 1
                continue
            }
            guard let place = matcher.place(named: mark.label, at: mark.lonLat) else {
                drafts.unplaced.append((mark.location, mark.label.isEmpty ? "(no label)" : mark.label))
                continue
            }
            drafts.rows.append(DraftClaims.Row(date: date, placeID: place.id, actor: actor, status: "control",
                                               citation: citation,
                                               note: "icon \(mark.icon); label \(mark.label)"))
        }
        return drafts
    }

    /// The address of one revision of a page, which does not change when the page does.
    static func permanentLink(_ title: String, _ revision: Int) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?")
        let encoded = title.replacingOccurrences(of: " ", with: "_").addingPercentEncoding(withAllowedCharacters: allowed)
        return "https://en.wikipedia.org/w/index.php?title=\(encoded ?? title)&oldid=\(revision)"
    }

    /// Gathers the marks in a value and the tables inside it.
    private static func collect(_ value: LuaValue, at location: SourceLocation, into marks: inout [Mark]) throws {
        guard case .table(let fields) = value else { return }
        if case .number(let lat)? = value["lat"], let icon = value["mark"] {
            guard case .number(let lon)? = value["long"] ?? value["lon"], abs(lat) <= 90, abs(lon) <= 180 else {
                throw InputError(location, "this mark has no numeric long (longitude) in degrees")
            }
            guard case .string(let iconName) = icon, !iconName.isEmpty else {
                throw InputError(location, "this mark's `mark` is not an icon file name")
            }
            var label = ""
            if case .string(let text)? = value["label"] ?? value["link"] { label = text }
            marks.append(Mark(location: location, lonLat: LonLat(lon, lat), icon: iconName, label: label))
            return
        }
        for field in fields { try collect(field.value, at: field.location, into: &marks) }
    }
}
