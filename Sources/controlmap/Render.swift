import ArgumentParser
import Canvas
import Cartography
import Claims
import Foundation
import GIS
import Gazetteer

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the control map of a date, or a diff map of two dates, as PNG, SVG, PDF or GeoTIFF.",
        discussion: """
            With no arguments, draws the scenario's latest date in its default view as PNG and SVG into Output/ \
            and prints the paths.

            Examples:
              controlmap render --date 2024-11-30 --view northwest
              controlmap render --date 2024-12-08 --view syria --lang ar --format pdf -o Output/syria-ar.pdf
              controlmap render --diff 2024-11-26..2024-11-30 --view northwest
              controlmap render --date 2024-11-30 --view aleppo-city --world-file
              controlmap render --date 2024-11-30 --view northwest --format tif

            --world-file writes a world file (.pgw) and the projection (.prj) beside a PNG, so that GIS programs \
            place it; --format tif writes a GeoTIFF in the view's projection. Both cover the whole page: the \
            title and legend bands lie on ground outside the view.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Date of the map (YYYY-MM-DD); default: the last claim's date.")
    var date: Day?

    @Option(help: "Diff map between two dates, FROM..TO (YYYY-MM-DD..YYYY-MM-DD).")
    var diff: String?

    @Option(help: "View: syria, northwest, aleppo-city, or one from scenario.yaml.")
    var view: String?

    @Option(help: "Any other extent: minLon,minLat,maxLon,maxLat.")
    var bbox: BoundingBox?

    @Option(help: "Language of the map text: en, ar or both.")
    var lang: Language = .en

    @Option(help: "png, svg, pdf or tif (GeoTIFF); default with no -o: png and svg.")
    var format: MapFileFormat?

    @Flag(help: "Also write a world file (.pgw), its projection (.prj) and GDAL's .png.aux.xml beside the PNG.")
    var worldFile = false

    @Option(help: "Width of a PNG in pixels.")
    var width: Int = 1600

    @Option(help: "Resolution of a PNG in dots per inch (text and lines scale with it).")
    var dpi: Double = 144

    @Option(name: .shortAndLong,
            help: "Output file (- for stdout); default: Output/<scenario>-<date>-<view>-<lang>.<format>.")
    var output: String?

    func validate() throws {
        guard (100...12_000).contains(width) else { throw ValidationError("--width must be from 100 to 12000 pixels") }
        guard (36...1200).contains(dpi) else { throw ValidationError("--dpi must be from 36 to 1200") }
        if diff != nil, date != nil { throw ValidationError("give either --date or --diff FROM..TO, not both") }
        if view != nil, bbox != nil { throw ValidationError("give either --view or --bbox, not both") }
        if worldFile && (format.map { $0 != .png } ?? false || output == OutputFile.standardOutput) {
            throw ValidationError("--world-file goes with a PNG file: give --format png and an -o path, not -")
        }
        if let diff, DiffRange(diff) == nil {
            throw ValidationError("--diff must be FROM..TO with two dates, e.g. 2024-11-26..2024-11-30")
        }
    }

    func run() throws {
        let workspace = try Workspace.load(input, cache: cache)
        let scenario = workspace.scenario
        let range = diff.flatMap(DiffRange.init)
        let day = try workspace.date(range?.to ?? date)
        if let range { _ = try workspace.date(range.from) }
        let mapView = try chosenView(scenario)
        let formats: [MapFileFormat] = format.map { [$0] }
            ?? (output.map { [MapFileFormat(path: $0) ?? .png] } ?? [.png, .svg])
        let renderer = MapRenderer(basemap: workspace.basemap, territory: workspace.territory)
        for fileFormat in formats {
            let request = MapRequest(date: day, diffFrom: range?.from, view: mapView, language: lang,
                                     format: fileFormat.image ?? .png, widthPx: width, dpi: dpi)
            let path = output ?? defaultPath(request, extension: fileFormat.rawValue,
                                             scenarioName: input.scenarioURL.lastPathComponent)
            if fileFormat == .tif {
                try OutputFile.write(try reportingInputErrors { try renderer.geoTIFF(request) }, to: path)
            } else {
                let map = try reportingInputErrors { try renderer.renderWithLayout(request) }
                try OutputFile.write(map.bytes, to: path)
                if worldFile && fileFormat == .png { try writeWorldFile(map.georeference, beside: path) }
            }
            if path != OutputFile.standardOutput { print(path) }
        }
    }

    /// `NAME.pgw` and `NAME.prj` beside `NAME.png`, and GDAL's `NAME.png.aux.xml` with the same projection.
    private func writeWorldFile(_ georeference: Georeference, beside path: String) throws {
        let base = URL(fileURLWithPath: path).deletingPathExtension().path
        let files = [(base + ".pgw", georeference.worldFile), (base + ".prj", try georeference.prj() + "\n"),
                     (path + ".aux.xml", try georeference.auxXML())]
        for (file, text) in files {
            try OutputFile.write(Array(text.utf8), to: file)
            print(file)
        }
    }

    private func chosenView(_ scenario: Scenario) throws -> MapView {
        if let bbox { return .custom(bbox.envelope) }
        let views = MapView.all(for: scenario)
        let wanted = view ?? scenario.defaultView
        guard let found = views.first(where: { $0.id.lowercased() == wanted.lowercased() }) else {
            throw ValidationError("unknown view \"\(wanted)\"; "
                + Suggestion.hint(for: wanted, among: views.map(\.id), defined: "the views are"))
        }
        return found
    }

    private func defaultPath(_ request: MapRequest, extension: String, scenarioName: String) -> String {
        let dates = request.diffFrom.map { "\($0)-to-\(request.date)" } ?? "\(request.date)"
        let kind = request.diffFrom == nil ? "" : "diff-"
        return "Output/\(scenarioName)-\(kind)\(dates)-\(request.view.id)-\(request.language.rawValue).\(`extension`)"
    }
}

/// `FROM..TO`
struct DiffRange {
    var from: Day
    var to: Day

    init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = Day(iso: parts[0]), let to = Day(iso: parts[1]), from < to else { return nil }
        self.from = from
        self.to = to
    }
}

/// The files `render` writes: the canvas's images, and GeoTIFF made from the PNG.
enum MapFileFormat: String, ExpressibleByArgument, CaseIterable {
    case png, svg, pdf, tif

    /// The format a file name's extension names (`.tiff` too).
    init?(path: String) {
        let name = URL(fileURLWithPath: path).pathExtension.lowercased()
        self.init(rawValue: name == "tiff" ? "tif" : name)
    }

    /// What the canvas draws; nil for GeoTIFF, drawn as PNG first.
    var image: ImageFormat? { ImageFormat(rawValue: rawValue) }
}
