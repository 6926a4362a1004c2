import ArgumentParser
import Cartography
import Claims
import Foundation
import Gazetteer
import Geometry
import Territory

/// Everything loaded from disk for one command: the scenario, the basemap and the cached cells.
struct Workspace {
    let scenario: Scenario
    let basemap: Basemap
    let territory: TerritoryModel

    /// Loads the inputs, printing every input problem before failing; the cells come from the cache unless
    /// `cache.noCache`.
    static func load(_ options: InputOptions, cache: CacheOptions) throws -> Workspace {
        try reportingInputErrors {
            let folder = cache.folder
            let (scenario, basemap) = try Validation.load(options, cache: folder)
            let store = folder.map { folder in
                CellStore(persist: { key, compute in try folder.cells(key: key, compute: compute) })
            } ?? CellStore()
            let territory = TerritoryModel(scenario: scenario, country: basemap.country.area, store: store)
            return Workspace(scenario: scenario, basemap: basemap, territory: territory)
        }
    }

    /// The scenario's last claim date, or the date asked for after checking it is not before the first.
    func date(_ asked: Day?) throws -> Day {
        guard let first = scenario.dates.first, let last = scenario.dates.last else {
            throw ValidationError("the scenario has no claims")
        }
        guard let asked else { return last }
        if asked < first {
            throw ValidationError("\(asked) is before the first claim (\(first)); choose a date from \(first) on")
        }
        return asked
    }

    /// The view of `--bbox`, else the one named (any case), else the scenario's default.
    func view(_ name: String?, bbox: BoundingBox?) throws -> MapView {
        if let bbox { return .custom(bbox.envelope) }
        let views = MapView.all(for: scenario)
        let wanted = name ?? scenario.defaultView
        guard let found = views.first(where: { $0.id.lowercased() == wanted.lowercased() }) else {
            throw ValidationError("unknown view \"\(wanted)\"; "
                + Suggestion.hint(for: wanted, among: views.map(\.id), defined: "the views are"))
        }
        return found
    }
}
