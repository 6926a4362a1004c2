import ArgumentParser
import Foundation
import Gazetteer
import Storage

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and the gazetteer, listing every problem in one pass.",
        discussion: """
            Example:
              controlmap check --scenario Scenarios/aleppo-2024
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    func run() throws {
        var problems = [InputProblem]()
        do {
            let loaded = try Validation.loadWithWarnings(input.paths, cache: cache.folder)
            problems = loaded.warnings
            PaletteWarnings.report(loaded.scenario, file: input.scenarioURL.appendingPathComponent("scenario.yaml"))
            KeptUntilExit.keep(loaded)
        } catch let error as InputError {
            problems = error.problems
        }
        for problem in problems { printError(problem.description) }
        let errors = problems.filter { !$0.isWarning }.count
        guard errors == 0 else {
            printError("\(errors) problem\(errors == 1 ? "" : "s") found; fix them and run check again")
            throw ExitCode.failure
        }
        print("ok: the gazetteer and \(input.scenarioName) have no problems")
    }
}
