import Foundation
import Testing

/// `CONTROLMAP_CACHE_MB` bounds the cache folder; a limit that is not a number is reported and the default kept.
struct CacheLimitCLITests {
    let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-cache-\(UUID())")
    var folder: URL { cacheHome.appendingPathComponent("controlmap") }

    @Test func filesUsedLongAgoMakeWayUnderTheLimit() throws {
        defer { try? FileManager.default.removeItem(at: cacheHome) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stale = folder.appendingPathComponent("cells3-0123456789abcdef.bin")
        let notes = folder.appendingPathComponent("notes.txt")
        try Data(count: 3 << 20).write(to: stale)
        try Data(count: 3 << 20).write(to: notes)
        let long = timespec(tv_sec: time(nil) - 86_400, tv_nsec: 0)
        #expect(utimensat(AT_FDCWD, stale.path, [long, long], 0) == 0)
        let result = try CLI.run(["snapshot", "--date", "2024-11-30"],
                                 environment: ["XDG_CACHE_HOME": cacheHome.path, "CONTROLMAP_CACHE_MB": "8"])
        #expect(result.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path), "the stale file went")
        #expect(FileManager.default.fileExists(atPath: notes.path), "a file not the cache's own stays")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(kept.contains { $0.hasPrefix("gazetteer-") } && kept.contains { $0.hasPrefix("cells3-") })
    }

    @Test func aLimitThatIsNotANumberIsReported() throws {
        defer { try? FileManager.default.removeItem(at: cacheHome) }
        let result = try CLI.run(["snapshot", "--date", "2024-11-30"],
                                 environment: ["XDG_CACHE_HOME": cacheHome.path, "CONTROLMAP_CACHE_MB": "lots"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: CONTROLMAP_CACHE_MB=lots is not a number of megabytes from 1 up"))
    }
}
