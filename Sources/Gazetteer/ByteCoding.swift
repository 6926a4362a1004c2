public import Foundation
public import Geometry

/// Little-endian binary writing for the caches: fixed-width numbers and length-prefixed UTF-8 strings.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    public mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    public mutating func append(_ value: Double) {
        append(value.bitPattern)
    }

    public mutating func append(_ text: String) {
        append(UInt32(text.utf8.count))
        bytes += text.utf8
    }

    /// Bytes written before, as they are.
    public mutating func append(raw: [UInt8]) {
        bytes += raw
    }

    /// A count of what follows, or an index.
    public mutating func append(count: Int) {
        append(UInt32(count))
    }

    /// Their count, then the numbers, eight bytes each.
    public mutating func append(doubles values: [Double]) {
        append(numbers: values) { writer, value in writer.append(value) }
    }

    /// Their count, then the numbers, eight bytes each.
    public mutating func append(uint64s values: [UInt64]) {
        append(numbers: values) { writer, value in writer.append(value) }
    }

    /// Their count, then the numbers, four bytes each.
    public mutating func append(int32s values: [Int32]) {
        append(numbers: values) { writer, value in writer.append(UInt32(bitPattern: value)) }
    }

    /// Their count, then the numbers little-endian, copied whole on a little-endian machine.
    private mutating func append<Number>(numbers values: [Number], _ one: (inout ByteWriter, Number) -> Void) {
        append(count: values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes += $0 }
        #else
        for value in values { one(&self, value) }
        #endif
    }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end, so damaged input is refused, never trapped on.
public struct ByteReader {
    public let bytes: [UInt8]
    public private(set) var offset = 0
    /// Where the bytes read end: the whole array, or the end of a part of it.
    public let end: Int

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads `range` of `bytes` only (a part of a file read whole), without copying it.
    public init(bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "a range of the bytes")
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    public var atEnd: Bool { offset == end }
    public var remaining: Int { end - offset }

    public mutating func uint32() -> UInt32? {
        guard offset + 4 <= end else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) })
    }

    public mutating func uint64() -> UInt64? {
        guard offset + 8 <= end else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) })
    }

    public mutating func double() -> Double? {
        uint64().map(Double.init(bitPattern:))
    }

    /// A count no larger than `limit` (what the rest of the input could hold), else nil.
    public mutating func count(limit: Int) -> Int? {
        guard let value = uint32().map(Int.init), value <= limit else { return nil }
        return value
    }

    /// A count, then that many elements read by `element`; nil when the count or any element is.
    public mutating func list<Element>(_ element: (inout ByteReader) -> Element?) -> [Element]? {
        guard let count = count(limit: remaining) else { return nil }
        var elements = [Element]()
        elements.reserveCapacity(count)
        for _ in 0..<count {
            guard let next = element(&self) else { return nil }
            elements.append(next)
        }
        return elements
    }

    /// What `append(int32s:)` wrote; nil when the count runs past the end.
    public mutating func int32s() -> [Int32]? {
        numbers { reader in reader.uint32().map { Int32(bitPattern: $0) } }
    }

    /// What `append(uint64s:)` wrote; nil when the count runs past the end.
    public mutating func uint64s() -> [UInt64]? {
        numbers { $0.uint64() }
    }

    /// What `append(doubles:)` wrote; nil when the count runs past the end.
    public mutating func doubles() -> [Double]? {
        numbers { $0.double() }
    }

    /// A count, then that many fixed-width little-endian numbers, copied whole on a little-endian machine.
    private mutating func numbers<Number>(_ one: (inout ByteReader) -> Number?) -> [Number]? {
        let width = MemoryLayout<Number>.size
        guard let count = uint32().map(Int.init), count <= remaining / width else { return nil }
        #if _endian(little)
        defer { offset += count * width }
        return [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset ..< offset + count * width]))
            }
            initialized = count
        }
        #else
        return (0..<count).map { _ in one(&self)! }
        #endif
    }

    public mutating func string() -> String? {
        guard let length = uint32().map(Int.init), length <= remaining else { return nil }
        defer { offset += length }
        return bytes.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[offset..<offset + length]), as: UTF8.self)
        }
    }
}

/// A 64-bit hash of a cache's inputs, taken eight bytes a step (a byte a step, as FNV-1a goes, cost milliseconds of
/// every run on a large gazetteer): it tells inputs apart, it does not resist someone crafting a collision.
public struct InputHash {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func step(_ word: UInt64) {
        value = (value ^ word) &* Self.multiplier
        value ^= value >> 29
    }

    public mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            step(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        // The last bytes, and their count, as one more word.
        var tail = UInt64(bytes.count - offset) << 56
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        step(tail)
    }

    public mutating func mix(_ data: Data) {
        data.withUnsafeBytes { mix($0) }
    }

    public mutating func mix(_ number: UInt64) {
        step(number)
    }

    public mutating func mix(_ text: String) {
        mix(UInt64(text.utf8.count))
        var text = text
        text.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension ByteWriter {
    /// Polygons, each as its rings (exterior first), each ring as its points.
    public mutating func append(_ area: MultiPolygon) {
        append(UInt32(area.polygons.count))
        for polygon in area.polygons {
            let rings = [polygon.exterior] + polygon.holes
            append(UInt32(rings.count))
            for ring in rings {
                append(UInt32(ring.count))
                for point in ring {
                    append(point.lon)
                    append(point.lat)
                }
            }
        }
    }
}

extension ByteReader {
    /// A `MultiPolygon` as `append(_:)` wrote it; nil when the bytes do not hold one.
    public mutating func multiPolygon() -> MultiPolygon? {
        guard let polygonCount = uint32(), polygonCount < 1_000_000 else { return nil }
        var polygons = [Polygon]()
        for _ in 0..<polygonCount {
            guard let ringCount = uint32(), ringCount >= 1, ringCount < 1_000_000 else { return nil }
            var rings = [[LonLat]]()
            for _ in 0..<ringCount {
                guard let pointCount = uint32(), Int(pointCount) * 16 <= remaining else { return nil }
                var ring = [LonLat]()
                ring.reserveCapacity(Int(pointCount))
                for _ in 0..<pointCount {
                    guard let lon = double(), let lat = double() else { return nil }
                    ring.append(LonLat(lon, lat))
                }
                rings.append(ring)
            }
            polygons.append(Polygon(exterior: rings[0], holes: Array(rings.dropFirst())))
        }
        return MultiPolygon(polygons)
    }
}
