import Geometry

/// A hash table from pairs of 64-bit words to indices, open-addressed with a cheap mix: the cells' topology looks
/// up every ring position and every edge once, and the standard dictionary's seeded hashing dominated that.
struct PairTable {
    private var keys: [(UInt64, UInt64)]
    private var values: [Int32]
    private let mask: Int

    /// Room for `capacity` entries at most half full.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [(UInt64, UInt64)](repeating: (0, 0), count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    private func slot(_ a: UInt64, _ b: UInt64) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    func value(_ a: UInt64, _ b: UInt64) -> Int32? {
        var index = slot(a, b)
        while values[index] >= 0 {
            if keys[index] == (a, b) { return values[index] }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The value stored for the pair, storing `value` first when there is none.
    mutating func value(_ a: UInt64, _ b: UInt64, insertingIfAbsent value: Int32) -> Int32 {
        var index = slot(a, b)
        while values[index] >= 0 {
            if keys[index] == (a, b) { return values[index] }
            index = (index + 1) & mask
        }
        keys[index] = (a, b)
        values[index] = value
        return value
    }
}

/// Positions numbered in the order first met, the same position (bit for bit) always the same number.
struct PositionTable {
    private(set) var positions: [LonLat] = []
    private var index: PairTable

    /// Room for `capacity` positions.
    init(capacity: Int) {
        index = PairTable(capacity: capacity)
    }

    mutating func number(_ point: LonLat) -> Int32 {
        let number = index.value(point.lon.bitPattern, point.lat.bitPattern, insertingIfAbsent: Int32(positions.count))
        if number == positions.count { positions.append(point) }
        return number
    }

    /// How many positions the rings of `areas` hold, repeats counted.
    static func count(_ areas: some Sequence<MultiPolygon>) -> Int {
        areas.reduce(0) { total, area in
            total + area.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
        }
    }
}
