/// Owners (indices of `NameIndex.owners`) sorted by a hash of their spelling: built by one sort instead of a
/// dictionary's array per spelling, and looked up by binary search; a spelling's owners keep their order.
struct HashedEntries: Sendable {
    private(set) var hashes: [UInt64] = []
    private(set) var owners: [Int] = []

    init() {}

    /// Entries read back (from the gazetteer cache); nil unless the hashes ascend, with one owner each below
    /// `ownerCount`, and a hash's owners ascend.
    init?(hashes: [UInt64], owners: [Int], ownerCount: Int) {
        guard hashes.count == owners.count, owners.allSatisfy({ $0 >= 0 && $0 < ownerCount }) else { return nil }
        for index in hashes.indices.dropFirst() {
            guard (hashes[index - 1], owners[index - 1]) < (hashes[index], owners[index]) else { return nil }
        }
        (self.hashes, self.owners) = (hashes, owners)
    }

    init(_ pairs: [(hash: UInt64, owner: Int)]) {
        hashes = pairs.map(\.hash)
        owners = pairs.map(\.owner)
        if zip(owners, owners.dropFirst()).allSatisfy({ $0 <= $1 }) {
            Self.radixSort(&hashes, carrying: &owners)
        } else {
            let sorted = pairs.sorted { ($0.hash, $0.owner) < ($1.hash, $1.owner) }
            hashes = sorted.map(\.hash)
            owners = sorted.map(\.owner)
        }
    }

    /// Sorts by hash, sixteen bits a pass from the lowest: each pass is stable, so owners given in ascending order
    /// stay so among equal hashes, the order a sort by (hash, owner) gives, in linear time (a comparison sort of a
    /// large gazetteer's names cost more than the rest of its index).
    private static func radixSort(_ hashes: inout [UInt64], carrying owners: inout [Int]) {
        let count = hashes.count
        guard count > 1 else { return }
        var hashBuffer = [UInt64](repeating: 0, count: count)
        var ownerBuffer = [Int](repeating: 0, count: count)
        var starts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            hashes.withUnsafeBufferPointer { source in
                owners.withUnsafeBufferPointer { sourceOwners in
                    hashBuffer.withUnsafeMutableBufferPointer { target in
                        ownerBuffer.withUnsafeMutableBufferPointer { targetOwners in
                            starts.withUnsafeMutableBufferPointer { starts in
                                _ = starts.initialize(repeating: 0)
                                for hash in source { starts[Int(truncatingIfNeeded: hash >> shift) & 0xFFFF] += 1 }
                                var next = 0
                                for digit in 0..<starts.count {
                                    let digitCount = starts[digit]
                                    starts[digit] = next
                                    next += digitCount
                                }
                                for index in 0..<count {
                                    let digit = Int(truncatingIfNeeded: source[index] >> shift) & 0xFFFF
                                    let position = starts[digit]
                                    starts[digit] = position + 1
                                    target[position] = source[index]
                                    targetOwners[position] = sourceOwners[index]
                                }
                            }
                        }
                    }
                }
            }
            swap(&hashes, &hashBuffer)
            swap(&owners, &ownerBuffer)
        }
    }

    /// FNV-1a of the UTF-8 bytes.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// The owners whose spelling hashes as `text` does (rarely, another spelling's too: compare to be sure).
    func owners(of text: String) -> ArraySlice<Int> {
        let hash = Self.hash(text)
        var low = 0, high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < hashes.count && hashes[end] == hash { end += 1 }
        return owners[low..<end]
    }
}
