import ArgumentParser
import Foundation
import Gazetteer

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a scenario and the gazetteer, listing every problem in one pass.",
        discussion: """
            Example:
              controlmap check --scenario Scenarios/aleppo-2024
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        do {
            _ = try Validation.load(input)
        } catch let error as InputError {
            for problem in error.problems { printError(problem.description) }
            let count = error.problems.count
            printError("\(count) problem\(count == 1 ? "" : "s") found; fix them and run check again")
            throw ExitCode.failure
        }
        print("ok: the gazetteer and \(input.scenarioName) have no problems")
    }
}
