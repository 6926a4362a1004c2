import ArgumentParser
import Claims
import Foundation
import Gazetteer
import GIS
import Storage
import Territory

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Zones, front lines and places with their controllers at a date, as GeoJSON, JSON, text or GIS layers.",
        discussion: """
            GeoJSON and JSON go to stdout, or to -o FILE. With --format gpkg, shp, kml or csv, GDAL writes five \
            layers (zones, contested, fronts, places, and changes since --since) to -o, by default \
            Output/snapshot-DATE.gpkg or .kml, or the folder Output/snapshot-DATE-shp or -csv with a file per layer. \
            --layer keeps one layer. Lists (actors, sources) become comma- and semicolon-joined text there; \
            GeoJSON keeps them as arrays.

            Examples:
              controlmap snapshot --date 2024-11-30 --format geojson -o Output/snapshot-2024-11-30.geojson
              controlmap snapshot --date 2024-11-30 --format gpkg
              controlmap snapshot --date 2024-11-30 --format geojson --layer fronts
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Date (YYYY-MM-DD); default: the last claim's date.")
    var date: Day?

    @Option(help: "geojson, json (the same FeatureCollection), text (areas per actor), or gpkg, shp, kml, csv.")
    var format: OutputFormat = .geojson

    @Option(help: ArgumentHelp("Only this layer: zones, contested, fronts, places or changes.", valueName: "kind"))
    var layer: LayerKind?

    @Option(help: "The changes layer shows what changed since this date; default: the first claim's date.")
    var since: Day?

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout (- is stdout).")
    var output: String?

    func validate() throws {
        if layer != nil && format == .text { throw ValidationError("--layer needs --format geojson, json or a GIS format") }
        if format.vector != nil && output == OutputFile.standardOutput {
            throw ValidationError("--format \(format.rawValue) writes files; give -o a path, not -")
        }
    }

    func run() throws {
        let workspace = try Workspace.load(input, cache: cache)
        let day = try workspace.date(date)
        if let vector = format.vector {
            let start = try workspace.date(since ?? workspace.scenario.dates.first)
            let layers = try reportingInputErrors { try workspace.territory.layers(at: day, since: start) }
            try VectorExport.write(VectorExport.select(layers, layer), format: vector,
                                   to: output ?? VectorExport.defaultPath("snapshot-\(day)", format: vector), date: day)
            return
        }
        if let layer, format != .text {
            let start = try workspace.date(since ?? workspace.scenario.dates.first)
            let layers = try reportingInputErrors { try workspace.territory.layers(at: day, since: start) }
            try emit(GeoJSON.collection(VectorExport.select(layers, layer), date: day).serialized() + "\n", to: output)
            return
        }
        let territory = try reportingInputErrors {
            try workspace.territory.map(at: day)
        }
        let text: String
        switch format {
        case .text:
            text = summary(territory, scenario: workspace.scenario)
        default:
            text = try territory.geoJSON(scenario: workspace.scenario).serialized() + "\n"
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
