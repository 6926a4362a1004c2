import Testing
@testable import Gazetteer

/// The bit-parallel near-spelling distance agrees with the plain one on every pair, within the limit and past it.
struct EditDistanceTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11 ^ state
        }
    }

    static let alphabets: [[UInt32]] = [
        Array("abkhs ".unicodeScalars.map(\.value)),
        Array("حلبكرم ".unicodeScalars.map(\.value)),
        Array("ab0123456789".unicodeScalars.map(\.value)),
    ]

    @Test(arguments: 0..<alphabets.count)
    func bitParallelDistanceMatchesTheTable(alphabet: Int) {
        var random = Generator(state: UInt64(alphabet + 1))
        let letters = Self.alphabets[alphabet]
        func word() -> [UInt32] {
            (0..<Int.random(in: 1...14, using: &random)).map { _ in letters.randomElement(using: &random)! }
        }
        for _ in 0..<3_000 {
            let (query, key) = (word(), word())
            let limit = Int.random(in: 0...4, using: &random)
            let plain = EditDistance.between(key, query, limit: limit)
            let pattern = BitParallelPattern(query)!
            let fast = key.withUnsafeBufferPointer { pattern.distance(to: $0, limit: limit) }
            #expect(min(fast, limit + 1) == min(plain, limit + 1), "\(query) against \(key), limit \(limit)")
        }
    }

    @Test func longQueriesAndLettersSharingALowByteHaveNoPattern() {
        #expect(BitParallelPattern([UInt32](repeating: 97, count: 65)) == nil)
        #expect(BitParallelPattern([0x61, 0x0661]) == nil)
        #expect(BitParallelPattern([0x61, 0x61, 0x62]) != nil)
    }

    @Test func distancesBeyondOneWord() {
        let query = Array("sheikh maqsoud".unicodeScalars.map(\.value))
        let key = Array("shaykh maqsud".unicodeScalars.map(\.value))
        let pattern = BitParallelPattern(query)!
        #expect(key.withUnsafeBufferPointer { pattern.distance(to: $0, limit: 10) } == 3)
        #expect(EditDistance.between(key, query, limit: 10) == 3)
    }
}
