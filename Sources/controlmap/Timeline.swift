import ArgumentParser
import Canvas
import Cartography
import Claims
import Foundation
import Storage
import Territory

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Draw every date of a period as frames, an animation, a km² chart and a page that plays them.",
        discussion: """
            Writes one folder: frames/DATE.png (and .svg with --format svg), all of one size and legend; \
            animation.png, an animated PNG that browsers play; areas.csv, the km² and places of each side on each \
            date, country-wide; areas.svg and areas.png, its chart; and index.html, a page with a date slider, \
            play and pause, and the chart, which needs no network. A frame is the same image as \
            `controlmap render --date DATE --legend-period FROM..TO` with the same view, language and size.

            Examples:
              controlmap timeline --from 2024-11-26 --to 2024-12-08 --view northwest
              controlmap timeline --from 2024-11-26 --to 2024-12-08 --step 2d --lang ar -o Output/offensive-ar
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var map: MapOptions

    @Option(help: "First date (YYYY-MM-DD); default: the first claim's date.")
    var from: Day?

    @Option(help: "Last date (YYYY-MM-DD); default: the last claim's date.")
    var to: Day?

    @Option(help: "Days between frames, e.g. 1d or 7d.")
    var step: String = "1d"

    @Option(help: "png, or svg for SVG frames beside the PNG ones (the animation and page need PNG).")
    var format: FrameFormat = .png

    @Option(name: .shortAndLong,
            help: "Output folder; default: Output/<scenario>-timeline-<from>-to-<to>-<view>-<lang>.")
    var output: String?

    @Flag(help: "Replace the output folder when it exists and holds files.")
    var force = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Option(help: "Frames drawn at once; default: one per processor. The files do not depend on it.")
    var jobs: Int?

    /// The formats of frames.
    enum FrameFormat: String, ExpressibleByArgument, CaseIterable {
        case png, svg
    }

    static let maximumFrames = 1000

    /// `Nd`, a whole number of days from 1.
    var stepDays: Int? {
        guard step.hasSuffix("d"), let days = Int(step.dropLast()), days >= 1, step.first?.isNumber == true
        else { return nil }
        return days
    }

    func validate() throws {
        guard stepDays != nil else {
            throw ValidationError("--step \"\(step)\" is not a whole number of days; write it as 1d, 2d, 7d…")
        }
        if let from, let to, to < from {
            throw ValidationError("--to \(to) is before --from \(from); give the earlier date as --from")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let started = Date()
        Canvas.prepareFontsInBackground()
        let workspace = try Workspace.load(input, cache: cache)
        let scenario = workspace.scenario
        let first = try workspace.date(from ?? scenario.dates.first)
        let last = try workspace.date(to ?? scenario.dates.last)
        guard first <= last else {
            throw ValidationError("--to \(last) is before --from \(first); give the earlier date as --from")
        }
        guard scenario.dates.contains(where: { (first...last).contains($0) }) else {
            throw ValidationError("no claim is dated from \(first) to \(last); the claims run from "
                + "\(scenario.dates.first!) to \(scenario.dates.last!)")
        }
        let request = TimelineRequest(from: first, to: last, stepDays: stepDays!,
                                      view: try workspace.view(map.view, bbox: map.bbox), language: map.lang,
                                      widthPx: map.width, dpi: map.dpi, svgFrames: format == .svg)
        let frameCount = request.dates.count
        guard frameCount <= TimelineCommand.maximumFrames else {
            throw ValidationError("\(frameCount) frames is more than \(TimelineCommand.maximumFrames); "
                + "choose a shorter period or a longer --step")
        }
        let folder = output ?? "Output/\(input.scenarioURL.lastPathComponent)-timeline-\(first)-to-\(last)-"
            + "\(request.view.id)-\(map.lang.rawValue)"
        try OutputFolder.check(folder, replace: force)
        let progress = Progress(total: frameCount, started: started, shown: !quiet && isatty(STDERR_FILENO) == 1)
        let renderer = MapRenderer(basemap: workspace.basemap, territory: workspace.territory)
        let timeline = try reportingInputErrors {
            try Timeline(renderer: renderer, request: request, jobs: jobs ?? Parallel.processorCount,
                         progress: progress.frameDone)
        }
        try OutputFolder.write(timeline.files.map { ($0.path, $0.bytes) }, to: folder)
        progress.finish()
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let frames = "\(frameCount) frame\(frameCount == 1 ? "" : "s")"
        print("\(folder): \(frames) of \(timeline.widthPx)×\(timeline.heightPx) px "
            + "from \(first) to \(last), animation, areas and page in \(seconds) s")
    }
}

/// Frames done of the total, the time so far and an estimate of what is left, on one line of a terminal.
private final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let started: Date
    private let shown: Bool

    init(total: Int, started: Date, shown: Bool) {
        self.total = total
        self.started = started
        self.shown = shown
    }

    func frameDone(_ done: Int) {
        guard shown else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(started)
        let left = elapsed / Double(done) * Double(total - done)
        let line = String(format: "\rframes %d/%d · %.1f s · about %.1f s left ", done, total, elapsed, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the progress line.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
