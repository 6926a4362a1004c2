import Testing
@testable import Gazetteer

/// The cache's binary reader: what the writer wrote comes back, and a reader of part of the bytes never reads
/// past that part, whatever follows it.
struct ByteReaderTests {
    var written: [UInt8] {
        var writer = ByteWriter()
        writer.append("حلب")
        writer.append(UInt32(7))
        writer.append(doubles: [1.5, -0.25])
        writer.append(int32s: [3, -4])
        writer.append(uint64s: [UInt64.max])
        return writer.bytes
    }

    @Test func whatWasWrittenIsRead() {
        var reader = ByteReader(bytes: written)
        #expect(reader.string() == "حلب")
        #expect(reader.uint32() == 7)
        #expect(reader.doubles() == [1.5, -0.25])
        #expect(reader.int32s() == [3, -4])
        #expect(reader.uint64s() == [UInt64.max])
        #expect(reader.atEnd && reader.uint32() == nil)
    }

    @Test func aPartIsReadInPlaceAndNotPastItsEnd() {
        let bytes = [0xEE, 0xEE] + written + [1, 0, 0, 0, 9, 9, 9, 9]
        let length = written.count
        var part = ByteReader(bytes: bytes, range: 2..<(2 + length))
        #expect(part.remaining == length && part.offset == 2)
        #expect(part.string() == "حلب")
        #expect(part.uint32() == 7)
        #expect(part.doubles() == [1.5, -0.25])
        #expect(part.int32s() == [3, -4])
        #expect(part.uint64s() == [UInt64.max])
        #expect(part.atEnd)
        #expect(part.uint32() == nil && part.uint64() == nil && part.string() == nil, "the bytes after it are not read")
        // A count that the part cannot hold is refused even where the whole array could.
        var short = ByteReader(bytes: bytes, range: (bytes.count - 8)..<(bytes.count - 4))
        #expect(short.int32s() == nil)
    }
}
