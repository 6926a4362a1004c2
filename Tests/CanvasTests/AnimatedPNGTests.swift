import Testing
@testable import Canvas

/// Animated PNGs: the chunk order and numbering browsers need, the frame count and delays, and refusal of frames
/// that differ in size.
struct AnimatedPNGTests {
    private func frame(_ colour: String, widthPt: Double = 30) throws -> [UInt8] {
        let canvas = try Canvas(widthPt: widthPt, heightPt: 20, format: .png)
        canvas.paint(RGBA(hex: colour)!)
        return try canvas.finish()
    }

    private func number(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    @Test func framesFollowTheAPNGChunkSequence() throws {
        let frames = try ["#d20841", "#4cc267", "#f7d84a"].map { try frame($0) }
        let animation = try AnimatedPNG.assemble(frames: frames, delaysMs: [700, 700, 2500])
        let chunks = try PNGChunk.read(animation)
        let types = chunks.map(\.type)
        #expect(Array(types.prefix(2)) == ["IHDR", "acTL"])
        #expect(types.last == "IEND")
        #expect(types.firstIndex(of: "fcTL")! < types.firstIndex(of: "IDAT")!, "the first frame's control comes first")
        #expect(types.firstIndex(of: "IDAT")! < types.firstIndex(of: "fdAT")!)
        #expect(types.filter { $0 == "fcTL" }.count == 3)
        let control = chunks.first { $0.type == "acTL" }!.data
        #expect(number(control[0..<4]) == 3, "three frames")
        #expect(number(control[4..<8]) == 0, "loops forever")
        // fcTL and fdAT share one sequence, numbered from 0 without gaps.
        let sequence = chunks.filter { $0.type == "fcTL" || $0.type == "fdAT" }.map { number($0.data[0..<4]) }
        #expect(sequence == Array(0..<sequence.count))
        let delays = chunks.filter { $0.type == "fcTL" }.map { number($0.data[20..<22]) * 1000 / number($0.data[22..<24]) }
        #expect(delays == [700, 700, 2500], "the last frame pauses")
        let first = try RasterImage(png: animation)
        #expect(first.pixels[0] == 0xFFD2_0841, "viewers without animation show the first frame")
    }

    @Test func framesOfDifferentSizesAreRefused() throws {
        #expect(throws: CanvasError.self) {
            try AnimatedPNG.assemble(frames: [try frame("#ffffff"), try frame("#000000", widthPt: 31)],
                                     delaysMs: [100, 100])
        }
    }

    @Test func aDamagedChunkIsRefused() throws {
        var bytes = try frame("#5aa9e6")
        bytes[40] ^= 0xFF
        #expect(throws: CanvasError.self) { try PNGChunk.read(bytes) }
    }
}
