import ArgumentParser
import Claims
import Storage

extension Workspace {
    /// Loads the inputs, printing every input problem before failing; the cells come from the cache unless
    /// `cache.noCache`.
    static func load(_ options: InputOptions, cache: CacheOptions) throws -> Workspace {
        try reportingInputErrors {
            try load(options.paths, cached: !cache.noCache, warn: { printError($0) })
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
}
