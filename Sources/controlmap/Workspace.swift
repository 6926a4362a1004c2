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
    let territory: TerritoryModel

    /// Loads the inputs, printing every input problem before failing.
    static func load(_ options: InputOptions) throws -> Workspace {
        try reportingInputErrors {
            let scenario = try ScenarioLoader.load(directory: options.scenarioURL, gazetteerDirectory: options.gazetteerURL)
            let basemap = try GazetteerLoader.loadBasemap(directory: options.gazetteerURL)
            let territory = TerritoryModel(scenario: scenario, country: basemap.country.area, store: cellStore())
            return Workspace(scenario: scenario, basemap: basemap, territory: territory)
        }
    }

    /// Cells kept in `Output/.cache`, one file per set of places, read back when their inputs are unchanged.
    private static func cellStore() -> CellStore {
        CellStore(load: { key in
            FileManager.default.contents(atPath: "Output/.cache/cells-\(key).bin").flatMap { PlaceCells(encoded: [UInt8]($0)) }
        }, save: { cells in
            try? OutputFile.write(cells.encoded(), to: URL(fileURLWithPath: "Output/.cache/cells-\(cells.key).bin"))
        })
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

/// Runs `body`, printing input problems one per line to stderr and exiting non-zero on them.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        for problem in error.problems { printError(problem.description) }
        throw ExitCode.failure
    } catch let error as GeometryError {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Writes output files whole or not at all, with a message users can act on.
enum OutputFile {
    static func write(_ bytes: [UInt8], to url: URL) throws {
        do {
            try AtomicWrite.write(bytes: bytes, to: url)
        } catch let failure as AtomicWrite.Failure {
            throw ValidationError(failure.description)
        }
    }
}
