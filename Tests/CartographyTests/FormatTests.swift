import Canvas
import Claims
import Foundation
import Testing
@testable import Cartography

struct FormatTests {
    func render(_ format: ImageFormat, language: Language = .en, diffFrom: String? = nil) throws -> [UInt8] {
        let loaded = try Bundled.loaded.get()
        return try loaded.renderer.render(MapRequest(
            date: Day(iso: "2024-11-30")!, diffFrom: diffFrom.flatMap(Day.init(iso:)), view: Bundled.view("northwest"),
            language: language, format: format, widthPx: 800, dpi: 96))
    }

    @Test(arguments: [ImageFormat.png, .svg, .pdf])
    func sameInputsGiveTheSameBytes(format: ImageFormat) throws {
        #expect(try render(format) == render(format))
    }

    @Test func svgParsesWithRsvg() throws {
        let png = try convert(render(.svg, language: .ar), suffix: "svg", tool: "/usr/bin/rsvg-convert") { input, output in
            ["-o", output, input]
        }
        #expect(try RasterImage(png: png).width > 500)
    }

    @Test func pdfParsesWithPoppler() throws {
        let png = try convert(render(.pdf, diffFrom: "2024-11-26"), suffix: "pdf", tool: "/usr/bin/pdftoppm") { input, output in
            ["-png", "-r", "50", "-singlefile", input, String(output.dropLast(4))]
        }
        #expect(try RasterImage(png: png).height > 100)
    }

    @Test func pngHasTheAskedWidth() throws {
        #expect(try RasterImage(png: render(.png)).width == 800)
    }

    /// Runs a converter on the bytes and returns the PNG it wrote.
    private func convert(_ bytes: [UInt8], suffix: String, tool: String,
                         arguments: (String, String) -> [String]) throws -> [UInt8] {
        try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is installed by `make test`")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("map.\(suffix)").path
        let output = folder.appendingPathComponent("map.png").path
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments(input, output)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    }
}
