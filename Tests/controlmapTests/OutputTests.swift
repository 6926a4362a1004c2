import Foundation
import Testing

/// Outputs are written whole through a temporary file, follow links, refuse what is not a file, and `-` is stdout.
struct OutputTests {
    let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-out-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let target = folder.appendingPathComponent("real.geojson")
        try Data().write(to: target)
        let link = folder.appendingPathComponent("link.geojson")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.geojson")
        let result = try CLI.run(["snapshot", "-o", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.geojson")
        #expect(try Data(contentsOf: target).starts(with: Data("{\"type\":\"FeatureCollection\"".utf8)))
        #expect(contents() == ["link.geojson", "real.geojson"], "no temporary file is left")
    }

    @Test func aFIFOOrAFolderIsRefusedWithExitStatus2() throws {
        let fifo = folder.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let refusedFIFO = try CLI.run(["snapshot", "-o", fifo.path])
        #expect(refusedFIFO.status == 2)
        #expect(refusedFIFO.stderr.contains("is a device, FIFO or socket, not a file; give a file path, or - to write"))
        let refusedFolder = try CLI.run(["snapshot", "-o", folder.path])
        #expect(refusedFolder.status == 2)
        #expect(refusedFolder.stderr.contains("\(folder.path) is a folder; give a file name inside it"))
    }

    @Test(arguments: [["snapshot", "-o", "-"], ["render", "--format", "svg", "-o", "-"], ["diff", "--geojson", "-"]])
    func dashWritesToStdout(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\"type\":\"FeatureCollection\"") || result.stdout.hasPrefix("<?xml"))
        #expect(!FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("-").path))
    }

    @Test func staleTemporaryFilesOfKilledRunsAreRemovedAndLiveOnesKept() throws {
        let stale = folder.appendingPathComponent(".map.geojson.\(UUID().uuidString).tmp")
        let live = folder.appendingPathComponent(".map.geojson.\(UUID().uuidString).tmp")
        for file in [stale, live] {
            try Data("partial".utf8).write(to: file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)],
                                                  ofItemAtPath: file.path)
        }
        let descriptor = open(live.path, O_RDONLY)
        #expect(flock(descriptor, LOCK_EX) == 0, "this test holds the live file's lock, as a running write does")
        defer { close(descriptor) }
        let result = try CLI.run(["snapshot", "-o", folder.appendingPathComponent("map.geojson").path])
        #expect(result.status == 0)
        #expect(contents() == [live.lastPathComponent, "map.geojson"])
    }

    @Test func versionIsPrinted() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test(arguments: [(["diff", "--format", "geojson"], "Please provide one of 'text' and 'json'"),
                      (["resolve", "--format", "geojson", "Idlib"], "Please provide one of 'text' and 'json'")])
    func formatsThatACommandDoesNotWriteAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }
}
