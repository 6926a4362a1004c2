import Geometry

/// The outcome of looking up a name.
public enum Resolution: Hashable, Sendable {
    /// One place, with a score from 0 to 1 for how closely the spelling matched.
    case found(Place, score: Double)
    /// Several places fit equally well; pick one by id or narrow the scope.
    case ambiguous([Place])
    /// Nothing fits; the nearest spellings, best first (possibly none).
    case unknown(suggestions: [Place])
}

/// Spellings of every place, by normalised key and by consonant skeleton.
struct NameIndex: Sendable {
    struct Entry: Sendable {
        var place: Int
        var primary: Bool
        var hint: Set<PlaceKind>
        /// Its spelling's index in `keys`.
        var key: Int
    }

    var byKey: [String: [Entry]] = [:]
    var bySkeleton: [String: [Entry]] = [:]
    /// Every key's Unicode scalars end to end, for edit distances without re-walking strings.
    var scalars: [UInt32] = []
    /// Where each key lies in `scalars`, and its place.
    var keys: [(start: Int, count: Int, place: Int)] = []
    /// For each key, which letters it holds, as bits of their code points modulo 64: an edit adds at most one
    /// letter the other spelling lacks, so keys with more such letters than the search allows are passed over.
    var letterMasks: [UInt64] = []
    /// Indices of `keys` by their first letter and by their last: a spelling one edit away from a query keeps
    /// one of the two, so the near-spelling search reads two buckets instead of every key.
    var byFirst: [UInt32: [Int]] = [:]
    var byLast: [UInt32: [Int]] = [:]

    /// The key of every name of every place, in the order of the places and of their `allNames`.
    let nameKeys: [NameKey]

    /// Indexes every name of the places, reusing the keys in `known`.
    init(_ places: [Place], known: [String: NameKey] = [:]) {
        self.init(places, keys: places.flatMap { $0.allNames.map { known[$0] ?? NameKey($0) } })!
    }

    /// Indexes the places' names with their keys worked out before; nil when `keys` has not one per name.
    init?(_ places: [Place], keys: [NameKey]) {
        nameKeys = keys
        var next = 0
        for (index, place) in places.enumerated() {
            for position in place.allNames.indices {
                guard next < keys.count else { return nil }
                let name = keys[next]
                next += 1
                guard !name.key.isEmpty else { continue }
                let entry = Entry(place: index, primary: position < 2, hint: name.kindHint, key: self.keys.count)
                byKey[name.key, default: []].append(entry)
                let start = scalars.count
                scalars.append(contentsOf: name.key.unicodeScalars.lazy.map(\.value))
                byFirst[scalars[start], default: []].append(self.keys.count)
                byLast[scalars[scalars.count - 1], default: []].append(self.keys.count)
                self.keys.append((start, scalars.count - start, index))
                letterMasks.append(Self.letterMask(scalars[start...]))
                if name.skeleton.filter({ $0 != " " }).count >= 3 {
                    bySkeleton[name.skeleton, default: []].append(entry)
                }
            }
        }
        guard next == keys.count else { return nil }
    }
}

extension NameIndex {
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

extension Gazetteer {
    /// Resolves a name in Arabic or any Latin spelling, or a place id. `Aleppo/Ashrafieh` looks for
    /// Ashrafieh inside Aleppo; `scope` does the same for a whole query.
    public func resolve(_ query: String, within scope: Place? = nil) -> Resolution {
        let trimmed = query.trimmingSpaces
        if let place = place(id: trimmed) { return .found(place, score: 1) }
        if let slash = trimmed.lastIndex(of: "/") {
            let outer = String(trimmed[..<slash])
            let inner = String(trimmed[trimmed.index(after: slash)...])
            switch resolve(outer, within: scope) {
            case .found(let parent, _): return resolve(inner, within: parent)
            case let other: return other
            }
        }
        let name = NameKey(trimmed)
        guard !name.key.isEmpty else { return .unknown(suggestions: []) }
        // An exact spelling, main name or alternate, beats any skeleton match; a main name counts for more.
        // Among skeleton matches, only the spellings nearest the query count ("Saloum" is Salum, not Salamiyah).
        let tiers: [(entries: [NameIndex.Entry], score: Double, nearestOnly: Bool)] = [
            (names.byKey[name.key] ?? [], 1.0, false),
            (name.skeleton.isEmpty ? [] : names.bySkeleton[name.skeleton] ?? [], 0.85, true),
        ]
        let hint = NameIndex.acceptedKinds(name.kindHint)
        for tier in tiers {
            var entries = tier.entries.filter { fits($0, hint: hint, scope: scope, among: tier.entries) }
            if tier.nearestOnly { entries = nearest(entries, to: name.key) }
            let (candidates, primary) = candidates(entries)
            guard !candidates.isEmpty else { continue }
            let resolution = decide(candidates, primary: primary)
            if case .found(let place, _) = resolution, let index = index(of: place.id) {
                let score = primary.contains(index) || tier.score < 1 ? tier.score : 0.95
                return .found(place, score: score)
            }
            return resolution
        }
        return fuzzy(name, scope: scope)
    }

