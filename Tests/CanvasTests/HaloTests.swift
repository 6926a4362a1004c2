import Testing
@testable import Canvas

/// A label's halo on a raster: the glyphs' mask widened by a disc, as far as a stroke along their outlines reaches.
struct HaloTests {
    /// A mask of `width` × `height` bytes (stride = width) with the given pixels set.
    func widened(_ set: [(x: Int, y: Int, value: UInt8)], width: Int = 21, height: Int = 21,
                 radius: Double) -> (Int, Int) -> Int {
        var mask = [UInt8](repeating: 0, count: width * height)
        for pixel in set { mask[pixel.y * width + pixel.x] = pixel.value }
        let result = mask.withUnsafeBufferPointer {
            HaloMask.widened($0.baseAddress!, width: width, height: height, stride: width, radius: radius)
        }
        #expect(result.stride >= width && result.pixels.count == result.stride * height)
        return { x, y in Int(result.pixels[y * result.stride + x]) }
    }

    @Test func aDotGrowsIntoADiscOfTheRadius() {
        // A full pixel is a unit square: widened by 2.5 px it reaches 3 px from its centre along the axes.
        let halo = widened([(10, 10, 255)], radius: 2.5)
        #expect(halo(10, 10) == 255)
        #expect(halo(12, 10) == 255 && halo(10, 8) == 255, "two pixels away along the axes: full")
        #expect(halo(11, 11) == 255, "1.4 px away on the diagonal: full")
        #expect((1...254).contains(halo(13, 10)), "the rim's pixel along an axis, in part")
        #expect((1...254).contains(halo(12, 12)), "2.8 px away on the diagonal, in part")
        #expect(halo(14, 10) == 0 && halo(13, 13) == 0, "beyond the reach: nothing")
        #expect(halo(0, 0) == 0 && halo(20, 20) == 0)
    }

    @Test func nothingStaysNothing() {
        let halo = widened([], radius: 2)
        #expect((0..<21).allSatisfy { x in (0..<21).allSatisfy { y in halo(x, y) == 0 } })
    }

    /// Small text is mostly grey pixels: a stroke along its outline still covers the pixels round it.
    @Test func aFaintStrokeGetsASolidHalo() {
        let stem = (4...16).map { (x: 10, y: $0, value: UInt8(60)) }
        let halo = widened(stem, radius: 1)
        #expect(halo(10, 10) == 255, "under the stem")
        #expect(halo(11, 10) >= 140 && halo(9, 10) >= 140, "a pixel to either side, more than half")
        #expect(halo(12, 10) == 0, "two pixels away with a radius of one: nothing")
    }

    @Test func theHaloNeverTakesFromTheInk() {
        let ink: [(x: Int, y: Int, value: UInt8)] = [(5, 5, 255), (6, 5, 128), (7, 5, 30), (12, 14, 200)]
        let halo = widened(ink, radius: 0.75)
        for pixel in ink { #expect(halo(pixel.x, pixel.y) >= Int(pixel.value)) }
    }

    /// On a PNG, a white halo lies round dark text on a dark ground, and SVG still gets a stroked halo.
    @Test func aRasterLabelIsRingedByItsHalo() throws {
        let canvas = try Canvas(widthPt: 120, heightPt: 40, format: .png, pixelsPerPoint: 2)
        canvas.paint(RGBA(red: 0, green: 0, blue: 0.5))
        canvas.drawText("Manbij", x: 10, y: 10, font: Font(sizePt: 14), colour: .black, halo: .white)
        let image = try RasterImage(png: try canvas.finish())
        let white = image.pixels.filter { $0 == 0xFFFF_FFFF }.count
        #expect(white > 300, "the halo shows as solid white round the letters (\(white) white pixels)")
        #expect(image.pixels[5 * image.width + 5] == 0xFF00_0080, "the ground beyond the label is untouched")
    }
}
