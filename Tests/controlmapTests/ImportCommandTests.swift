import Foundation
import Testing

/// `controlmap import acled` and `import wikipedia-module` on fixtures written in the sources' formats, against a
/// copy of the bundled scenario with import tables.
@Suite(.serialized) struct ImportCommandTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/controlmapTests/Fixtures")
    static let tables = """

        import:
          acled_actors:
            - {name: "Test Faction A", actor: hts}
            - {name: "Test Army", actor: government}
          wikipedia_icons:
            - {icon: "Test-icon-green.svg", actor: hts}
            - {icon: "Test-icon-red.svg", actor: government}

        """

    /// A scratch folder with a copy of the bundled scenario whose scenario.yaml ends in `tables`.
    func scenario(tables: String = tables) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("scenario")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Scenarios/aleppo-2024"), to: copy)
        let yaml = copy.appendingPathComponent("scenario.yaml")
        try (String(contentsOf: yaml, encoding: .utf8) + tables).write(to: yaml, atomically: true, encoding: .utf8)
        return folder
    }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test func acledTerritoryEventsBecomeClaimsAndTheRestIsCounted() throws {
        let folder = try scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("claims.csv").path
        let result = try CLI.run(["import", "acled", fixture("acled-export.csv"), "--scenario",
                                  folder.appendingPathComponent("scenario").path, "-o", output])
        try #require(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == [
            "date,place,actor,status,source,url,note",
            "2024-11-30,gn-166331,government,control,ACLED TST2 (Test Wire),,"
                + "ACLED TST2: Government regains territory; location Nubul",
            "2024-11-30,gn-170063,hts,control,ACLED TST1 (Test Wire),,"
                + "ACLED TST1: Non-state actor overtakes territory; location Aleppo",
        ])
        #expect(result.stderr.contains("skipped 1 × Armed clash"))
        #expect(result.stderr.contains("skipped 1 × Air/drone strike"))
        #expect(result.stderr.contains("1 × actor \"Unmapped Group\" has no actor"))
        #expect(result.stderr.contains("acled-export.csv:7:178: warning: cannot place \"Nowhereville\""))
    }

    @Test func wikipediaMarksBecomeClaimsCitingTheRevision() throws {
        let folder = try scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("claims.csv").path
        let result = try CLI.run(["import", "wikipedia-module", fixture("detailed-map-module.lua"),
                                  "--date", "2024-11-30", "--title", "Module:Test detailed map", "--revision", "42",
                                  "--scenario", folder.appendingPathComponent("scenario").path, "-o", output])
        try #require(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let source = "\"Wikipedia, Module:Test detailed map, revision 42\","
            + "https://en.wikipedia.org/w/index.php?title=Module:Test_detailed_map&oldid=42"
        #expect(text.contains("2024-11-30,gn-170063,hts,control,\(source),icon Test-icon-green.svg; label Aleppo"))
        #expect(text.contains("2024-11-30,gn-166331,government,control,\(source),icon Test-icon-red.svg; label Nubl"))
        #expect(text.split(separator: "\n").count == 3, "the unknown icon and the unplaced mark give no claim")
        #expect(result.stderr.contains("1 × icon \"Test-icon-purple.svg\" has no actor"))
        #expect(result.stderr.contains("detailed-map-module.lua:12:2: warning: cannot place \"Nowhereville\""))
    }

    @Test(arguments: [
        (["import", "acled", "acled-missing-column.csv"],
         "acled-missing-column.csv:1:1: error: missing column sub_event_type;"),
        (["import", "wikipedia-module", "not-a-module.lua", "--date", "2024-11-30", "--title", "Module:T",
          "--revision", "1"],
         "not-a-module.lua:1:1: error: a Lua data module is made of"),
    ])
    func badInputIsPlacedAndWritesNothing(arguments: [String], message: String) throws {
        let folder = try scenario()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("claims.csv")
        let result = try CLI.run(Array(arguments.prefix(2)) + [fixture(arguments[2])] + arguments.dropFirst(3)
            + ["--scenario", folder.appendingPathComponent("scenario").path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing is written")
    }

    @Test func anIconMappedTwiceIsAnErrorAtItsLine() throws {
        let folder = try scenario(tables: Self.tables + "    - {icon: \"Test-icon-green.svg\", actor: sna}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["import", "wikipedia-module", fixture("detailed-map-module.lua"),
                                  "--date", "2024-11-30", "--title", "Module:T", "--revision", "1",
                                  "--scenario", folder.appendingPathComponent("scenario").path,
                                  "-o", folder.appendingPathComponent("claims.csv").path])
        #expect(result.status == 1)
        let yaml = try String(contentsOf: folder.appendingPathComponent("scenario/scenario.yaml"), encoding: .utf8)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(result.stderr.contains("scenario.yaml:\(line):14: error: icon \"Test-icon-green.svg\" is mapped twice"),
                "\(result.stderr)")
    }
}