    /// Whether an entry's place fits the descriptor's kinds and the scope.
    private func fits(_ entry: NameIndex.Entry, hint: Set<PlaceKind>, scope: Place?, among entries: [NameIndex.Entry])
        -> Bool {
        let place = places[entry.place]
        if !hint.isEmpty && !hint.contains(place.kind) { return false }
        if hint.isEmpty && !entry.hint.isEmpty && entry.hint.contains(place.kind)
            && entries.contains(where: { $0.place != entry.place }) {
            return false  // "مطار حلب" spelled as just "حلب" is the city, not its airport
        }
        if let scope, !inScope(place, scope) { return false }
        return true
    }

    /// The entries whose spelling is fewest edits from the key.
    private func nearest(_ entries: [NameIndex.Entry], to key: String) -> [NameIndex.Entry] {
        guard entries.count > 1 else { return entries }
        let query = key.unicodeScalars.map(\.value)
        let distances = entries.map { entry in
            let (start, count, _) = names.keys[entry.key]
            return EditDistance.between(Array(names.scalars[start..<start + count]), query, limit: .max / 2)
        }
        let best = distances.min()!
        return zip(entries, distances).filter { $0.1 == best }.map(\.0)
    }

    /// Places of the entries, best first, without repeats; and those matched by their main English or Arabic name.
    private func candidates(_ entries: [NameIndex.Entry]) -> (places: [Int], primary: Set<Int>) {
        var seen = Set<Int>()
        var result = [Int]()
        var primary = Set<Int>()
        for entry in entries {
            if entry.primary { primary.insert(entry.place) }
            if seen.insert(entry.place).inserted { result.append(entry.place) }
        }
        let sorted = result.sorted { left, right in
            if notable.contains(left) != notable.contains(right) { return notable.contains(left) }
            if primary.contains(left) != primary.contains(right) { return primary.contains(left) }
            return ranksBefore(left, right)
        }
        return (sorted, primary)
    }

    private func inScope(_ place: Place, _ scope: Place) -> Bool {
        place.id != scope.id
            && (isDescendant(place, of: scope) || Geodesic.distanceKm(place.lonLat, scope.lonLat) <= 25)
    }

    /// One candidate, or one that outranks the rest: better known (beyond the village layers), matched by its
    /// main name, of a higher kind, or ten times as populous; else ambiguous.
    private func decide(_ candidates: [Int], primary: Set<Int>) -> Resolution {
        let best = candidates[0]
        guard candidates.count > 1 else { return .found(places[best], score: 1) }
        let next = candidates[1]
        let (a, b) = (places[best], places[next])
        let outranks: Bool
        if notable.contains(best) != notable.contains(next) {
            outranks = notable.contains(best)
        } else if primary.contains(best) != primary.contains(next) {
            outranks = primary.contains(best)
        } else {
            outranks = a.kind.rank > b.kind.rank
                || (a.kind.rank == b.kind.rank && (a.population ?? 0) >= 10 * max(b.population ?? 0, 1))
        }
        return outranks ? .found(a, score: 1) : .ambiguous(candidates.map { places[$0] })
    }

    /// Better-known places first, then higher kinds, then larger populations.
    func ranksBefore(_ left: Int, _ right: Int) -> Bool {
        if notable.contains(left) != notable.contains(right) { return notable.contains(left) }
        let (a, b) = (places[left], places[right])
        if a.kind.rank != b.kind.rank { return a.kind.rank > b.kind.rank }
        if (a.population ?? 0) != (b.population ?? 0) { return (a.population ?? 0) > (b.population ?? 0) }
        return a.id < b.id
    }

