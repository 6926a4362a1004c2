import Foundation
import Testing
@testable import Canvas

/// The row filter's sixteen-byte path against the filters written out byte by byte from the PNG specification.
struct PNGFilterTests {
    /// Opaque pixels are written four at a time and the rest one by one; translucent ones are un-premultiplied.
    /// Read back by Cairo's own PNG reader, every pixel must be the one written.
    @Test(arguments: [1, 4, 5, 7, 33])
    func pixelsComeBackAsWritten(width: Int) throws {
        var state: UInt32 = 7
        func next() -> UInt32 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return state
        }
        let opaque = RasterImage(width: width, height: 3, pixels: (0..<(width * 3)).map { _ in 0xFF00_0000 | next() >> 8 })
        #expect(try RasterImage(png: try opaque.png()) == opaque, "\(width) opaque pixels a row")
        // Premultiplied colour channels no larger than alpha, as Cairo keeps them; a half-covered pixel's colour
        // survives un-premultiplying to within rounding, so only full and empty alpha are compared exactly.
        let translucent = RasterImage(width: width, height: 2, pixels: (0..<(width * 2)).map { index in
            index % 2 == 0 ? 0xFF00_0000 | next() >> 8 : 0
        })
        #expect(try RasterImage(png: try translucent.png()) == translucent, "\(width) pixels, some transparent")
    }

    /// Bands of 20 rows filtered and compressed apart, their streams joined: Cairo's reader (libpng and zlib, which
    /// checks the joined stream's Adler-32) must read every pixel back, opaque or not.
    @Test(arguments: [19, 20, 21, 64, 301])
    func imagesCompressedInBandsComeBackAsWritten(height: Int) throws {
        var state: UInt32 = 11
        func next() -> UInt32 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return state
        }
        let width = 123
        // Noise above (stored blocks), flat bands and gradients below (Huffman-coded blocks with matches).
        let opaque = RasterImage(width: width, height: height, pixels: (0..<(width * height)).map { index in
            let row = index / width, column = index % width
            if row < height / 3 { return 0xFF00_0000 | next() >> 8 }
            return 0xFF00_0000 | UInt32((row / 7) % 3) << 16 | UInt32(column % 17) << 8 | UInt32(row % 5)
        })
        #expect(try RasterImage(png: try Self.encodedInBands(opaque, bandRows: 20)) == opaque)
        let translucent = RasterImage(width: width, height: height, pixels: (0..<(width * height)).map { index in
            index % 3 == 0 ? 0 : 0xFF00_0000 | UInt32(index / width % 200) << 8
        })
        #expect(try RasterImage(png: try Self.encodedInBands(translucent, bandRows: 20)) == translucent)
    }

    /// Pixels as rows of a source drawn band by band, `bandRows` rows a band.
    private static func encodedInBands(_ image: RasterImage, bandRows: Int,
                                       fail: Int? = nil) throws -> [UInt8] {
        try image.pixels.withUnsafeBytes { raw in
            try PNGWriter.encode(width: image.width, height: image.height, bandRows: bandRows) { rows, target, stride in
                if let fail, rows.contains(fail) { throw CanvasError("row \(fail) could not be drawn") }
                for row in rows {
                    (target + row * stride).copyMemory(from: raw.baseAddress! + row * image.width * 4,
                                                       byteCount: image.width * 4)
                }
            }
        }
    }

    private static func noiseAndBands(width: Int, height: Int, translucentAt: Int? = nil) -> RasterImage {
        var state: UInt32 = 5
        return RasterImage(width: width, height: height, pixels: (0..<(width * height)).map { index in
            state = state &* 1_664_525 &+ 1_013_904_223
            if index == translucentAt { return 0 }
            let row = index / width
            return row % 9 < 3 ? 0xFF00_0000 | state >> 8 : 0xFF00_0000 | UInt32(row % 4) << 16 | UInt32(index % 5)
        })
    }

    /// Each band's first row is filtered against the last row drawn before it, each band compressed apart, and the
    /// bands' streams joined: with bands of any height, from one row to the whole image, every pixel comes back.
    @Test(arguments: [1, 2, 7, 16, 50, 64])
    func imagesEncodedInBandsComeBackAsWritten(bandRows: Int) throws {
        let image = Self.noiseAndBands(width: 37, height: 50)
        let bytes = try Self.encodedInBands(image, bandRows: bandRows)
        #expect(try RasterImage(png: bytes) == image)
        #expect(bytes[25] == 2, "an opaque image is written as RGB")
        #expect(try Self.encodedInBands(image, bandRows: bandRows) == bytes, "the same bytes whoever takes which band")
    }

    /// RGB is assumed until a band finds a pixel that is not opaque, here the very last one: then the image is
    /// encoded again with alpha.
    @Test func aTranslucentPixelInTheLastBandMakesAnRGBAImage() throws {
        let image = Self.noiseAndBands(width: 20, height: 40, translucentAt: 20 * 40 - 1)
        let bytes = try Self.encodedInBands(image, bandRows: 3)
        #expect(bytes[25] == 6, "colour type RGBA")
        #expect(try RasterImage(png: bytes) == image)
    }

    @Test func aBandThatCannotBeDrawnFailsTheImage() {
        let image = Self.noiseAndBands(width: 20, height: 40)
        #expect(throws: CanvasError("row 33 could not be drawn")) { try Self.encodedInBands(image, bandRows: 4, fail: 33) }
    }

    /// Two threads take the bands, but a band is drawn only while no other is (a Cairo recording cannot be played
    /// from two threads at once), and every row is drawn once: a band's row above is the one drawn before it.
    @Test func bandsAreDrawnOneAtATimeAndEveryRowOnce() throws {
        let lock = NSLock()
        var (inside, most, drawn) = (0, 0, [Int](repeating: 0, count: 90))
        let bytes = try PNGWriter.encode(width: 8, height: 90, bandRows: 5) { rows, image, stride in
            lock.withLock { inside += 1; most = max(most, inside) }
            usleep(300)
            for row in rows {
                lock.withLock { drawn[row] += 1 }
                (image + row * stride).initializeMemory(as: UInt32.self, repeating: 0xFF10_2030 | UInt32(row), count: 8)
            }
            lock.withLock { inside -= 1 }
        }
        #expect(most == 1)
        #expect(drawn == Array(repeating: 1, count: 90))
        let decoded = try RasterImage(png: bytes)
        #expect(decoded.pixels == (0..<720).map { 0xFF10_2030 | UInt32($0 / 8) })
    }

    @Test(arguments: [3, 4])
    func everyRowIsFilteredAsTheSpecificationDefines(bytesPerPixel: Int) {
        // Numerical Recipes' linear congruential generator, seeded, so that a failure names rows drawn again.
        var state: UInt32 = 20261203
        func random(_ range: ClosedRange<UInt8>) -> UInt8 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return range.lowerBound &+ UInt8(truncatingIfNeeded: Int(state >> 16) % (Int(range.count)))
        }
        for pixels in [1, 5, 6, 16, 17, 100, 683] {
            let count = pixels * bytesPerPixel
            for pattern in 0..<6 {
                var above = (0..<count).map { _ in random(0...255) }
                var row = (0..<count).map { index -> UInt8 in
                    switch pattern {
                    case 0: random(0...255)  // noise
                    case 1: above[index] &+ random(0...2)  // like the row above
                    case 2: UInt8(truncatingIfNeeded: index / bytesPerPixel * 3)  // a ramp to the right
                    case 3: index % bytesPerPixel == 0 ? 250 : 3  // flat colour
                    case 4: UInt8(truncatingIfNeeded: (index * 37) ^ (index >> 3))
                    default: random(120...136)  // small signed differences
                    }
                }
                if pattern == 3 { above = above.map { $0 / 2 } }
                let expected = Self.reference(row, above: above, bytesPerPixel: bytesPerPixel)
                var line = [UInt8](repeating: 0xAA, count: count + 1)
                row.withUnsafeMutableBufferPointer { row in
                    above.withUnsafeMutableBufferPointer { above in
                        line.withUnsafeMutableBufferPointer { line in
                            Filter.best(row, above: above, bytesPerPixel: bytesPerPixel, into: line)
                        }
                    }
                }
                #expect(line == expected, "\(pixels) pixels of \(bytesPerPixel) bytes, pattern \(pattern)")
            }
        }
    }

    @Test func aRowLikeTheOneAboveIsAllZerosUnderUp() {
        var row = [UInt8](repeating: 77, count: 48), above = row
        var line = [UInt8](repeating: 9, count: 49)
        row.withUnsafeMutableBufferPointer { row in
            above.withUnsafeMutableBufferPointer { above in
                line.withUnsafeMutableBufferPointer { Filter.best(row, above: above, bytesPerPixel: 3, into: $0) }
            }
        }
        #expect(line == [Filter.up.rawValue] + [UInt8](repeating: 0, count: 48))
    }

    /// RFC 2083, 6: every filter applied byte by byte; the smallest sum of magnitudes wins, the first on ties.
    private static func reference(_ row: [UInt8], above: [UInt8], bytesPerPixel: Int) -> [UInt8] {
        func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
            let p = a + b - c
            let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
        }
        let filtered: [[UInt8]] = (0..<5).map { filter in
            row.indices.map { index in
                let x = Int(row[index]), b = Int(above[index])
                let a = index >= bytesPerPixel ? Int(row[index - bytesPerPixel]) : 0
                let c = index >= bytesPerPixel ? Int(above[index - bytesPerPixel]) : 0
                let predicted = [0, a, b, (a + b) / 2, paeth(a, b, c)][filter]
                return UInt8(truncatingIfNeeded: x - predicted)
            }
        }
        let costs = filtered.map { $0.reduce(0) { $0 + Int(Int8(bitPattern: $1).magnitude) } }
        let chosen = costs.indices.min { costs[$0] < costs[$1] }!
        return [UInt8(chosen)] + filtered[chosen]
    }
}
