import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

/// Edits of the scenario folder are served once they load; an edit that does not load keeps the last good version
/// served and its problems reported.
@Suite struct ReloadTests {
    /// A copy of the bundled scenario folder that a test may edit.
    func scenarioCopy() throws -> InputPaths {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-serve-\(UUID())")
        try FileManager.default.copyItem(at: ServerFixture.bundled.scenarioURL, to: folder)
        return InputPaths(scenarioURL: folder, gazetteerURL: ServerFixture.bundled.gazetteerURL)
    }

    @Test func anEditIsServedAndABrokenOneKeepsTheLastGoodVersion() async throws {
        let inputs = try scenarioCopy()
        defer { try? FileManager.default.removeItem(at: inputs.scenarioURL) }
        let server = try ServerFixture.server(inputs: inputs)
        let claims = inputs.scenarioURL.appendingPathComponent("claims.csv")
        let original = try String(contentsOf: claims, encoding: .utf8)
        try await ServerFixture.withClient(server) { client in
            let dates = { try await client.execute(uri: "/scenario.json", method: .get).json["dates"] as? [String] }
            #expect(try await dates()?.last == "2024-12-08")

            let lastRow = try #require(original.split(separator: "\n").last)
            try (original + lastRow.replacingOccurrences(of: "2024-12-08", with: "2024-12-09") + "\n")
                .write(to: claims, atomically: true, encoding: .utf8)
            await server.reload()
            #expect(try await dates()?.last == "2024-12-09")
            let edited = try await client.execute(uri: "/health", method: .get).json
            #expect(edited["status"] as? String == "ok")

            try (original + "2024-12-10,Nowhereville,hts,control,X,https://example.org,\n")
                .write(to: claims, atomically: true, encoding: .utf8)
            await server.reload()
            let broken = try await client.execute(uri: "/health", method: .get).json
            #expect(broken["status"] as? String == "stale")
            #expect(broken["generation"] as? Int == edited["generation"] as? Int)
            let problems = broken["problems"] as? [String] ?? []
            #expect(problems.contains { $0.contains("claims.csv") && $0.contains("Nowhereville") }, "\(problems)")
            #expect(try await dates()?.last == "2024-12-09", "the last good version is no longer served")
            #expect(try await client.execute(uri: "/map.png?width=200", method: .get).status == .ok)

            try original.write(to: claims, atomically: true, encoding: .utf8)
            await server.reload()
            let fixed = try await client.execute(uri: "/health", method: .get).json
            #expect(fixed["status"] as? String == "ok")
            #expect((fixed["problems"] as? [String])?.isEmpty == true)
            #expect(try await dates()?.last == "2024-12-08")
        }
    }

    @Test(.enabled(if: ServerFixture.localhostResolves, "the live test client connects to \"localhost\""))
    func theWatcherReloadsAnEditedFolder() async throws {
        let inputs = try scenarioCopy()
        defer { try? FileManager.default.removeItem(at: inputs.scenarioURL) }
        let server = try ServerFixture.server(inputs: inputs)
        let app = server.application()
        let claims = inputs.scenarioURL.appendingPathComponent("claims.csv")
        try await app.test(.live) { client in
            let before = try await client.execute(uri: "/health", method: .get).json["generation"] as? Int
            try (try String(contentsOf: claims, encoding: .utf8) + "\n").write(to: claims, atomically: true,
                                                                                 encoding: .utf8)
            var generation = before
            for _ in 0..<1500 where generation == before {
                try await Task.sleep(for: .milliseconds(200))
                generation = try await client.execute(uri: "/health", method: .get).json["generation"] as? Int
            }
            #expect(generation != before, "the edit was not picked up")
        }
    }
}
