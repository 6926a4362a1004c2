import Foundation
import Testing

/// The merged and checked gazetteer is kept between runs, keyed on its files: a damaged file is rebuilt with a
/// warning, an edited layer is read afresh, and `--no-cache` neither reads nor writes it.
struct GazetteerCacheTests {
    let cacheHome = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-gazetteer-\(UUID())")
    var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome.path] }

    func cacheFiles() throws -> [URL] {
        let folder = cacheHome.appendingPathComponent("controlmap")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("gazetteer-") && $0.hasSuffix(".bin") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: [0.001, 0.3, 0.9])
    func aDamagedCacheIsRebuiltIntoTheSameAnswers(at fraction: Double) throws {
        let query = ["resolve", "Binnish", "حلب", "Kafr Basin", "--format", "json"]
        let reference = try CLI.run(query, environment: environment)
        let file = try #require(try cacheFiles().first)
        var bytes = [UInt8](try Data(contentsOf: file))
        bytes[Int(fraction * Double(bytes.count))] ^= 0x10
        try Data(bytes).write(to: file)
        let rebuilt = try CLI.run(query, environment: environment)
        #expect(rebuilt.stdout == reference.stdout)
        #expect(rebuilt.stderr.contains("warning: the gazetteer cache \(file.path) is damaged"))
        let repaired = try CLI.run(query, environment: environment)
        #expect(repaired.stdout == reference.stdout)
        #expect(!repaired.stderr.contains("damaged"))
    }

    @Test func anEditedLayerIsReadAfresh() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-layers-\(UUID())")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Gazetteer"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["resolve", "Qaryat al-Ikhtibar", "--gazetteer", folder.path]
        #expect(try CLI.run(arguments, environment: environment).status != 0)
        let places = folder.appendingPathComponent("curated/places.csv")
        let row = "cur-test,village,Qaryat al-Ikhtibar,,,36.2,37.1,,Aleppo,,a test row\n"
        try Data((try String(contentsOf: places, encoding: .utf8) + row).utf8).write(to: places)
        let found = try CLI.run(arguments, environment: environment)
        #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
        #expect(found.stdout.contains("cur-test"))
        #expect(try cacheFiles().count == 2, "one file per set of inputs")
    }

    @Test func outlinedPlacesKeepTheirOutlinesThroughTheCache() throws {
        let query = ["snapshot", "--date", "2024-11-30", "--format", "text"]
        let fresh = try CLI.run(query + ["--no-cache"], environment: environment)
        _ = try CLI.run(query, environment: environment)
        #expect(try cacheFiles().count == 1)
        let cached = try CLI.run(query, environment: environment)
        #expect(fresh.status == 0 && cached.status == 0, "\(cached.stderr)")
        #expect(cached.stdout == fresh.stdout, "neighbourhoods measured by their outlines either way")
    }

    @Test func noCacheLeavesTheFolderAlone() throws {
        let result = try CLI.run(["check", "--no-cache"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cacheFiles().isEmpty)
    }
}
