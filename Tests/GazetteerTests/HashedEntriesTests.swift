import Testing
@testable import Gazetteer

/// The spellings' table, sorted by hash in linear time, finds every spelling's owners, in their order.
struct HashedEntriesTests {
    typealias Generator = EditDistanceTests.Generator

    /// Spellings, many of them repeated (owners sharing a hash), Latin and Arabic.
    static func spellings(count: Int, seed: UInt64) -> [String] {
        var random = Generator(state: seed)
        let letters = Array("abkhs حلبكرم")
        let distinct = (0..<max(1, count / 3)).map { _ in
            String((0..<Int.random(in: 1...9, using: &random)).map { _ in letters.randomElement(using: &random)! })
        }
        return (0..<count).map { _ in distinct.randomElement(using: &random)! }
    }

    @Test(arguments: [0, 1, 2, 7, 5_000, 70_000])
    func everySpellingFindsItsOwnersInOrder(count: Int) {
        let texts = Self.spellings(count: count, seed: UInt64(count) + 3)
        let table = HashedEntries(texts.indices.map { (HashedEntries.hash(texts[$0]), $0) })
        var expected = [String: [Int]]()
        for (owner, text) in texts.enumerated() { expected[text, default: []].append(owner) }
        for (text, owners) in expected {
            #expect(Array(table.owners(of: text)) == owners, "\(text)")
        }
        #expect(table.owners(of: "not among them").isEmpty)
    }

    @Test func ownersGivenOutOfOrderAreSortedToo() {
        let texts = Self.spellings(count: 3_000, seed: 11)
        var random = Generator(state: 5)
        let pairs = texts.indices.map { (HashedEntries.hash(texts[$0]), $0) }.shuffled(using: &random)
        let table = HashedEntries(pairs)
        for text in Set(texts) {
            #expect(Array(table.owners(of: text)) == texts.indices.filter { texts[$0] == text }, "\(text)")
        }
    }

    @Test func hashIsFNV1aOfTheUTF8Bytes() {
        #expect(HashedEntries.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(HashedEntries.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(HashedEntries.hash("حلب") == FNV.of(Array("حلب".utf8)))
    }

    enum FNV {
        static func of(_ bytes: [UInt8]) -> UInt64 {
            bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
    }

    @Test func entriesReadBackAreCheckedBeforeUse() {
        let texts = Self.spellings(count: 500, seed: 2)
        let built = HashedEntries(texts.indices.map { (HashedEntries.hash(texts[$0]), $0) })
        let read = HashedEntries(hashes: built.hashes, owners: built.owners, ownerCount: texts.count)
        #expect(read.map { Array($0.owners(of: texts[7])) } == Array(built.owners(of: texts[7])))
        var unsorted = built.hashes
        unsorted.swapAt(3, 400)
        #expect(HashedEntries(hashes: unsorted, owners: built.owners, ownerCount: texts.count) == nil)
        #expect(HashedEntries(hashes: built.hashes, owners: built.owners, ownerCount: texts.count - 1) == nil)
        #expect(HashedEntries(hashes: built.hashes, owners: Array(built.owners.dropLast()), ownerCount: 500) == nil)
    }
}
