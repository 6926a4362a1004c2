import Foundation
import Testing
@testable import Gazetteer

/// The cache key's hash tells apart inputs that differ in one byte, in length only, or in where one text ends.
struct InputHashTests {
    static func hash(_ parts: [[UInt8]]) -> UInt64 {
        var hash = InputHash()
        for part in parts { part.withUnsafeBytes { hash.mix($0) } }
        return hash.value
    }

    @Test func everyChangedByteChangesTheHash() {
        let base = (0..<37).map { UInt8(truncatingIfNeeded: $0 &* 29) }
        var seen: Set<UInt64> = [Self.hash([base])]
        for position in base.indices {
            for flip in [1, 0x80] as [UInt8] {
                var changed = base
                changed[position] ^= flip
                #expect(seen.insert(Self.hash([changed])).inserted, "byte \(position)")
            }
        }
    }

    @Test func trailingZerosAndLengthsCount() {
        let hashes = (0...17).map { Self.hash([[UInt8](repeating: 0, count: $0)]) }
        #expect(Set(hashes).count == hashes.count)
    }

    @Test func textsAreMixedWithTheirLengths() {
        var first = InputHash(), second = InputHash()
        first.mix("ab")
        first.mix("c")
        second.mix("a")
        second.mix("bc")
        #expect(first.value != second.value)
        #expect(first.hex.count == 16)
    }
}
