import ArgumentParser
import Claims
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
        var problems = [InputProblem]()
        let scenarioPlaces = input.scenarioURL.appendingPathComponent("places.csv")
        let extra = FileManager.default.fileExists(atPath: scenarioPlaces.path) ? [scenarioPlaces] : []
        do {
            let layers = try GazetteerLoader.loadLayers(directory: input.gazetteerURL, extraLayers: extra)
            let basemap = try GazetteerLoader.loadBasemap(directory: input.gazetteerURL)
            problems += GazetteerCheck.problems(layers: layers, country: basemap.country.area)
            let scenario = try ScenarioLoader.load(directory: input.scenarioURL, gazetteerDirectory: input.gazetteerURL)
            PaletteWarnings.report(scenario, file: input.scenarioURL.appendingPathComponent("scenario.yaml"))
        } catch let error as InputError {
            problems += error.problems
        }
        var seen = Set<InputProblem>()
        for problem in problems where seen.insert(problem).inserted { printError(problem.description) }
        guard problems.isEmpty else {
            printError("\(seen.count) problem\(seen.count == 1 ? "" : "s") found")
            throw ExitCode.failure
        }
        print("ok: the gazetteer and \(input.scenario) have no problems")
    }
}
