import Canvas
import Claims
import Foundation
import FoundationXML
import Testing
@testable import Cartography

/// SVG for graphics desks: layers as groups with ids, labels as editable text in named fonts, and Arabic that a
/// browser shapes as the PNG does.
@Suite(.serialized) struct SVGTests {
    /// The top-level groups of the drawing with the text of each `<tspan>` in them, and the fonts named.
    final class Outline: NSObject, XMLParserDelegate {
        var groups = [(id: String, texts: [String])]()
        var families = Set<String>()
        private var depth = 0
        private var layerDepth: Int?
        private var span: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            if name == "g", layerDepth == nil, let id = attributes["id"], !id.hasPrefix("surface") {
                layerDepth = depth
                groups.append((id, []))
            }
            if name == "text", let style = attributes["style"],
               let family = style.split(separator: ";").first(where: { $0.hasPrefix("font-family:") }) {
                families.insert(String(family.dropFirst("font-family:".count)))
            }
            if name == "tspan" { span = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            span? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "tspan", let text = span, !groups.isEmpty {
                groups[groups.count - 1].texts.append(text)
                span = nil
            }
            if depth == layerDepth { layerDepth = nil }
            depth -= 1
        }
    }

    func render(_ format: ImageFormat, language: Language, widthPx: Int = 1066) throws -> RenderedMap {
        let loaded = try Bundled.loaded.get()
        return try loaded.renderer.renderWithLayout(MapRequest(
            date: try #require(Day(iso: "2024-11-30")), view: Bundled.view("aleppo-city"), language: language,
            format: format, widthPx: widthPx, dpi: 96))
    }

    @Test(arguments: [Language.en, .ar, .both])
    func layersAreGroupsAndLabelsAreText(language: Language) throws {
        let map = try render(.svg, language: language)
        let outline = Outline()
        let parser = XMLParser(data: Data(map.bytes))
        parser.delegate = outline
        #expect(parser.parse(), "the SVG is well-formed XML: \(String(describing: parser.parserError))")
        let ids = outline.groups.map(\.id)
        for layer in ["zones", "fronts", "places", "labels", "legend"] {
            #expect(ids.filter { $0 == layer }.count == 1, "one group \(layer) in \(ids)")
        }
        let labels = outline.groups.first { $0.id == "labels" }?.texts ?? []
        let expected = map.labels.flatMap { $0.text.split(separator: "\n").map(String.init) }
        #expect(!expected.isEmpty && labels == expected, "the labels group holds every label as text")
        let arabic = language == .en ? [] : ["'Noto Sans Arabic'"]
        for family in arabic {
            #expect(outline.families.contains { $0.contains(family) }, "\(family) in \(outline.families)")
        }
        #expect(!String(decoding: map.bytes, as: UTF8.self).contains("<use"), "no text is drawn as glyph outlines")
    }

    @Test func chromiumDrawsTheArabicLabelsWhereThePNGHasThem() throws {
        let chromium = "/usr/bin/chromium"
        try #require(FileManager.default.isExecutableFile(atPath: chromium), "chromium is installed by `make test`")
        let svg = try render(.svg, language: .ar)
        let png = try RasterImage(png: try render(.png, language: .ar).bytes)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("map.svg"), shot = folder.appendingPathComponent("shot.png")
        try Data(svg.bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--force-device-scale-factor=1", "--window-size=\(png.width),\(png.height)",
                             "--screenshot=\(shot.path)", file.absoluteString]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let browser = try RasterImage(png: [UInt8](try Data(contentsOf: shot)))
        try #require(browser.width == png.width && browser.height == png.height)
        // Antialiasing differs between the two renderers: a label's box differs in about 3% of its pixels when the
        // browser shapes the Arabic, and in 6 to 14% when its letters stand apart (measured with a zero-width
        // non-joiner after each letter); a missing label differs more still.
        let scale = 96.0 / 72
        var fractions = [Double]()
        for label in svg.labels {
            var differing = 0, total = 0
            for y in Int(label.y * scale)..<Int((label.y + label.height) * scale) {
                for x in Int(label.x * scale)..<Int((label.x + label.width) * scale) {
                    let a = png.pixels[y * png.width + x], b = browser.pixels[y * png.width + x]
                    let channels = [16, 8, 0].map { abs(Int((a >> $0) & 0xff) - Int((b >> $0) & 0xff)) }
                    if channels.max()! > 96 { differing += 1 }
                    total += 1
                }
            }
            fractions.append(Double(differing) / Double(max(total, 1)))
            #expect(fractions.last! < 0.15, "\(label.text): \(differing) of \(total) pixels differ")
        }
        let mean = fractions.reduce(0, +) / Double(max(fractions.count, 1))
        #expect(fractions.count >= 20 && mean < 0.05, "labels differ in \(mean) of their pixels on average")
    }
}
