import ArgumentParser
import Claims
import Foundation
import Gazetteer
import GIS
import Storage
import Territory

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two dates: places that changed hands and km² gained and lost per actor.",
        discussion: """
            The diff map is drawn by `controlmap render --diff FROM..TO`.

            Examples:
              controlmap diff --from 2024-11-26 --to 2024-11-30
              controlmap diff --from 2024-11-26 --to 2024-12-08 --format json --geojson Output/changed.geojson
              controlmap diff --from 2024-11-26 --to 2024-11-30 --export Output/diff.gpkg

            --export writes, through GDAL, the layers of the later date (zones, contested, fronts, places) and \
            the ground that changed (changes), as a GeoPackage or, with --export-format, shp, kml or csv.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Earlier date (YYYY-MM-DD); default: the first claim's date.")
    var from: Day?

    @Option(help: "Later date (YYYY-MM-DD); default: the last claim's date.")
    var to: Day?

    @Option(help: "text (a short summary) or json.")
    var format: SummaryFormat = .text

    @Option(help: ArgumentHelp("Also write the ground that changed hands as GeoJSON to this file (- for stdout, "
        + "instead of the summary)."))
    var geojson: String?

    @Option(help: ArgumentHelp("Also write the five layers to this GeoPackage (or folder, for shp and csv).",
                               valueName: "path"))
    var export: String?

    @Option(help: "gpkg, shp, kml or csv.")
    var exportFormat: VectorFormat = .gpkg

    func validate() throws {
        if export == OutputFile.standardOutput { throw ValidationError("--export writes files; give a path, not -") }
        if let from, let to, !(from < to) { throw ValidationError("--from must be before --to") }
    }

    func run() throws {
        let workspace = try Workspace.load(input, cache: cache)
        let scenario = workspace.scenario
        let start = try workspace.date(from ?? scenario.dates.first)
        let end = try workspace.date(to)
        guard start < end else { throw ValidationError("--from \(start) must be before --to \(end)") }
        let diff = try reportingInputErrors { () throws -> ControlDiff in
            try workspace.territory.diff(from: start, to: end)
        }
        if let export {
            let layers = try reportingInputErrors { try workspace.territory.layers(at: end, since: start) }
            try VectorExport.write(layers, format: exportFormat, to: export, date: end)
        }
        if let geojson {
            try OutputFile.write(Array((diff.geoJSON().serialized() + "\n").utf8), to: geojson)
            if geojson == OutputFile.standardOutput { return }
        }
        switch format {
        case .json: try emit(diff.json(scenario: scenario).serialized(pretty: true) + "\n", to: nil)
        case .text: try emit(summary(diff, scenario: scenario), to: nil)
        }
    }

    private func summary(_ diff: ControlDiff, scenario: Scenario) -> String {
        func name(_ actor: String?) -> String {
            actor.map { scenario.actor(id: $0)?.nameEn ?? $0 } ?? "nobody"
        }
        func describe(_ state: ControlState?) -> String {
            switch state {
            case .held(let actor)?: name(actor)
            case .shared(let among)?: "shared (" + among.map(name).joined(separator: ", ") + ")"
            case .contested(let among)?: "contested (" + among.map(name).joined(separator: ", ") + ")"
            case .abandoned?: "abandoned"
            case nil: "not reported"
            }
        }
        let changes = diff.places.map { change in
            (change, scenario.gazetteer.place(id: change.placeID)?.nameEn ?? change.placeID)
        }.sorted { ($0.0.date, $0.1) < ($1.0.date, $1.1) }
        var lines = ["From \(diff.from) to \(diff.to): \(changes.count) places changed state, "
            + "\(changes.filter { $0.0.from != $0.0.to }.count) of them changed hands"]
        for (change, place) in changes {
            lines.append("  \(change.date)  \(place): \(describe(change.before)) → \(describe(change.after))")
        }
        lines.append("Ground, km²:")
        for balance in diff.actors where balance.km2From > 0 || balance.km2To > 0 {
            let gained = diff.transfers.filter { $0.to == balance.actor }.reduce(0) { $0 + $1.areaKm2 }
            let lost = diff.transfers.filter { $0.from == balance.actor }.reduce(0) { $0 + $1.areaKm2 }
            lines.append(String(format: "  %@: %.0f → %.0f (gained %.0f, lost %.0f)", name(balance.actor),
                                balance.km2From, balance.km2To, gained, lost))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
