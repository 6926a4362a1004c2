/// Joins raw DEFLATE streams compressed apart into one stream, so that an image's halves can be compressed on two
/// cores and still make one zlib stream, as PNG asks. libdeflate compresses a buffer whole and marks its last
/// block final; joining needs that block's header (to clear the mark) and the bit where the stream ends (to start
/// the next one there), so the stream's blocks are walked: each symbol's code is read and skipped, nothing is
/// decompressed.
enum DeflateJoin {
    /// Where a raw DEFLATE stream's final block starts and where the stream ends, in bits from its first byte.
    struct Ends: Equatable {
        var finalHeader: Int
        var end: Int
    }

    /// The ends of `stream`, or nil when it is not a whole DEFLATE stream.
    static func ends(of stream: UnsafeBufferPointer<UInt8>) -> Ends? {
        var reader = BitReader(stream)
        let litlen = HuffmanTable(maxSymbols: 288), distance = HuffmanTable(maxSymbols: 32)
        let codeLengths = HuffmanTable(maxSymbols: 19)
        defer { [litlen, distance, codeLengths].forEach { $0.deallocate() } }
        while true {
            let header = reader.position
            let final = reader.take(1) == 1
            switch reader.take(2) {
            case 0:
                reader.position = (reader.position + 7) & ~7
                let length = reader.take(16), complement = reader.take(16)
                guard length ^ complement == 0xFFFF else { return nil }
                reader.position += length * 8
            case 1:
                litlen.build(Self.fixedLitlenLengths, extraBits: Self.lengthExtraBits)
                distance.build(Self.fixedDistanceLengths, extraBits: Self.distanceExtraBits)
                guard skipSymbols(&reader, litlen, distance) else { return nil }
            case 2:
                guard readDynamicTables(&reader, litlen, distance, codeLengths),
                      skipSymbols(&reader, litlen, distance) else { return nil }
            default:
                return nil
            }
            guard reader.position <= stream.count * 8 else { return nil }
            if final { return Ends(finalHeader: header, end: reader.position) }
        }
    }

    /// Appends `stream` (a whole raw DEFLATE stream) so that another stream can follow it: its final block no
    /// longer final, then an empty stored block, which pads to a whole byte. The next stream is appended as it is.
    /// (Shifting its bits to follow `stream`'s would move its own stored blocks off the byte boundaries their
    /// lengths are read from.)
    static func append(_ stream: UnsafeBufferPointer<UInt8>, _ ends: Ends, into output: inout [UInt8]) {
        let start = output.count
        output += stream[..<((ends.end + 7) / 8)]
        output[start + ends.finalHeader / 8] &= ~(1 << UInt8(ends.finalHeader & 7))
        if ends.end & 7 != 0 { output[output.count - 1] &= 1 << UInt8(ends.end & 7) - 1 }
        // The stored block's header: three zero bits (not final, stored), in the last byte if they fit.
        if (ends.end + 3 + 7) / 8 > (ends.end + 7) / 8 { output.append(0) }
        output += [0x00, 0x00, 0xFF, 0xFF]  // length 0 and its complement
    }

    /// Adler-32 of two buffers one after the other, from each one's own (zlib's `adler32_combine`).
    static func combinedAdler32(_ first: UInt32, _ second: UInt32, secondCount: Int) -> UInt32 {
        let base: UInt64 = 65521
        let remainder = UInt64(secondCount) % base
        var low = UInt64(first & 0xFFFF)
        var high = (remainder * low) % base
        low += UInt64(second & 0xFFFF) + base - 1
        high += UInt64(first >> 16) + UInt64(second >> 16) + base - remainder
        low %= base
        high %= base
        return UInt32(low | high << 16)
    }

    // MARK: - Walking a stream

