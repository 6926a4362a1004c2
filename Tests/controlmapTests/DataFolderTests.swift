import Foundation
import Testing

/// The gazetteer and the bundled scenario are found from any working folder.
struct DataFolderTests {
    @Test func checkRunsFromAnotherFolder() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let result = try CLI.run(["check"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Scenarios/aleppo-2024 have no problems\n"))
    }

    @Test func controlmapDataOverridesTheExecutablesFolder() throws {
        let result = try CLI.run(["check"], environment: ["CONTROLMAP_DATA": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/Gazetteer:1:1: error: no place files"))
    }
}
