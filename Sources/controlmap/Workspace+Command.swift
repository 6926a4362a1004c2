import ArgumentParser
import Cartography
import Claims
import Gazetteer
import Storage

extension Workspace {
    /// Loads the inputs, printing every input problem before failing; the cells come from the cache unless
    /// `cache.noCache`.
    static func load(_ options: InputOptions, cache: CacheOptions) throws -> Workspace {
        try reportingInputErrors {
            try load(options.paths, cache: cache.folder)
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

