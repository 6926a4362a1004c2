import Dispatch
import Foundation
import Testing
@testable import Gazetteer

/// The gazetteer as the cache keeps it: read back, it answers every look-up as the one it was written from, with
/// the same entries by spelling and by skeleton (read, not worked out again).
struct CheckedGazetteerTests {
    @Test func aGazetteerReadBackResolvesEveryKindOfQueryAsTheOriginal() throws {
        let original = try BundledGazetteer.gazetteer.get()
        let bytes = CheckedGazetteer(gazetteer: original, problems: []).encoded()
        let decoded = try #require(CheckedGazetteer(encoded: bytes)).gazetteer
        #expect(decoded.places.map(\.id) == original.places.map(\.id))
        #expect(decoded.places.last == original.places.last && decoded.places[original.places.count / 4]
                    == original.places[original.places.count / 4], "both parts of the places read back whole")
        #expect(decoded.nameKeys.map(\.key) == original.nameKeys.map(\.key))
        for (read, built) in [(decoded.names.byKey, original.names.byKey),
                              (decoded.names.bySkeleton, original.names.bySkeleton)] {
            #expect(read.hashes == built.hashes && read.owners == built.owners && !read.hashes.isEmpty)
        }
        // Ids, Latin and Arabic names, a skeleton match, a near spelling, a scoped query and nonsense.
        for query in ["gn-170063", "Aleppo", "حلب", "Saraqib", "Sarakeb", "Maarat al-Numan", "Aleppo/Ashrafieh",
                      "Khan Shaykhun", "Xyzzyqq"] {
            #expect(decoded.resolve(query) == original.resolve(query), "\(query)")
        }
        #expect(decoded.names.nearSpellings(of: Array("saraqb".unicodeScalars.map(\.value)), limit: 2)
                == original.names.nearSpellings(of: Array("saraqb".unicodeScalars.map(\.value)), limit: 2))
    }

    /// The index is built by whichever look-up comes first; look-ups on several threads at once (a server's
    /// requests) all get the same answers.
    @Test func firstLookUpsOnManyThreadsAtOnceAgree() throws {
        let original = try BundledGazetteer.gazetteer.get()
        let decoded = try #require(CheckedGazetteer(encoded: CheckedGazetteer(gazetteer: original, problems: []).encoded()))
            .gazetteer
        let queries = ["Aleppo", "حلب", "Saraqib", "Sarakeb", "Idlib", "Tal Rifaat", "Manbij", "Kobani"]
        let answers = Answers(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            answers.set(index, decoded.resolve(queries[index % queries.count]))
        }
        for (index, answer) in answers.all.enumerated() {
            #expect(answer == original.resolve(queries[index % queries.count]), "\(queries[index % queries.count])")
        }
    }

    /// Cut anywhere (in the names, in either part of the places, in the rest), a cache is refused, never trapped on.
    @Test func aCacheCutAnywhereIsRefused() throws {
        let some = Gazetteer(places: Array(try BundledGazetteer.gazetteer.get().places.prefix(40)))
        let bytes = CheckedGazetteer(gazetteer: some, problems: []).encoded()
        for cut in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(CheckedGazetteer(encoded: Array(bytes[..<cut])) == nil, "cut at \(cut) of \(bytes.count)")
        }
        #expect(CheckedGazetteer(encoded: []) == nil)
    }

    @Test func aCutCacheIsNotRead() throws {
        let one = Gazetteer(places: [try BundledGazetteer.gazetteer.get().places[0]])
        var bytes = CheckedGazetteer(gazetteer: one, problems: []).encoded()
        #expect(CheckedGazetteer(encoded: bytes) != nil)
        bytes.removeLast(3)
        #expect(CheckedGazetteer(encoded: bytes) == nil, "a cut cache is not read")
    }
}

/// Resolutions written from several threads, one slot each.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Resolution?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ answer: Resolution) {
        lock.lock()
        slots[index] = answer
        lock.unlock()
    }

    var all: [Resolution?] { slots }
}
