internal import CDeflate
import Testing
@testable import Canvas

/// Raw DEFLATE streams compressed apart by libdeflate, walked to their ends and joined into one.
struct DeflateJoinTests {
    /// Inputs that make libdeflate choose each kind of block: stored (noise), fixed codes (a short text) and
    /// dynamic codes (rows of a picture), and an empty one.
    static let inputs: [(String, [UInt8])] = {
        var state: UInt32 = 20261204
        func next() -> UInt8 {
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let noise = (0..<70_000).map { _ in next() }
        let text = Array("Nubl and al-Zahraa, held since 2012.".utf8)
        let picture = (0..<300_000).map { index -> UInt8 in
            index % 6001 == 0 ? 1 : UInt8(truncatingIfNeeded: (index / 97) % 7 == 0 ? Int(next() % 4) : index % 3)
        }
        return [("noise", noise), ("text", text), ("picture", picture), ("empty", [])]
    }()

    private func compress(_ input: [UInt8], level: Int32 = 5) -> [UInt8] {
        let compressor = libdeflate_alloc_compressor(level)!
        defer { libdeflate_free_compressor(compressor) }
        return [UInt8](unsafeUninitializedCapacity: libdeflate_deflate_compress_bound(compressor, input.count)) {
            output, count in
            count = input.withUnsafeBufferPointer {
                libdeflate_deflate_compress(compressor, $0.baseAddress, $0.count, output.baseAddress, output.count)
            }
        }
    }

    /// The stream decompressed, and how many of its bytes the decompressor read.
    private func decompress(_ stream: [UInt8], expecting count: Int) -> (bytes: [UInt8], read: Int)? {
        let decompressor = libdeflate_alloc_decompressor()!
        defer { libdeflate_free_decompressor(decompressor) }
        var read = 0, written = 0
        var output = [UInt8](repeating: 0, count: count + 1)
        let result = stream.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                libdeflate_deflate_decompress_ex(decompressor, input.baseAddress, input.count, output.baseAddress,
                                                 output.count, &read, &written)
            }
        }
        guard result == LIBDEFLATE_SUCCESS else { return nil }
        return (Array(output[..<written]), read)
    }

    private func endsOf(_ stream: [UInt8]) -> DeflateJoin.Ends? {
        stream.withUnsafeBufferPointer { DeflateJoin.ends(of: $0) }
    }

    @Test(arguments: inputs.map(\.0))
    func aStreamEndsWhereTheDecompressorStopsReading(name: String) throws {
        let input = Self.inputs.first { $0.0 == name }!.1
        let stream = compress(input)
        let ends = try #require(endsOf(stream))
        let decoded = try #require(decompress(stream, expecting: input.count))
        #expect(decoded.bytes == input)
        #expect((ends.end + 7) / 8 == decoded.read, "the last bit read is in the stream's last byte")
        #expect(ends.finalHeader < ends.end)
        #expect(stream[ends.finalHeader / 8] >> UInt8(ends.finalHeader % 8) & 1 == 1, "the final block is marked")
    }

    @Test(arguments: inputs.map(\.0), inputs.map(\.0))
    func twoStreamsJoinedDecompressToBothInputs(first: String, second: String) throws {
        let one = Self.inputs.first { $0.0 == first }!.1, two = Self.inputs.first { $0.0 == second }!.1
        let streams = [compress(one), compress(two, level: 1)]
        let firstEnds = try #require(endsOf(streams[0])), secondEnds = try #require(endsOf(streams[1]))
        var joined = [UInt8]()
        streams[0].withUnsafeBufferPointer { DeflateJoin.append($0, firstEnds, into: &joined) }
        joined += streams[1]
        let decoded = try #require(decompress(joined, expecting: one.count + two.count))
        #expect(decoded.bytes == one + two)
        #expect(decoded.read == joined.count, "no byte after the joined stream's end")
        // The first stream, an empty stored block padded to a byte, the second stream from there.
        let storedBlockEnd = (firstEnds.end + 3 + 7) / 8 * 8 + 32
        #expect(endsOf(joined)?.end == storedBlockEnd + secondEnds.end)
    }

    @Test func aCutOrCorruptStreamHasNoEnds() {
        let stream = compress(Self.inputs[2].1)
        #expect(endsOf(Array(stream.prefix(stream.count / 2))) == nil)
        #expect(endsOf([0b111]) == nil, "block type 3 is reserved")
        #expect(endsOf([0b000, 5, 0, 5, 0]) == nil, "a stored block's length and its complement disagree")
    }

    @Test func adlerOfTwoPartsCombinesToTheWhole() {
        let parts = [Self.inputs[0].1, Self.inputs[2].1]
        func adler(_ bytes: [UInt8], from start: UInt32 = 1) -> UInt32 {
            bytes.withUnsafeBufferPointer { UInt32(libdeflate_adler32(start, $0.baseAddress, $0.count)) }
        }
        #expect(DeflateJoin.combinedAdler32(adler(parts[0]), adler(parts[1]), secondCount: parts[1].count)
                == adler(parts[0] + parts[1]))
        #expect(DeflateJoin.combinedAdler32(adler(parts[0]), adler([]), secondCount: 0) == adler(parts[0]))
    }
}
