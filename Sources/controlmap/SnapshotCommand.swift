import ArgumentParser
import Claims
import Foundation
import Storage
import Gazetteer
import Territory

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Zones, front lines and places with their controllers at a date, as GeoJSON, JSON or text.",
        discussion: """
            GeoJSON and JSON go to stdout, or to -o FILE.

            Example:
              controlmap snapshot --date 2024-11-30 --format geojson -o Output/snapshot-2024-11-30.geojson
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Date (YYYY-MM-DD); default: the last claim's date.")
    var date: Day?

    @Option(help: "geojson, json (the same FeatureCollection) or text (areas per actor).")
    var format: OutputFormat = .geojson

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout (- is stdout).")
    var output: String?

    func run() throws {
        let workspace = try Workspace.load(input, cache: cache)
        let day = try workspace.date(date)
        let territory = try reportingInputErrors {
            try workspace.territory.map(at: day)
        }
        let text: String
        switch format {
        case .geojson, .json:
            text = territory.geoJSON(scenario: workspace.scenario).serialized() + "\n"
        case .text:
            text = summary(territory, scenario: workspace.scenario)
        }
        try emit(text, to: output)
    }

    private func summary(_ territory: TerritoryMap, scenario: Scenario) -> String {
        var lines = ["\(territory.snapshot.date): \(territory.snapshot.controls.count) places"]
        for zone in territory.zones {
            let name: String
            switch zone.kind {
            case .held(let actor): name = scenario.actor(id: actor)?.nameEn ?? actor
            case .shared(let among): name = "shared (" + among.joined(separator: ", ") + ")"
            case .contested(let among): name = "contested (" + among.joined(separator: ", ") + ")"
            case .abandoned: name = "abandoned"
            case .unreported: name = "no reported control"
            }
            lines.append(String(format: "  %10.0f km²  %@", zone.areaKm2, name))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Prints to stdout, or writes the file whole when a path is given.
func emit(_ text: String, to path: String?) throws {
    try OutputFile.write(Array(text.utf8), to: path ?? OutputFile.standardOutput)
    if let path, path != OutputFile.standardOutput { printError("wrote \(path)") }
}
