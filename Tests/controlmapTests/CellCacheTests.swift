import Foundation
import Testing

/// A damaged cell or planar-map cache is noticed, rebuilt with a warning, and never changes the map.
struct CellCacheTests {
    /// Each cache a date's map reads: its files' prefix and the name its warnings give it.
    static let kinds = [(prefix: "cells3-", name: "cell"), (prefix: "overlay1-", name: "overlay")]

    /// Each test case its own cache, so cases running at once do not damage each other's.
    let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-cache-\(UUID())")

    func snapshot() throws -> CLI.Result {
        try CLI.run(["snapshot", "--date", "2024-11-30"], environment: ["XDG_CACHE_HOME": cacheHome.path])
    }

    func cacheFile(_ prefix: String) throws -> URL {
        let folder = cacheHome.appendingPathComponent("controlmap")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix(prefix) && $0.hasSuffix(".bin") })
        return folder.appendingPathComponent(name)
    }

    /// Byte offsets as fractions of the file: the header's magic, length and checksum, the contents, the last byte.
    @Test(arguments: kinds.indices, [0.0, 0.06, 0.2, 0.25, 0.5, 0.77, 1.0])
    func aFlippedBitIsRebuiltIntoTheSameMap(kind: Int, at fraction: Double) throws {
        let reference = try snapshot()
        #expect(reference.status == 0)
        let file = try cacheFile(Self.kinds[kind].prefix)
        var bytes = [UInt8](try Data(contentsOf: file))
        let offset = fraction < 0.1 ? Int(fraction * 400) : min(bytes.count - 1, Int(fraction * Double(bytes.count)))
        bytes[offset] ^= 0x04
        try Data(bytes).write(to: file)
        let rebuilt = try snapshot()
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout == reference.stdout, "the map is the same after the damage at byte \(offset)")
        #expect(rebuilt.stderr.contains("warning: the \(Self.kinds[kind].name) cache \(file.path) is damaged"))
        let repaired = try snapshot()
        #expect(repaired.stdout == reference.stdout)
        #expect(!repaired.stderr.contains("damaged"), "the rebuilt file is used without a warning")
    }

    @Test(arguments: kinds.indices)
    func aTruncatedCacheIsRebuilt(kind: Int) throws {
        let reference = try snapshot()
        let file = try cacheFile(Self.kinds[kind].prefix)
        let bytes = try Data(contentsOf: file)
        try bytes.prefix(bytes.count / 2).write(to: file)
        let rebuilt = try snapshot()
        #expect(rebuilt.stdout == reference.stdout)
        #expect(rebuilt.stderr.contains("damaged"))
    }
}
