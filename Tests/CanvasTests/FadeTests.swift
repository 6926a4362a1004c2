import Testing
@testable import Canvas

/// The fade along an edge: full on the line, half at half its reach, nothing beyond; and on every format.
struct FadeTests {
    @Test func opacityFallsLinearlyWithDistanceFromTheLine() throws {
        // A horizontal line at y = 20.5 px from x = 10.5 to 90.5, reach 10 px.
        let mask = try #require(DistanceMask(lines: [[(10.5, 20.5), (90.5, 20.5)]], reach: 10, width: 100, height: 50))
        func alpha(_ column: Int, _ row: Int) -> Int { Int(mask.alpha[(row - mask.y) * mask.stride + column - mask.x]) }
        #expect(alpha(50, 20) == 255, "on the line")
        #expect(alpha(50, 25) == 128, "half the reach away: half the opacity")
        #expect(alpha(50, 15) == 128, "on both sides")
        #expect((25...26).contains(alpha(50, 29)), "nine tenths of the reach away: a tenth of the opacity")
        #expect(mask.y + mask.height <= 32, "nothing is kept beyond the reach")
        #expect(alpha(95, 20) == 128, "past the end, the distance is to the end point (a round cap)")
    }

    @Test func segmentsOffTheImageAreSkipped() throws {
        let mask = try #require(DistanceMask(lines: [[(-500, -500), (-400, -500)], [(5.5, 5.5), (6.5, 5.5)]],
                                             reach: 4, width: 20, height: 20))
        #expect(mask.x == 0 && mask.y == 0)
        #expect(mask.alpha.contains(255), "the segment on the image is drawn")
        #expect(DistanceMask(lines: [[(-500, -500), (-400, -500)]], reach: 4, width: 20, height: 20) == nil,
                "a fade wholly off the image has no mask")
    }

    @Test(arguments: ImageFormat.allCases)
    func aFadeDrawsInsideItsAreaOnly(format: ImageFormat) throws {
        let canvas = try Canvas(widthPt: 100, heightPt: 40, format: format, pixelsPerPoint: 2)
        canvas.paint(.white)
        canvas.fade(RGBA(hex: "#0000ff")!, along: [[(50, 0), (50, 40)]], reachPt: 10) {
            canvas.rectangle(x: 0, y: 0, width: 50, height: 40)
        }
        let bytes = try canvas.finish()
        guard format == .png else {
            #expect(!bytes.isEmpty)
            return
        }
        let image = try RasterImage(png: bytes)
        func blue(_ x: Int) -> UInt32 { image.pixels[40 * image.width + x] & 0xFF }
        func red(_ x: Int) -> UInt32 { image.pixels[40 * image.width + x] >> 16 & 0xFF }
        #expect(red(99) < 10 && blue(99) == 255, "just inside the area, at the line: the colour")
        #expect(red(90) > 90 && red(90) < 165, "half the reach in: half the colour")
        #expect(red(70) == 255, "beyond the reach: the paper")
        #expect(red(102) == 255, "outside the area: untouched")
    }
}
