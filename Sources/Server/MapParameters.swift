import Canvas
import Cartography
import Claims
import Gazetteer

/// The typed values of a map request's query, checked against the scenario being served.
extension QueryParameters {
    /// Widths a PNG may have, in pixels.
    static let widthRange = 200...6000
    /// The width of a PNG when none is asked for.
    static let defaultWidth = 1200

    /// The date in `name`: a calendar date, not before the scenario's first claim; `fallback` when absent.
    func day(_ name: String, scenario: Scenario, fallback: Day) throws -> Day {
        guard let text = self[name] else { return fallback }
        guard let day = Day(iso: text) else {
            throw RequestProblem.badParameter(name, "\(name) must be a date written YYYY-MM-DD")
        }
        if let first = scenario.dates.first, day < first {
            throw RequestProblem.badParameter(name, "\(name) \(day) is before the first claim (\(first)); "
                + "choose a date from \(first) on")
        }
        return day
    }

    /// The map's date: `date`, or the last claim's date.
    func date(scenario: Scenario) throws -> Day {
        try day("date", scenario: scenario, fallback: scenario.dates.last ?? Day(ordinal: 0))
    }

    /// The two dates of a diff: `from` (default the first claim's date) before `to` (default the last's).
    func dateRange(scenario: Scenario) throws -> (from: Day, to: Day) {
        let first = scenario.dates.first ?? Day(ordinal: 0)
        let from = try day("from", scenario: scenario, fallback: first)
        let to = try day("to", scenario: scenario, fallback: scenario.dates.last ?? first)
        guard from < to else {
            throw RequestProblem.badParameter("from", "from \(from) must be before to \(to)")
        }
        return (from, to)
    }

    /// One of the scenario's views by id, in any case; its default view when absent.
    func view(scenario: Scenario) throws -> MapView {
        let views = MapView.all(for: scenario)
        let wanted = self["view"] ?? scenario.defaultView
        guard let found = views.first(where: { $0.id.lowercased() == wanted.lowercased() }) else {
            throw RequestProblem.badParameter("view", "unknown view \"\(wanted)\"; "
                + Suggestion.hint(for: wanted, among: views.map(\.id), defined: "the views are"))
        }
        return found
    }

    /// `en`, `ar` or `both`; English when absent.
    func language() throws -> Language {
        guard let text = self["lang"] else { return .en }
        guard let language = Language(rawValue: text) else {
            throw RequestProblem.badParameter("lang", "unknown language \"\(text)\"; the languages are "
                + Language.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return language
    }

    /// A PNG's width in pixels, within `widthRange`.
    func width() throws -> Int {
        guard let text = self["width"] else { return Self.defaultWidth }
        guard let width = Int(text), Self.widthRange.contains(width) else {
            throw RequestProblem.badParameter("width", "width must be a whole number of pixels from "
                + "\(Self.widthRange.lowerBound) to \(Self.widthRange.upperBound)")
        }
        return width
    }
}
