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