    private static let fixedLitlenLengths: [UInt8] =
        Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
        + Array(repeating: 8, count: 8)
    private static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)
    /// The extra bits after each literal/length symbol's code (only lengths have any) and each distance's.
    private static let lengthExtraBits: [UInt32] = Array(repeating: 0, count: 265) + [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                                                                                      4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceExtraBits: [UInt32] = (0..<30).map { $0 < 4 ? 0 : UInt32($0 / 2 - 1) }
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A dynamic block's header: its code-length code, then the literal/length and distance codes' lengths.
    private static func readDynamicTables(_ reader: inout BitReader, _ litlen: HuffmanTable, _ distance: HuffmanTable,
                                          _ codeLengths: HuffmanTable) -> Bool {
        let litlenCount = reader.take(5) + 257, distanceCount = reader.take(5) + 1
        let codeLengthCount = reader.take(4) + 4
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengthLengths[codeLengthOrder[index]] = UInt8(reader.take(3)) }
        guard codeLengths.build(codeLengthLengths, extraBits: []) else { return false }
        var lengths = [UInt8]()
        lengths.reserveCapacity(litlenCount + distanceCount)
        while lengths.count < litlenCount + distanceCount {
            guard let symbol = codeLengths.decode(&reader) else { return false }
            switch symbol {
            case 0..<16: lengths.append(UInt8(symbol))
            case 16:
                guard let previous = lengths.last else { return false }
                lengths += repeatElement(previous, count: 3 + reader.take(2))
            case 17: lengths += repeatElement(0, count: 3 + reader.take(3))
            default: lengths += repeatElement(0, count: 11 + reader.take(7))
            }
        }
        guard lengths.count == litlenCount + distanceCount else { return false }
        return litlen.build(lengths[..<litlenCount], extraBits: lengthExtraBits)
            && distance.build(lengths[litlenCount...], extraBits: distanceExtraBits)
    }

    /// Reads a block's symbols up to its end-of-block code, skipping each match's extra bits (the tables give
    /// each code's length and its extra bits together).
    private static func skipSymbols(_ reader: inout BitReader, _ litlen: HuffmanTable,
                                    _ distance: HuffmanTable) -> Bool {
        let limit = reader.count * 8
        var position = reader.position
        defer { reader.position = position }
        while position <= limit {
            let entry = litlen.entries[reader.peek(litlen.bits, at: position)]
            guard entry & 15 != 0 else { return false }
            position += Int(entry & 15 + entry >> 4 & 15)
            let symbol = entry >> 8
            if symbol < 256 { continue }
            if symbol == 256 { return true }
            guard symbol <= 285 else { return false }
            let distanceEntry = distance.entries[reader.peek(distance.bits, at: position)]
            guard distanceEntry & 15 != 0, distanceEntry >> 8 < 30 else { return false }
            position += Int(distanceEntry & 15 + distanceEntry >> 4 & 15)
        }
        return false
    }
}

/// Bits of a DEFLATE stream, least significant first; reads past the end give zeros.
private struct BitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var count: Int { bytes.count }

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next `bits` bits (at most 32) without taking them.
    func peek(_ bits: Int) -> Int { peek(bits, at: position) }

    /// The `bits` bits (at most 32) from bit `position` on.
    @inline(__always)
    func peek(_ bits: Int, at position: Int) -> Int {
        let byte = position >> 3
        guard byte < bytes.count else { return 0 }
        var word: UInt64 = 0
        if byte + 8 <= bytes.count {
            word = UnsafeRawPointer(bytes.baseAddress! + byte).loadUnaligned(as: UInt64.self).littleEndian
        } else {
            for index in byte..<min(byte + 8, bytes.count) { word |= UInt64(bytes[index]) << UInt64(8 * (index - byte)) }
        }
        return Int(truncatingIfNeeded: (word >> UInt64(position & 7)) & ((1 << UInt64(bits)) - 1))
    }

    mutating func take(_ bits: Int) -> Int {
        let value = peek(bits)
        position += bits
        return value
    }
}

/// A canonical Huffman code as a table indexed by the next bits of the stream (as many as the longest code).
private final class HuffmanTable {
    /// Symbol << 8 | the extra bits after its code << 4 | the code's length; length 0 marks bits that start no code.
    let entries = UnsafeMutablePointer<UInt32>.allocate(capacity: 1 << 15)
    private(set) var bits = 0
    private let maxSymbols: Int

    init(maxSymbols: Int) { self.maxSymbols = maxSymbols }

    func deallocate() { entries.deallocate() }

    /// Builds the code DEFLATE assigns to these code lengths; false when they overflow the code space.
    @discardableResult
    func build<Lengths: Collection<UInt8>>(_ lengths: Lengths, extraBits: [UInt32]) -> Bool {
        guard lengths.count <= maxSymbols else { return false }
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0
        bits = max(1, counts.lastIndex { $0 > 0 } ?? 1)
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for length in 1...15 {
            code = (code + counts[length - 1]) << 1
            next[length] = code
            guard code + counts[length] <= 1 << length else { return false }
        }
        entries.update(repeating: 0, count: 1 << bits)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            var reversed = 0, value = next[length]
            next[length] += 1
            for _ in 0..<length {
                reversed = reversed << 1 | value & 1
                value >>= 1
            }
            let entry = UInt32(symbol << 8 | length) | (symbol < extraBits.count ? extraBits[symbol] << 4 : 0)
            for index in stride(from: reversed, to: 1 << bits, by: 1 << length) { entries[index] = entry }
        }
        return true
    }

    func decode(_ reader: inout BitReader) -> Int? {
        let entry = entries[reader.peek(bits)]
        let length = Int(entry & 15)
        guard length > 0 else { return nil }
        reader.position += length
        return Int(entry >> 8)
    }
}
