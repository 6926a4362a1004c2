import Foundation
public import Gazetteer
import Geometry

/// Claims from an ACLED export (CSV with ACLED's documented columns). Events whose sub-event type moves territory
/// become `control` claims for `actor1`, the side that took or regained it; every other event is counted and
/// skipped. Each claim cites ACLED, the event id and the sources the row names.
public enum ACLEDImport {
    /// The columns a row needs; ACLED exports have more, which are ignored.
    public static let requiredColumns = ["event_id_cnty", "event_date", "sub_event_type", "actor1", "location",
                                         "latitude", "longitude", "source"]

    /// The sub-event types that report a change of territory.
    public static let territoryEvents: Set = [
        "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
    ]

    public static func claims(csv text: String, file: String, gazetteer: Gazetteer, actors: [String: String])
        throws -> DraftClaims
    {
        let table = try CSVTable(text: text, file: file)
        try table.requireColumns(requiredColumns)
        let index = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        let matcher = PlaceMatcher(gazetteer: gazetteer)
        var drafts = DraftClaims()
        var problems = ProblemList()
        for row in table.rows {
            func field(_ name: String) -> (value: String, location: SourceLocation) {
                let column = index[name]!
                guard column < row.count else { return ("", table.location(row)) }
                return (row[column].value.trimmingSpaces, table.location(row, column: column))
            }
            let type = field("sub_event_type").value
            guard territoryEvents.contains(type) else {
                drafts.skipped[type.isEmpty ? "(no sub_event_type)" : type, default: 0] += 1
                continue
            }
            let date = field("event_date")
            guard let day = day(date.value) else {
                problems.add(date.location, "event_date \"\(date.value)\" is not a date; ACLED writes YYYY-MM-DD "
                    + "or \"30 November 2024\"")
                continue
            }
            let latitude = field("latitude"), longitude = field("longitude")
            guard let lat = Double(latitude.value), let lon = Double(longitude.value), abs(lat) <= 90,
                  abs(lon) <= 180 else {
                problems.add(latitude.location, "latitude/longitude \"\(latitude.value)\", \"\(longitude.value)\" "
                    + "are not degrees")
                continue
            }
            let actorName = field("actor1").value
            guard let actor = actors[actorName] else {
                drafts.unmapped[actorName, default: 0] += 1
                continue
            }
            let location = field("location")
            guard let place = matcher.place(named: location.value, at: LonLat(lon, lat)) else {
                drafts.unplaced.append((location.location, location.value))
                continue
            }
            let event = field("event_id_cnty").value
            drafts.rows.append(DraftClaims.Row(
                date: day, placeID: place.id, actor: actor, status: "control",
                citation: Citation(source: "ACLED \(event) (\(field("source").value))", url: ""),
                note: "ACLED \(event): \(type); location \(location.value)"))
        }
        try problems.throwIfAny()
        return drafts
    }

    /// `2024-11-30`, or `30 November 2024` as older exports write it.
    static func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "d MMMM yyyy"
        guard let date = parser.date(from: text) else { return nil }
        parser.dateFormat = "yyyy-MM-dd"
        return Day(iso: parser.string(from: date))
    }
}
