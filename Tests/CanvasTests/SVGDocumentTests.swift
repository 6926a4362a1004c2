import Foundation
import Testing
@testable import Canvas

/// The SVG a map is written as: numbers, escaped text, and clip paths that Cairo repeats.
struct SVGDocumentTests {
    @Test(arguments: [
        (1.5, "1.5"), (2, "2"), (-0.25, "-0.25"), (3.14159, "3.142"), (0.0004, "0"), (-0.0004, "0"),
        (12.0001, "12"), (0.05, "0.05"), (0.007, "0.007"), (1234.5678, "1234.568"), (-17, "-17"),
    ])
    func numbersHaveThreeDecimalsAtMostAndNoTrailingZeros(value: Double, text: String) {
        #expect(SVGDocument.number(value) == text)
    }

    @Test func markupInTextIsEscapedAndOtherTextKeptAsIs() {
        #expect(SVGDocument.escaped("Tal Rifaat <north> & Nubl") == "Tal Rifaat &lt;north&gt; &amp; Nubl")
        #expect(SVGDocument.escaped("حلب") == "حلب")
    }

    /// The SVG canvas drawing under a triangle's clip, a square's, and the triangle's again, twice over.
    private func clippedDrawing() throws -> String {
        let canvas = try Canvas(widthPt: 100, heightPt: 100, format: .svg)
        let triangle: [(x: Double, y: Double)] = [(10, 10), (90, 10), (50, 90)]
        let square: [(x: Double, y: Double)] = [(20, 20), (30, 20), (30, 30), (20, 30)]
        for (index, colour) in ["#c8102e", "#1f77b4", "#2ca02c", "#ff7f0e"].enumerated() {
            canvas.addPolyline(index % 2 == 0 ? triangle : square, close: true)
            canvas.withClip {
                canvas.circle(x: 40, y: 40, radius: 30)
                canvas.fill(RGBA(hex: colour)!)
            }
        }
        return String(decoding: try canvas.finish(), as: UTF8.self)
    }

    @Test func aClipPathRepeatedIsDefinedOnceAndEveryDrawingRefersToADefinedOne() throws {
        let svg = try clippedDrawing()
        let defined = svg.matches(of: /<clipPath id="([^"]+)">/).map { String($0.1) }
        let referred = svg.matches(of: /clip-path="url\(#([^)]+)\)"/).map { String($0.1) }
        // Cairo clips the triangle's drawings to its box first: three outlines in all.
        #expect(defined.count == 3 && Set(defined).count == 3)
        #expect(svg.matches(of: /M 10 10 L 90 10 L 50 90 Z/).count == 1, "the triangle's outline is written once")
        #expect(referred.count == 6, "the triangle's drawings twice under two clips, the square's twice under one")
        #expect(Set(referred) == Set(defined), "no reference to a clip path that was dropped")
    }
}
