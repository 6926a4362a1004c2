import Foundation
import FoundationXML
import Testing
@testable import Canvas

/// Fills and strokes that an SVG canvas writes itself: the same picture as the PNG, in the order drawn, under
/// the clip in force, with the paint asked for.
@Suite(.serialized) struct SVGElementTests {
    @Test(arguments: [(0, "0"), (999.9996, "1000"), (-0.0006, "-0.001"), (0.125, "0.125"), (-3.1, "-3.1"),
                      (1e20, "1e+20")])
    func numbersAreWrittenAfterTheBytesAlreadyThere(value: Double, text: String) {
        var bytes = Array("x".utf8)
        SVGDocument.appendNumber(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x" + text)
    }

    /// Every `<path>` of the drawing with its style and data, and the clip paths of the groups round it.
    final class Paths: NSObject, XMLParserDelegate {
        var paths = [(style: String, data: String, clips: [String])]()
        private var clips = [String?]()
        private var inClipPath = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "clipPath" { inClipPath = true }
            if name == "g" { clips.append(attributes["clip-path"]) }
            if name == "path", !inClipPath, let style = attributes["style"], let data = attributes["d"] {
                paths.append((style, data, clips.compactMap { $0 }))
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "clipPath" { inClipPath = false }
            if name == "g" { clips.removeLast() }
        }
    }

    private func paths(_ svg: [UInt8]) throws -> [(style: String, data: String, clips: [String])] {
        let paths = Paths()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = paths
        try #require(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))")
        return paths.paths
    }

    @Test func fillsAndStrokesAreElementsWithTheirPaintInTheOrderDrawn() throws {
        let canvas = try Canvas(widthPt: 100, heightPt: 80, format: .svg)
        canvas.addPolyline([(10, 10), (90, 10), (50, 70)], close: true)
        canvas.fill(RGBA(hex: "#c8102e")!.withAlpha(0.5), preserve: true)
        canvas.stroke(RGBA(hex: "#1f77b4")!, widthPt: 1.25, dash: [3, 1.5])
        canvas.rectangle(x: 20, y: 20, width: 10, height: 10)
        canvas.withClip {
            canvas.addPolyline([(0, 0), (40.125, 0.5)], close: false)
            canvas.stroke(RGBA(hex: "#2ca02c")!, widthPt: 2)
        }
        let found = try paths(try canvas.finish()).filter { !$0.style.contains("0.0123") }
        try #require(found.count == 3, "\(found)")
        #expect(found[0].style == "fill:#c8102e;fill-rule:evenodd;fill-opacity:0.5")
        #expect(found[0].data == "M 10 10 L 90 10 L 50 70 Z M 10 10")
        #expect(found[1].style == "fill:none;stroke:#1f77b4;stroke-width:1.25;stroke-linecap:round;"
                + "stroke-linejoin:round;stroke-dasharray:3,1.5")
        #expect(found[1].data == found[0].data, "a preserved path is stroked as it was filled")
        #expect(found[2].data == "M 0 0 L 40.125 0.5")
        #expect(found[0].clips.isEmpty && found[1].clips.isEmpty)
        #expect(found[2].clips.count == 1, "the stroke drawn under the clip lies in the clip's group")
    }

    @Test func anEmptyPathDrawsNothing() throws {
        let canvas = try Canvas(widthPt: 50, heightPt: 50, format: .svg)
        canvas.fill(.black)
        canvas.moveTo(5, 5)
        canvas.stroke(.black, widthPt: 1)
        #expect(try paths(try canvas.finish()).isEmpty)
    }

    /// More drawings than a marker's green and blue channels count: the red one carries the rest.
    @Test func seventyThousandDrawingsAllComeBackInOrder() throws {
        let canvas = try Canvas(widthPt: 400, heightPt: 400, format: .svg)
        let count = 70_000
        for index in 0..<count {
            canvas.rectangle(x: Double(index % 400), y: Double(index / 400 % 400), width: 1, height: 1)
            canvas.fill(RGBA(red: Double(index % 256) / 255, green: 0, blue: 0))
        }
        let found = try paths(try canvas.finish())
        try #require(found.count == count)
        for index in [0, 1, 65_535, 65_536, 65_537, count - 1] {
            #expect(found[index].data.hasPrefix("M \(index % 400) \(index / 400 % 400) "), "drawing \(index)")
        }
    }

    /// The same drawing as PNG and as SVG drawn by librsvg: the pixels agree but for antialiasing.
    @Test func librsvgDrawsTheSVGAsThePNGIs() throws {
        let tool = "/usr/bin/rsvg-convert"
        try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is installed by `make test`")
        func draw(_ format: ImageFormat) throws -> [UInt8] {
            let canvas = try Canvas(widthPt: 200, heightPt: 120, format: format, pixelsPerPoint: 2)
            canvas.paint(.white)
            canvas.addPolyline([(10, 10), (190, 20), (150, 110), (20, 100)], close: true)
            canvas.rectangle(x: 60, y: 40, width: 40, height: 30)
            canvas.fill(RGBA(hex: "#4cc267")!, preserve: true)
            canvas.stroke(RGBA(hex: "#333333")!, widthPt: 2)
            canvas.circle(x: 150, y: 60, radius: 12)
            canvas.fill(RGBA(hex: "#1f77b4")!.withAlpha(0.6))
            canvas.addPolyline([(0, 115), (200, 60)], close: false)
            canvas.withClip {
                canvas.addPolyline([(20, 20), (180, 30), (170, 100)], close: false)
                canvas.stroke(RGBA(hex: "#c8102e")!, widthPt: 6, dash: [8, 4])
            }
            canvas.fade(RGBA(hex: "#ffcc00")!, along: [[(100, 0), (100, 120)]], reachPt: 15) {
                canvas.rectangle(x: 100, y: 0, width: 100, height: 120)
            }
            return try canvas.finish()
        }
        let png = try RasterImage(png: try draw(.png))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("drawing.svg"), output = folder.appendingPathComponent("drawing.png")
        try Data(try draw(.svg)).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-w", "\(png.width)", "-h", "\(png.height)", "-o", output.path, input.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let svg = try RasterImage(png: [UInt8](try Data(contentsOf: output)))
        try #require(svg.width == png.width && svg.height == png.height)
        var far = 0
        for (a, b) in zip(png.pixels, svg.pixels) {
            let difference = [16, 8, 0].map { abs(Int((a >> $0) & 0xFF) - Int((b >> $0) & 0xFF)) }.max()!
            if difference > 40 { far += 1 }
        }
        // Edges differ by their antialiasing, and the fade is a mask on the PNG and twelve strokes in the SVG.
        #expect(Double(far) / Double(png.pixels.count) < 0.02, "\(far) of \(png.pixels.count) pixels differ")
    }
}
