import Dispatch
import Foundation

/// Spellings of every place, by normalised key and by consonant skeleton, and buckets of keys for the
/// near-spelling search.
struct NameIndex: Sendable {
    struct Entry: Sendable {
        var place: Int
        var primary: Bool
        var hint: Set<PlaceKind>
        /// Its spelling's owner, an index of `owners`.
        var key: Int
    }

    /// A key as the near-spelling search reads it: which letters it holds, as bits of their code points modulo
    /// 64 (an edit adds at most one letter the other spelling lacks, so keys with more such letters than the
    /// search allows are passed over), where its letters lie in `scalars`, and its place.
    struct KeyRecord: Sendable {
        var mask: UInt64
        /// Which pairs of neighbouring letters it holds, hashed to 64 bits: one edit breaks at most two of the
        /// query's pairs, so a key missing more than twice the allowed edits' worth is passed over unread.
        var pairs: UInt64
        var start: Int32
        var count: Int32
        var place: Int32
    }

    /// Keys sharing a first (or a last) letter, shortest first, so that the keys of a length window are one
    /// contiguous run.
    struct Bucket: Sendable {
        var records: [KeyRecord]
        /// `firstOfLength[n]`: the index of the first record of at least n letters.
        var firstOfLength: [Int]

        /// Sorts by length, keeping the order of equal lengths (a counting sort: lengths are small).
        init(_ unsorted: [KeyRecord]) {
            let longest = Int(unsorted.lazy.map(\.count).max() ?? 0)
            var starts = [Int](repeating: 0, count: longest + 2)
            for record in unsorted { starts[Int(record.count) + 1] += 1 }
            for length in 1..<starts.count { starts[length] += starts[length - 1] }
            firstOfLength = starts
            var next = starts
            var sorted = unsorted
            for record in unsorted {
                sorted[next[Int(record.count)]] = record
                next[Int(record.count)] += 1
            }
            records = sorted
        }

        /// Records of `lengths.lowerBound` to `lengths.upperBound` letters.
        func range(_ lengths: ClosedRange<Int>) -> Range<Int> {
            func first(_ length: Int) -> Int {
                length <= 0 ? 0 : length < firstOfLength.count ? firstOfLength[length] : records.count
            }
            return first(lengths.lowerBound)..<first(lengths.upperBound + 1)
        }
    }

    /// Entries by their key's and by their skeleton's hash: keys are normalised already, so their UTF-8 bytes
    /// compare as well as strings and hash without Unicode normalisation.
    var byKey = HashedEntries()
    var bySkeleton = HashedEntries()
    /// The near-spelling search's letters and buckets, built on its first use: most names are found by their
    /// spelling or skeleton, and building them cost as much as the rest of the index.
    private let near: NearSpellingTable

    /// The key of every name of every place, in the order of the places and of their `allNames`.
    let nameKeys: [NameKey]

    /// Indexes every name of the places, reusing the keys in `known`.
    init(_ places: [Place], known: [String: NameKey] = [:]) {
        self.init(places, keys: Self.keys(of: places, known: known))!
    }

    /// Which place a non-empty key names, and whether by its main English or Arabic name.
    struct Owner: Sendable {
        var name: Int
        var place: Int
        var primary: Bool
    }

    /// The owner of each non-empty key, in the order of `nameKeys`: with the keys, all the index is built from.
    let owners: [Owner]

    /// Indexes the places' names with their keys worked out before; nil when `keys` has not one per name.
    init?(_ places: [Place], keys: [NameKey]) {
        guard let owners = Self.owners(of: places, keys: keys) else { return nil }
        self.init(keys: keys, owners: owners)
    }

    /// The keys of every name of every place, in the order of the places and of their `allNames`, reusing those
    /// in `known`.
    static func keys(of places: [Place], known: [String: NameKey] = [:]) -> [NameKey] {
        places.flatMap { $0.allNames.map { known[$0] ?? NameKey($0) } }
    }

    /// The owner of each non-empty key; nil when `keys` has not one per name of the places.
    static func owners(of places: [Place], keys: [NameKey]) -> [Owner]? {
        var owners = [Owner]()
        owners.reserveCapacity(keys.count)
        var next = 0
        for (index, place) in places.enumerated() {
            let nameCount = (place.nameEn.isEmpty ? 0 : 1) + (place.nameAr.isEmpty ? 0 : 1) + place.altNames.count
            guard next + nameCount <= keys.count else { return nil }
            for position in 0..<nameCount where !keys[next + position].key.isEmpty {
                owners.append(Owner(name: next + position, place: index, primary: position < 2))
            }
            next += nameCount
        }
        return next == keys.count ? owners : nil
    }

    /// Whether every owner names a key of `keys`, not an empty one, and a place.
    static func fit(keys: [NameKey], owners: [Owner]) -> Bool {
        owners.allSatisfy { keys.indices.contains($0.name) && !keys[$0.name].key.isEmpty && $0.place >= 0 }
    }

