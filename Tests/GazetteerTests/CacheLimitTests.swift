import Foundation
import Testing
@testable import Gazetteer

/// The cache keeps under its limit by removing the files used longest ago, and only its own files.
struct CacheLimitTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-limit-\(UUID())")

    var bytesKind: CacheFolder.Kind<[UInt8]> { CacheFolder.Kind<[UInt8]>(name: "test", magic: "CMTEST01", encode: { $0 },
                                                     decode: { reader in
        Array(reader.bytes[reader.offset..<reader.end])
    }) }

    func cache(limit: Int) throws -> CacheFolder {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return CacheFolder(folder: folder, limitBytes: limit, write: { bytes, file in
            (try? Data(bytes).write(to: file)) == nil ? "not written" : nil
        }, warn: { _ in })
    }

    /// A file of `count` bytes last used `age` seconds ago.
    func file(_ name: String, count: Int, age: Int) throws {
        let path = folder.appendingPathComponent(name).path
        try Data(repeating: 7, count: count).write(to: URL(fileURLWithPath: path))
        let when = timespec(tv_sec: time(nil) - age, tv_nsec: 0)
        #expect(utimensat(AT_FDCWD, path, [when, when], 0) == 0)
    }

    func names() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    @Test func theFilesUsedLongestAgoGoUntilTheRestFit() throws {
        let cache = try cache(limit: 2_500)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, age) in [400, 300, 200, 100].enumerated() {
            try file("cells3-000000000000000\(index).bin", count: 1_000, age: age)
        }
        try file("notes.txt", count: 9_000, age: 1_000)
        try file("cells3-short.bin", count: 9_000, age: 1_000)
        cache.keep([UInt8](repeating: 1, count: 476), bytesKind, file: "overlay1-00000000000000ff.bin")
        // 4,000 + 500 bytes: the two oldest go (to 2,500), the others and the file just written stay.
        #expect(try names() == ["cells3-0000000000000002.bin", "cells3-0000000000000003.bin",
                                "overlay1-00000000000000ff.bin", "notes.txt", "cells3-short.bin"])
    }

    @Test func aFileReadCountsAsUsed() throws {
        let cache = try cache(limit: 2_100)
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = "cells3-00000000000000aa.bin"
        cache.keep([UInt8](repeating: 2, count: 976), bytesKind, file: old)
        try file("cells3-00000000000000ab.bin", count: 1_000, age: 50)
        #expect(utimensat(AT_FDCWD, folder.appendingPathComponent(old).path,
                          [timespec(tv_sec: time(nil) - 500, tv_nsec: 0), timespec(tv_sec: time(nil) - 500, tv_nsec: 0)],
                          0) == 0)
        #expect(cache.kept(bytesKind, file: old) == [UInt8](repeating: 2, count: 976))
        cache.keep([UInt8](repeating: 3, count: 476), bytesKind, file: "overlay1-00000000000000ac.bin")
        #expect(try names() == [old, "overlay1-00000000000000ac.bin"], "the file read just now outlives one unread")
    }

    @Test func onlyItsOwnNamesAreCacheFiles() {
        for name in ["cells3-bd530a033007a574.bin", "gazetteer-00000042fa81fe16.bin", "overlay1-a10e6631c8e57a33.bin",
                     "cells-34538699ea4f10a9.bin"] {
            #expect(CacheFolder.isCacheFile(name), "\(name)")
        }
        for name in ["notes.txt", "cells3-bd530a033007a57.bin", "cells3-bd530a033007a574.bin.tmp",
                     "Cells3-bd530a033007a574.bin", "-bd530a033007a574.bin", "cells3-bd530a033007a57z.bin",
                     "my cells-bd530a033007a574.bin"] {
            #expect(!CacheFolder.isCacheFile(name), "\(name)")
        }
    }
}
