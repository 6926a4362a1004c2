import ArgumentParser
import Dispatch
import Canvas
import Cartography
import Claims
import Foundation
import Gazetteer
import GIS
import Storage

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the control map of a date, or a diff map of two dates, as PNG, SVG, PDF or GeoTIFF.",
        discussion: """
            With no arguments, draws the scenario's latest date in its default view as PNG and SVG into Output/ \
            and prints the paths.

            Examples:
              controlmap render --date 2024-11-30 --view northwest
              controlmap render --date 2024-12-08 --view syria --lang ar --format pdf -o Output/syria-ar.pdf
              controlmap render --diff 2024-11-26..2024-11-30 --view northwest
              controlmap render --date 2024-11-30 --legend-period 2024-11-26..2024-12-08
              controlmap render --date 2024-11-30 --view aleppo-city --world-file
              controlmap render --date 2024-11-30 --view northwest --format tif

            --legend-period lays the map out as `timeline` does for that period (one legend for every day, room \
            for the longest date and footer), so the map is the same image as the timeline's frame of its date.
            --world-file writes a world file (.pgw) and the projection (.prj) beside a PNG, so that GIS programs \
            place it; --format tif writes a GeoTIFF in the view's projection. Both cover the whole page: the \
            title and legend bands lie on ground outside the view.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var map: MapOptions

    @Option(help: "Date of the map (YYYY-MM-DD); default: the last claim's date.")
    var date: Day?

    @Option(help: "Diff map between two dates, FROM..TO (YYYY-MM-DD..YYYY-MM-DD).")
    var diff: String?

    @Option(help: "Lay the map out as a timeline of FROM..TO does (the date must lie in it).")
    var legendPeriod: String?

    @Option(help: "png, svg, pdf or tif (GeoTIFF); default with no -o: png and svg.")
    var format: MapFileFormat?

    @Flag(help: "Also write a world file (.pgw), its projection (.prj) and GDAL's .png.aux.xml beside the PNG.")
    var worldFile = false

    @Option(name: .shortAndLong,
            help: "Output file (- for stdout); default: Output/<scenario>-<date>-<view>-<lang>.<format>.")
    var output: String?

    func validate() throws {
        if diff != nil, date != nil { throw ValidationError("give either --date or --diff FROM..TO, not both") }
        if worldFile && (format.map { $0 != .png } ?? false || output == OutputFile.standardOutput) {
            throw ValidationError("--world-file goes with a PNG file: give --format png and an -o path, not -")
        }
        if let diff, DayRange(diff).map({ $0.from < $0.to }) != true {
            throw ValidationError("--diff must be FROM..TO with two dates, e.g. 2024-11-26..2024-11-30")
        }
        if let legendPeriod {
            guard DayRange(legendPeriod) != nil else {
                throw ValidationError(
                    "--legend-period must be FROM..TO with FROM not after TO, e.g. 2024-11-26..2024-12-08")
            }
            if diff != nil { throw ValidationError("--legend-period lays out a map of one date; it takes no --diff") }
            if date == nil { throw ValidationError("--legend-period needs the --date of the map") }
        }
    }

    func run() throws {
        Canvas.prepareFontsInBackground()
        let workspace = try Workspace.load(input, cache: cache)
        let range = diff.flatMap(DayRange.init)
        let day = try workspace.date(range?.to ?? date)
        if let range { _ = try workspace.date(range.from) }
        let mapView = try workspace.view(map.view, bbox: map.bbox)
        let series = try legendPeriod.flatMap(DayRange.init).map { period in
            _ = try workspace.date(period.from)
            guard period.from <= day, day <= period.to else {
                throw ValidationError("--date \(day) lies outside --legend-period \(period.from)..\(period.to)")
            }
            return try reportingInputErrors {
                try MapSeries(territory: workspace.territory, period: period.from...period.to, view: mapView)
            }
        }
        let formats: [MapFileFormat] = format.map { [$0] }
            ?? (output.map { [MapFileFormat(path: $0) ?? .png] } ?? [.png, .svg])
        let renderer = MapRenderer(basemap: workspace.basemap, territory: workspace.territory)
        let requests = formats.map { fileFormat in
            MapRequest(date: day, diffFrom: range?.from, view: mapView, language: map.lang,
                       format: fileFormat.image ?? .png, widthPx: map.width, dpi: map.dpi)
        }
        // The dates' territory first, both dates of a diff at once: inside the drawings' own parallel loop, the
        // territory's parallel loops (areas measured over every core) would run one iteration after another. A
        // failure is kept and reported by the drawing that asks for the date again. A series holds its days' maps.
        let days = series != nil ? [] : [day] + (range.map { [$0.from] } ?? [])
        DispatchQueue.concurrentPerform(iterations: days.count) { index in
            _ = try? workspace.territory.map(at: days[index])
        }
        // The formats are drawn at once, one per core; each file's bytes depend on its drawing alone.
        let results = Outcomes<(bytes: [UInt8], georeference: Georeference?)>(count: requests.count)
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            results.set(index, Result {
                if formats[index] == .tif { return (try renderer.geoTIFF(requests[index], series: series), nil) }
                let map = try renderer.renderWithLayout(requests[index], series: series)
                return (map.bytes, map.georeference)
            })
        }
        for (index, result) in results.all.enumerated() {
            let file = try reportingInputErrors { try result.get() }
            let path = output ?? defaultPath(requests[index], extension: formats[index].rawValue,
                                             scenarioName: input.scenarioURL.lastPathComponent)
            try OutputFile.write(file.bytes, to: path)
            if worldFile, formats[index] == .png, let georeference = file.georeference {
                try writeWorldFile(georeference, beside: path)
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

    private func defaultPath(_ request: MapRequest, extension: String, scenarioName: String) -> String {
        let dates = request.diffFrom.map { "\($0)-to-\(request.date)" } ?? "\(request.date)"
        let kind = request.diffFrom == nil ? "" : "diff-"
        return "Output/\(scenarioName)-\(kind)\(dates)-\(request.view.id)-\(request.language.rawValue).\(`extension`)"
    }
}

/// The files of one render, filled in by the threads that draw them.
private final class Outcomes<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<Value, Error>?]

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ outcome: Result<Value, Error>) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    /// Every outcome; call once `concurrentPerform` has returned, when each is set.
    var all: [Result<Value, Error>] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes.map { $0! }
    }
}

/// `FROM..TO`, FROM not after TO.
struct DayRange {
    var from: Day
    var to: Day

    init?(_ text: String) {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = Day(iso: parts[0]), let to = Day(iso: parts[1]), from <= to else { return nil }
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
