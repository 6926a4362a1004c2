import Canvas
import Foundation
import Testing

/// `controlmap timeline` on a small scenario: five towns, claims on three days.
struct TimelineCommandTests {
    static let claims = """
        date,place,actor,status,source,url,note
        2024-11-26,Idlib,hts,control,Test,https://example.org/1,
        2024-11-26,Saraqib,government,control,Test,https://example.org/1,
        2024-11-26,Hama,government,control,Test,https://example.org/1,
        2024-11-26,Afrin,sna,control,Test,https://example.org/1,
        2024-11-26,Manbij,sdf,control,Test,https://example.org/1,
        2024-11-28,Saraqib,hts,control,Test,https://example.org/2,
        2024-11-29,Hama,hts,contested,Test,https://example.org/3,

        """

    /// A fresh folder with the scenario (the bundled scenario.yaml and the claims above) and room for outputs.
    static func workspace() throws -> (scenario: URL, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-tl-\(UUID().uuidString)")
        let scenario = folder.appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: scenario, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Scenarios/aleppo-2024/scenario.yaml"),
                                         to: scenario.appendingPathComponent("scenario.yaml"))
        try claims.write(to: scenario.appendingPathComponent("claims.csv"), atomically: true, encoding: .utf8)
        return (scenario, folder)
    }

    static func timeline(_ scenario: URL, _ output: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["timeline", "--scenario", scenario.path, "--from", "2024-11-26", "--to", "2024-11-29",
                     "--width", "400", "--quiet", "-o", output.path] + extra)
    }

    /// The same timeline drawn on one thread and on two, and the frame of 28 Nov drawn by `render`.
    static let drawn: Result<(one: URL, two: URL, render: URL, summary: String), any Error> = Result {
        let (scenario, folder) = try workspace()
        let one = folder.appendingPathComponent("one"), two = folder.appendingPathComponent("two")
        let first = try timeline(scenario, one, ["--jobs", "1"])
        guard first.status == 0 else { throw CLIFailure(result: first) }
        let second = try timeline(scenario, two, ["--jobs", "2", "--format", "svg"])
        guard second.status == 0 else { throw CLIFailure(result: second) }
        let render = folder.appendingPathComponent("render-2024-11-28.png")
        let rendered = try CLI.run(["render", "--scenario", scenario.path, "--date", "2024-11-28", "--legend-period",
                                    "2024-11-26..2024-11-29", "--width", "400", "-o", render.path])
        guard rendered.status == 0 else { throw CLIFailure(result: rendered) }
        return (one, two, render, first.stdout)
    }

    struct CLIFailure: Error, CustomStringConvertible {
        var result: CLI.Result
        var description: String { "exit \(result.status): \(result.stderr)" }
    }

    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        return ((enumerator?.allObjects as? [String]) ?? []).sorted()
    }

    // MARK: - Bad input

    @Test(arguments: [
        (["--from", "2024-12-08", "--to", "2024-11-26"], "--to 2024-11-26 is before --from 2024-12-08"),
        (["--step", "1.5d"], "--step \"1.5d\" is not a whole number of days; write it as 1d, 2d, 7d"),
        (["--step", "12h"], "--step \"12h\" is not a whole number of days"),
        (["--step", "0d"], "--step \"0d\" is not a whole number of days"),
    ])
    func badPeriodOrStepIsAUsageError(arguments: [String], message: String) throws {
        let (_, folder) = try TimelineCommandTests.workspace()
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["timeline", "-o", output.path] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aPeriodWithNoClaimIsRefusedAndLeavesNothing() throws {
        let (scenario, folder) = try TimelineCommandTests.workspace()
        let output = folder.appendingPathComponent("out")
        let result = try CLI.run(["timeline", "--scenario", scenario.path, "--from", "2024-11-30", "--to", "2024-12-02",
                                  "-o", output.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no claim is dated from 2024-11-30 to 2024-12-02; the claims run from 2024-11-26 "
            + "to 2024-11-29"), "stderr was: \(result.stderr)")
        #expect(TimelineCommandTests.files(in: folder) == TimelineCommandTests.files(in: folder).filter {
            $0.hasPrefix("scenario")
        }, "nothing is written beside the scenario")
    }

    @Test func aFolderHoldingFilesIsReplacedOnlyWithForce() throws {
        let (scenario, folder) = try TimelineCommandTests.workspace()
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let refused = try TimelineCommandTests.timeline(scenario, output)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("the folder \(output.path) exists and holds 1 file(s); choose another -o "
            + "folder, or add --force to replace it"), "stderr was: \(refused.stderr)")
        #expect(TimelineCommandTests.files(in: output) == ["notes.txt"])
        let forced = try TimelineCommandTests.timeline(scenario, output, ["--force"])
        #expect(forced.status == 0, "stderr was: \(forced.stderr)")
        #expect(TimelineCommandTests.files(in: output).contains("index.html"))
        #expect(!TimelineCommandTests.files(in: output).contains("notes.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out", "scenario"],
                "no temporary folder is left beside it")
    }

    // MARK: - What it writes

    @Test func theFolderHoldsFramesAnimationAreasChartAndPage() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let frames = ["2024-11-26", "2024-11-27", "2024-11-28", "2024-11-29"].map { "frames/\($0).png" }
        #expect(TimelineCommandTests.files(in: drawn.one) == ["animation.png", "areas.csv", "areas.png", "areas.svg",
                                                              "frames"] + frames + ["index.html"])
        #expect(drawn.summary.hasPrefix("\(drawn.one.path): 4 frames of 400×"), "\(drawn.summary)")
        #expect(TimelineCommandTests.files(in: drawn.two).filter { $0.hasSuffix(".svg") }.count == 5,
                "--format svg adds an SVG of each frame beside the chart's")
    }

    @Test func everyFrameHasOneSize() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let sizes = try TimelineCommandTests.files(in: drawn.one).filter { $0.hasPrefix("frames/") && $0.hasSuffix(".png") }
            .map { try PNGChunk.read(Array(try Data(contentsOf: drawn.one.appendingPathComponent($0))))[0].data.prefix(8) }
        #expect(sizes.count == 4)
        #expect(Set(sizes.map(Array.init)).count == 1, "a contested place appears on 29 Nov, yet no frame grows")
    }

    @Test func theAnimationHoldsEveryFrameAndPausesOnTheLast() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let chunks = try PNGChunk.read(Array(try Data(contentsOf: drawn.one.appendingPathComponent("animation.png"))))
        #expect(Array(chunks.map(\.type).prefix(2)) == ["IHDR", "acTL"])
        #expect(chunks[1].data.prefix(4).reduce(0) { $0 << 8 | Int($1) } == 4)
        let delays = chunks.filter { $0.type == "fcTL" }.map { $0.data[20..<22].reduce(0) { $0 << 8 | Int($1) } }
        #expect(delays.count == 4)
        #expect(delays.last! > delays.first!, "the last frame stays longer: \(delays)")
        let first = try Data(contentsOf: drawn.one.appendingPathComponent("frames/2024-11-26.png"))
        #expect(chunks[0].data == (try PNGChunk.read(Array(first)))[0].data)
    }

    @Test func areasCountPlacesAndChangesOfHandsEachDay() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let text = try String(contentsOf: drawn.one.appendingPathComponent("areas.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["date", "side", "km2", "places_held", "places_gained", "places_lost"])
        // Everything but km²: date, side, places held, gained, lost.
        let counts = rows.dropFirst().map { [$0[0], $0[1], $0[3], $0[4], $0[5]].joined(separator: " ") }
        #expect(counts == [
            "2024-11-26 government 2 0 0", "2024-11-26 hts 1 0 0", "2024-11-26 sna 1 0 0", "2024-11-26 sdf 1 0 0",
            "2024-11-26 contested 0 0 0", "2024-11-26 unreported 0 0 0",
            "2024-11-27 government 2 0 0", "2024-11-27 hts 1 0 0", "2024-11-27 sna 1 0 0", "2024-11-27 sdf 1 0 0",
            "2024-11-27 contested 0 0 0", "2024-11-27 unreported 0 0 0",
            "2024-11-28 government 1 0 1", "2024-11-28 hts 2 1 0", "2024-11-28 sna 1 0 0", "2024-11-28 sdf 1 0 0",
            "2024-11-28 contested 0 0 0", "2024-11-28 unreported 0 0 0",
            "2024-11-29 government 0 0 1", "2024-11-29 hts 2 0 0", "2024-11-29 sna 1 0 0", "2024-11-29 sdf 1 0 0",
            "2024-11-29 contested 1 1 0", "2024-11-29 unreported 0 0 0",
        ])
        let km2 = Dictionary(grouping: rows.dropFirst(), by: { $0[0] }).mapValues { $0.map { Double($0[2])! } }
        let totals = km2.values.map { $0.reduce(0, +) }
        #expect(totals.max()! - totals.min()! < 1, "each day divides the same country: \(totals)")
        #expect(km2["2024-11-28"]![1] > km2["2024-11-27"]![1], "HTS gains Saraqib's ground on 28 Nov")
        #expect(km2["2024-11-29"]![0] == 0, "the government holds nothing on 29 Nov")
    }

    @Test func thePageWorksOffline() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let page = try String(contentsOf: drawn.one.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!page.contains("http:") && !page.contains("https:") && !page.contains("<link"), "no network")
        for reference in ["\"frames/2024-11-26.png\"", "\"frames/2024-11-29.png\"", "src=\"areas.svg\"",
                          "type=\"range\"", "id=\"play\""] {
            #expect(page.contains(reference), "\(reference) in the page")
        }
    }

    @Test func theBytesDoNotDependOnTheNumberOfThreads() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        for file in TimelineCommandTests.files(in: drawn.one) where file.contains(".") {
            let one = try Data(contentsOf: drawn.one.appendingPathComponent(file))
            let two = try Data(contentsOf: drawn.two.appendingPathComponent(file))
            #expect(one == two, "\(file) is the same drawn on one thread and on two")
        }
    }

    @Test func renderWithTheLegendPeriodDrawsTheFrameOfItsDate() throws {
        let drawn = try TimelineCommandTests.drawn.get()
        let frame = try Data(contentsOf: drawn.one.appendingPathComponent("frames/2024-11-28.png"))
        #expect(try Data(contentsOf: drawn.render) == frame)
    }
}
