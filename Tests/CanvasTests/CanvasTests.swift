import Testing
@testable import Canvas

struct CanvasTests {
    private func drawSample(_ format: ImageFormat) throws -> [UInt8] {
        let canvas = try Canvas(widthPt: 200, heightPt: 100, format: format, pixelsPerPoint: 2)
        canvas.paint(.white)
        canvas.circle(x: 50, y: 50, radius: 20)
        canvas.fill(RGBA(hex: "#c8102e")!)
        canvas.drawText("Aleppo حلب", x: 80, y: 40, font: Font(sizePt: 12), colour: .black, halo: .white)
        return try canvas.finish()
    }

    @Test func pngHasTheAskedSizeAndIsNotBlank() throws {
        let image = try RasterImage(png: try drawSample(.png))
        #expect(image.width == 400 && image.height == 200)
        #expect(Set(image.pixels).count > 10, "the drawing shows more than a few colours")
        let centre = image.pixels[100 * 400 + 100]
        #expect(centre == 0xFFC8_102E, "the circle is filled in the asked colour")
    }

    @Test(arguments: [ImageFormat.png, .svg, .pdf])
    func sameDrawingGivesTheSameBytes(format: ImageFormat) throws {
        #expect(try drawSample(format) == drawSample(format))
    }

    @Test func vectorFormatsStartWithTheirSignatures() throws {
        #expect(String(decoding: try drawSample(.svg).prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: try drawSample(.pdf).prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func arabicTextIsShapedNarrowerThanItsLetters() throws {
        let canvas = try Canvas(widthPt: 10, heightPt: 10, format: .png)
        let word = canvas.measure("حلب", font: Font(family: "Noto Sans Arabic", sizePt: 20)).width
        let letters = canvas.measure("ح ل ب", font: Font(family: "Noto Sans Arabic", sizePt: 20)).width
        #expect(word > 0 && word < letters, "joined letters take less room than isolated ones")
    }

    @Test func hexColoursParseAndRejectNonsense() {
        #expect(RGBA(hex: "#fff") == .white)
        #expect(RGBA(hex: "#c8102e")?.hex == "#c8102e")
        #expect(RGBA(hex: "red") == nil)
        #expect(RGBA(hex: "#12345") == nil)
    }

    @Test func aCanvasOfImpossibleSizeIsAnError() {
        #expect(throws: CanvasError.self) { try Canvas(widthPt: 0, heightPt: 10, format: .png) }
    }
}