    /// Indexes keys whose owners are known (read back from the cache); nil when they do not `fit`. The
    /// dictionaries of keys and skeletons and the letters with their buckets are built on two threads.
    init?(keys: [NameKey], owners: [Owner]) {
        guard Self.fit(keys: keys, owners: owners) else { return nil }
        (nameKeys, self.owners) = (keys, owners)
        near = NearSpellingTable(keys, owners)
        let halves = Halves<HashedEntries, HashedEntries>()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves.first = HashedEntries(owners.indices.map { (HashedEntries.hash(keys[owners[$0].name].key), $0) })
            } else {
                halves.second = HashedEntries(owners.indices.compactMap { index in
                    let skeleton = keys[owners[index].name].skeleton
                    return NameIndex.letterCount(skeleton) >= 3 ? (HashedEntries.hash(skeleton), index) : nil
                })
            }
        }
        guard let byKey = halves.first, let bySkeleton = halves.second else { return nil }
        (self.byKey, self.bySkeleton) = (byKey, bySkeleton)
    }

    /// Indexes keys whose owners and entries by spelling and skeleton are known (read back from the cache, and
    /// checked there): nothing is hashed or sorted.
    init(keys: [NameKey], owners: [Owner], byKey: HashedEntries, bySkeleton: HashedEntries) {
        (nameKeys, self.owners, self.byKey, self.bySkeleton) = (keys, owners, byKey, bySkeleton)
        near = NearSpellingTable(keys, owners)
    }

    /// The letters of an entry's spelling (`Entry.key`).
    func letters(ofEntry key: Int) -> [UInt32] {
        nameKeys[owners[key].name].key.unicodeScalars.map(\.value)
    }

    /// The keys' letters end to end and the near-spelling buckets.
    struct Letters: Sendable {
        /// Every key's Unicode scalars end to end, for edit distances without re-walking strings.
        var scalars: [UInt32] = []
        /// Keys by their first letter and by their last: a spelling one edit away from a query keeps one of the
        /// two, so the near-spelling search reads two buckets instead of every key.
        var byFirst: [UInt32: Bucket] = [:]
        var byLast: [UInt32: Bucket] = [:]

        init(_ names: [NameKey], _ owners: [Owner]) {
            scalars.reserveCapacity(owners.count * 12)
            var records = [KeyRecord]()
            records.reserveCapacity(owners.count)
            for owner in owners {
                let start = scalars.count
                for scalar in names[owner.name].key.unicodeScalars { scalars.append(scalar.value) }
                records.append(KeyRecord(mask: NameIndex.letterMask(scalars[start...]),
                                         pairs: NameIndex.pairMask(scalars[start...]), start: Int32(start),
                                         count: Int32(scalars.count - start), place: Int32(owner.place)))
            }
            byFirst = Self.buckets(records, scalars) { Int($0.start) }
            byLast = Self.buckets(records, scalars) { Int($0.start + $0.count) - 1 }
        }

        /// The records grouped by the letter at `position`, each group in the records' order. Letters below
        /// U+0700 (Latin and Arabic) find their group in a table, others in a dictionary.
        private static func buckets(_ records: [KeyRecord], _ scalars: [UInt32],
                                    position: (KeyRecord) -> Int) -> [UInt32: Bucket] {
            let tableSize = 0x700
            var tableGroup = [Int32](repeating: -1, count: tableSize)
            var otherGroup = [UInt32: Int32]()
            var letters = [UInt32](), counts = [Int]()
            var groupOf = [Int32]()
            groupOf.reserveCapacity(records.count)
            for record in records {
                let letter = scalars[position(record)]
                var group = letter < tableSize ? tableGroup[Int(letter)] : otherGroup[letter] ?? -1
                if group < 0 {
                    group = Int32(letters.count)
                    letters.append(letter)
                    counts.append(0)
                    if letter < tableSize { tableGroup[Int(letter)] = group } else { otherGroup[letter] = group }
                }
                counts[Int(group)] += 1
                groupOf.append(group)
            }
            var lists = counts.map { count -> [KeyRecord] in
                var list = [KeyRecord]()
                list.reserveCapacity(count)
                return list
            }
            for (record, group) in zip(records, groupOf) { lists[Int(group)].append(record) }
            var buckets = [UInt32: Bucket](minimumCapacity: letters.count)
            for (letter, list) in zip(letters, lists) { buckets[letter] = Bucket(list) }
            return buckets
        }
    }

    /// Entries whose spelling has this key, in the order of the names.
    func entries(key: String) -> [Entry] {
        byKey.owners(of: key).filter { nameKeys[owners[$0].name].key == key }.map(entry)
    }

    /// Entries whose spelling has this consonant skeleton, in the order of the names.
    func entries(skeleton: String) -> [Entry] {
        guard !skeleton.isEmpty else { return [] }
        return bySkeleton.owners(of: skeleton).filter { nameKeys[owners[$0].name].skeleton == skeleton }.map(entry)
    }

    private func entry(_ owner: Int) -> Entry {
        Entry(place: owners[owner].place, primary: owners[owner].primary, hint: nameKeys[owners[owner].name].kindHint,
              key: owner)
    }

    /// Places with a spelling at most `limit` edits from the query, and their fewest edits; only spellings that
    /// share the query's first or last letter are read.
    func nearSpellings(of query: [UInt32], limit: Int) -> [Int: Int] {
        guard let firstLetter = query.first, let lastLetter = query.last else { return [:] }
        var best = [Int: Int]()
        var scratch = [Int](repeating: 0, count: 2 * (query.count + 1))
        let pattern = BitParallelPattern(query)
        let queryMask = Self.letterMask(query)
        let queryPairs = Self.pairMask(query[...])
        let lengths = (query.count - limit)...(query.count + limit)
        let letters = near.letters
        let (byFirst, byLast) = (letters.byFirst, letters.byLast)
        letters.scalars.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { query in
                scratch.withUnsafeMutableBufferPointer { rows in
                    for bucket in [byFirst[firstLetter], byLast[lastLetter]] {
                        guard let bucket else { continue }
                        bucket.records.withUnsafeBufferPointer { records in
                            for record in records[bucket.range(lengths)] {
                                guard (record.mask & ~queryMask).nonzeroBitCount <= limit,
                                      (queryMask & ~record.mask).nonzeroBitCount <= limit,
                                      (queryPairs & ~record.pairs).nonzeroBitCount <= 2 * limit else { continue }
                                let start = Int(record.start)
                                let key = UnsafeBufferPointer(rebasing: all[start..<start + Int(record.count)])
                                let distance = pattern?.distance(to: key, limit: limit)
                                    ?? EditDistance.between(key, query, limit: limit, rows: rows)
                                let place = Int(record.place)
                                if distance <= limit, distance < best[place] ?? .max { best[place] = distance }
                            }
                        }
                    }
                }
            }
        }
        return best
    }
}

