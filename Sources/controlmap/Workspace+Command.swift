import ArgumentParser
import Foundation
import Cartography
import Claims
import Gazetteer
import Storage

extension Workspace {
    /// Loads the inputs, printing every input problem before failing; the cells come from the cache unless
    /// `cache.noCache`.
    static func load(_ options: InputOptions, cache: CacheOptions) throws -> Workspace {
        let workspace = try reportingInputErrors {
            try load(options.paths, cache: cache.folder)
        }
        KeptUntilExit.keep(workspace)
        return workspace
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


/// What a command loaded, kept to the end of the process: the process ends when the command returns, and the
/// operating system takes back a gazetteer's and a scenario's hundreds of thousands of small allocations at once,
/// where freeing them one by one took tens of milliseconds after the output was written.
enum KeptUntilExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept = [Any]()

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
