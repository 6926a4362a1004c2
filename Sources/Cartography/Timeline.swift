public import Canvas
public import Claims
import Foundation
public import Territory

/// What a timeline shows: dates from `from` every `stepDays` days up to `to`, in one view, language and size.
public struct TimelineRequest: Sendable {
    public var from: Day
    public var to: Day
    public var stepDays: Int
    public var view: MapView
    public var language: Language
    public var widthPx: Int
    public var dpi: Double
    /// Also write each frame as SVG beside its PNG.
    public var svgFrames: Bool
    /// How long each frame of the animation shows, and the last one, which holds the final state a while.
    public var frameDelayMs = 700
    public var lastFrameDelayMs = 2500

    public init(from: Day, to: Day, stepDays: Int = 1, view: MapView, language: Language = .en, widthPx: Int = 1600,
                dpi: Double = 144, svgFrames: Bool = false) {
        self.from = from
        self.to = to
        self.stepDays = stepDays
        self.view = view
        self.language = language
        self.widthPx = widthPx
        self.dpi = dpi
        self.svgFrames = svgFrames
    }

    /// The frames' dates: `from`, then every `stepDays` days while not after `to`.
    public var dates: [Day] {
        stride(from: from.ordinal, through: to.ordinal, by: max(1, stepDays)).map(Day.init(ordinal:))
    }

    func map(on date: Day, format: ImageFormat) -> MapRequest {
        MapRequest(date: date, view: view, language: language, format: format, widthPx: widthPx, dpi: dpi)
    }
}

/// The files of a timeline folder: a frame per date on one page layout (`frames/DATE.png`, and `.svg`), the
/// animation (`animation.png`, an APNG), the ground of each holder (`areas.csv`) and its chart (`areas.svg`,
/// `areas.png`), and a page that plays the frames (`index.html`).
public struct Timeline: Sendable {
    /// A file's path inside the folder, and its bytes.
    public struct File: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    public let files: [File]
    /// The frames' size in pixels.
    public let widthPx: Int
    public let heightPx: Int
    public let dates: [Day]

    /// Renders the timeline on up to `jobs` threads; the bytes do not depend on `jobs`. `progress` hears the
    /// number of frames done, from any thread.
    public init(renderer: MapRenderer, request: TimelineRequest, jobs: Int = Parallel.processorCount,
                progress: @Sendable (Int) -> Void = { _ in }) throws {
        let dates = request.dates
        self.dates = dates
        let series = try MapSeries(territory: renderer.territory, period: request.from...request.to,
                                   view: request.view, jobs: jobs)
        let areas = AreaSeries(scenario: renderer.scenario, maps: series.maps, dates: dates)
        let chart = AreaChart(scenario: renderer.scenario, series: areas, language: request.language,
                              style: renderer.style)
        let done = Counter()
        // The chart is drawn as one more piece of work after the frames, on whichever thread is free first.
        var frames = try Parallel.map(dates.count + 1, jobs: jobs) { index -> (png: [UInt8], svg: [UInt8]?) in
            guard index < dates.count else {
                return (try chart.render(format: .png, widthPx: request.widthPx), try chart.render(format: .svg))
            }
            let png = try renderer.render(request.map(on: dates[index], format: .png), series: series)
            let svg = request.svgFrames
                ? try renderer.render(request.map(on: dates[index], format: .svg), series: series) : nil
            progress(done.increment())
            return (png: png, svg: svg)
        }
        let drawnChart = frames.removeLast()
        let header = try PNGChunk.read(frames[0].png)[0].data
        widthPx = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        heightPx = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        var files = [File]()
        for (date, frame) in zip(dates, frames) {
            files.append(File(path: Timeline.framePath(date, "png"), bytes: frame.png))
            if let svg = frame.svg { files.append(File(path: Timeline.framePath(date, "svg"), bytes: svg)) }
        }
        let delays = dates.indices.map { $0 == dates.count - 1 ? request.lastFrameDelayMs : request.frameDelayMs }
        files.append(File(path: "animation.png", bytes: try AnimatedPNG.assemble(frames: frames.map(\.png),
                                                                                  delaysMs: delays)))
        files.append(File(path: "areas.csv", bytes: Array(areas.csv.utf8)))
        files.append(File(path: "areas.svg", bytes: drawnChart.svg!))
        files.append(File(path: "areas.png", bytes: drawnChart.png))
        let page = TimelinePage(scenario: renderer.scenario, request: request, dates: dates,
                                widthPt: Double(widthPx) * 72 / request.dpi,
                                heightPt: Double(heightPx) * 72 / request.dpi)
        files.append(File(path: "index.html", bytes: Array(page.html.utf8)))
        self.files = files
    }

    static func framePath(_ date: Day, _ ext: String) -> String { "frames/\(date).\(ext)" }
}

/// Counts finished work from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