extension NameIndex {
    /// Scalars other than spaces, counted on the UTF-8 bytes (every byte but a continuation byte starts one).
    static func letterCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte != 0x20 && byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    static func pairMask(_ letters: ArraySlice<UInt32>) -> UInt64 {
        var mask: UInt64 = 0
        var previous: UInt32?
        for letter in letters {
            if let previous { mask |= 1 << UInt64((previous &* 31 &+ letter) % 64) }
            previous = letter
        }
        return mask
    }

    static func letterMask<Letters: Sequence<UInt32>>(_ letters: Letters) -> UInt64 {
        letters.reduce(0) { $0 | 1 << UInt64($1 % 64) }
    }

    /// The kinds a descriptor accepts: the data's city, town and village are rough, so "X town" also finds X
    /// listed as a village or a city.
    static func acceptedKinds(_ hint: Set<PlaceKind>) -> Set<PlaceKind> {
        let settlements: Set<PlaceKind> = [.city, .town, .village]
        return hint.isDisjoint(with: settlements) ? hint : hint.union(settlements)
    }
}

/// A name index built when a name is first looked up: a command whose claims name places by id never needs one,
/// and building it cost more than reading the rest of the gazetteer back from the cache. What it is built from
/// (each name's key and owner) is kept, checked, from the start.
final class LazyNameIndex: @unchecked Sendable {
    let nameKeys: [NameKey]
    let owners: [NameIndex.Owner]
    /// The highest place index an owner names, -1 when none.
    let lastPlace: Int
    private let lock = NSLock()
    private var built: NameIndex?

    /// The names of `places`, not indexed yet.
    convenience init(_ places: [Place], known: [String: NameKey] = [:]) {
        let keys = NameIndex.keys(of: places, known: known)
        // One key per name by construction, and every owner's key non-empty.
        self.init(keys: keys, owners: NameIndex.owners(of: places, keys: keys)!)!
    }

    /// Nil when the owners do not fit the keys. `entries`, when given (read back with them), are the index's
    /// entries by spelling and by skeleton, which are then not worked out again.
    init?(keys: [NameKey], owners: [NameIndex.Owner], entries: (byKey: HashedEntries, bySkeleton: HashedEntries)? = nil) {
        guard NameIndex.fit(keys: keys, owners: owners) else { return nil }
        (nameKeys, self.owners) = (keys, owners)
        lastPlace = owners.lazy.map(\.place).max() ?? -1
        built = entries.map { NameIndex(keys: keys, owners: owners, byKey: $0.byKey, bySkeleton: $0.bySkeleton) }
    }

    var index: NameIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        // The keys and owners fit (checked when this was made), so the index is built.
        let index = NameIndex(keys: nameKeys, owners: owners)!
        built = index
        return index
    }
}

/// A name index's `Letters`, built when first asked for (built beside the rest instead, they slowed the look-up
/// of a known name by more than they saved an unknown one).
final class NearSpellingTable: @unchecked Sendable {
    private let names: [NameKey]
    private let owners: [NameIndex.Owner]
    private let lock = NSLock()
    private var built: NameIndex.Letters?

    init(_ names: [NameKey], _ owners: [NameIndex.Owner]) {
        (self.names, self.owners) = (names, owners)
    }

    var letters: NameIndex.Letters {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let letters = NameIndex.Letters(names, owners)
        built = letters
        return letters
    }
}

/// Two results computed on two threads, each written by one of them only.
final class Halves<First, Second>: @unchecked Sendable {
    var first: First?
    var second: Second?
}