    /// Near spellings by edit distance: one edit in a long name resolves; anything else only suggests (among
    /// spellings that share the query's first or last letter).
    private func fuzzy(_ name: NameKey, scope: Place?) -> Resolution {
        let query = name.key.unicodeScalars.map(\.value)
        let limit = max(1, query.count / 4)
        var best = [Int: Int]()
        var scratch = [Int](repeating: 0, count: 2 * (query.count + 1))
        let pattern = BitParallelPattern(query)
        let queryMask = NameIndex.letterMask(query)
        names.scalars.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { query in
                scratch.withUnsafeMutableBufferPointer { rows in
                    let buckets = [names.byFirst[query[0]] ?? [], names.byLast[query[query.count - 1]] ?? []]
                    for index in buckets.joined() {
                        let entry = names.keys[index]
                        guard abs(entry.count - query.count) <= limit else { continue }
                        let mask = names.letterMasks[index]
                        guard (mask & ~queryMask).nonzeroBitCount <= limit,
                              (queryMask & ~mask).nonzeroBitCount <= limit else { continue }
                        let key = UnsafeBufferPointer(rebasing: all[entry.start..<entry.start + entry.count])
                        let distance = pattern?.distance(to: key, limit: limit)
                            ?? EditDistance.between(key, query, limit: limit, rows: rows)
                        if distance <= limit, distance < best[entry.place] ?? .max { best[entry.place] = distance }
                    }
                }
            }
        }
        let ranked = best.filter { scope == nil || inScope(places[$0.key], scope!) }
            .sorted { $0.value != $1.value ? $0.value < $1.value : ranksBefore($0.key, $1.key) }
        if let first = ranked.first, first.value == 1, query.count >= 6,
           ranked.count == 1 || ranked[1].value > 1 {
            return .found(places[first.key], score: 0.8)
        }
        return .unknown(suggestions: ranked.prefix(3).map { places[$0.key] })
    }
}

/// Levenshtein distance over Unicode scalars, giving up past `limit`.
enum EditDistance {
    static func between(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        var scratch = [Int](repeating: 0, count: 2 * (b.count + 1))
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                scratch.withUnsafeMutableBufferPointer { rows in
                    between(a, b, limit: limit, rows: rows)
                }
            }
        }
    }

    /// The search's inner loop: `rows` holds at least 2 × (b.count + 1) scratch integers, so that
    /// thousands of comparisons per query allocate nothing.
    static func between(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int,
                        rows: UnsafeMutableBufferPointer<Int>) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        precondition(rows.count >= 2 * width, "edit distance scratch rows too short")
        var previous = 0, current = width
        for j in 0...b.count { rows[previous + j] = j }
        for i in 1...a.count {
            rows[current] = i
            var rowMin = i
            let letter = a[i - 1]
            for j in 1...b.count {
                let substitution = rows[previous + j - 1] + (letter == b[j - 1] ? 0 : 1)
                let value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, substitution)
                rows[current + j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return rows[previous + b.count]
    }
}

/// Levenshtein distance from one query to many keys, 64 cells at a time (Myers 1999, in Hyyrö's form for whole
/// strings): what the near-spelling search spends its time on. Queries of more than 64 letters, or whose
/// letters share a low byte, have no pattern and fall back to `EditDistance`.
struct BitParallelPattern {
    /// For each low byte of a letter: the letter, and the positions of the query holding it.
    private var letters = [UInt32](repeating: .max, count: 256)
    private var masks = [UInt64](repeating: 0, count: 256)
    private let length: Int

    init?(_ query: [UInt32]) {
        guard (1...64).contains(query.count) else { return nil }
        length = query.count
        for (position, letter) in query.enumerated() {
            let slot = Int(letter & 0xFF)
            guard letters[slot] == .max || letters[slot] == letter else { return nil }
            letters[slot] = letter
            masks[slot] |= 1 << UInt64(position)
        }
    }

    /// The distance between the query and `text`, or some value past `limit` once it must exceed it.
    func distance(to text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int {
        if text.isEmpty { return length }
        let high: UInt64 = 1 << UInt64(length - 1)
        var positive = UInt64.max, negative: UInt64 = 0
        var score = length
        return letters.withUnsafeBufferPointer { letters in
            masks.withUnsafeBufferPointer { masks in
                for (column, letter) in text.enumerated() {
                    let slot = Int(letter & 0xFF)
                    let equal = letters[slot] == letter ? masks[slot] : 0
                    let vertical = equal | negative
                    let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
                    var horizontalUp = negative | ~(horizontal | positive)
                    var horizontalDown = positive & horizontal
                    if horizontalUp & high != 0 { score += 1 } else if horizontalDown & high != 0 { score -= 1 }
                    // Each remaining letter lowers the distance by one at most.
                    if score - (text.count - column - 1) > limit { return limit + 1 }
                    horizontalUp = horizontalUp << 1 | 1
                    horizontalDown <<= 1
                    positive = horizontalDown | ~(vertical | horizontalUp)
                    negative = horizontalUp & vertical
                }
                return score
            }
        }
    }
}
