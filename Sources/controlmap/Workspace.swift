import ArgumentParser
import Claims
import Foundation
import Gazetteer
import Geometry
import Territory

/// Everything loaded from disk for one command: the scenario, the basemap and the cached cells.
struct Workspace {
    let scenario: Scenario
    let basemap: Basemap
    let cells: PlaceCells

    /// Loads the inputs, printing every input problem before failing.
    static func load(_ options: InputOptions) throws -> Workspace {
        try reportingInputErrors {
            let (scenario, basemap) = try Validation.load(options)
            let cells = try cachedCells(scenario: scenario, country: basemap.country.area)
            return Workspace(scenario: scenario, basemap: basemap, cells: cells)
        }
    }

    /// The cells from `Output/.cache` when their inputs are unchanged, else computed and cached.
    private static func cachedCells(scenario: Scenario, country: MultiPolygon) throws -> PlaceCells {
        let ids = scenario.mappedPlaceIDs
        let places = scenario.gazetteer.places.filter { ids.contains($0.id) }
        let key = PlaceCells.key(places: places, country: country)
        let cache = URL(fileURLWithPath: "Output/.cache/cells-\(key).bin")
        if let data = FileManager.default.contents(atPath: cache.path),
           let cells = PlaceCells(encoded: [UInt8](data)), cells.key == key {
            return cells
        }
        let cells = try PlaceCells(places: places, country: country)
        try? AtomicWrite.write(bytes: cells.encoded(), to: cache)
        return cells
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
