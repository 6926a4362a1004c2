import Foundation
import Testing

/// Every bad-input path names the file, line and column, says what is wrong and how to fix it, and fails.
struct BadInputTests {
    /// A scenario folder with the bundled scenario.yaml and the given claims.
    func scenario(claims: String, yaml: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bundled = CLI.root.appendingPathComponent("Scenarios/aleppo-2024/scenario.yaml")
        try (yaml ?? String(contentsOf: bundled, encoding: .utf8)).write(to: folder.appendingPathComponent("scenario.yaml"),
                                                                         atomically: true, encoding: .utf8)
        try claims.write(to: folder.appendingPathComponent("claims.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    let header = "date,place,actor,status,source,url,note\n"

    @Test(arguments: [
        ("2024-13-01,Idlib,hts,control,Reuters,https://r,n", "claims.csv:2:1: error: \"2024-13-01\" is not a date; write it as YYYY-MM-DD, e.g. 2024-11-30"),
        ("2024-11-30,Idlib,hts,owns,Reuters,https://r,n", "claims.csv:2:22: error: unknown status \"owns\"; use control, contested or withdrawn"),
        ("2024-11-30,Idlib,rebels,control,Reuters,https://r,n", "claims.csv:2:18: error: unknown actor \"rebels\"; scenario.yaml defines government, russia, hts, sna, sdf, sfa, southern"),
        ("2024-11-30,Idlib,hts,control,,https://r,n", "claims.csv:2:30: error: no source; name who reported it (e.g. Reuters, SOHR)"),
        ("2024-11-30,Qwxyzq,hts,control,Reuters,https://r,n", "claims.csv:2:12: error: unknown place \"Qwxyzq\"; add it to the scenario's places.csv"),
        ("2024-11-30,Idlib,hts,control,Reuters", "claims.csv:2:1: error: this row has 5 fields but the header has 7; quote fields that contain commas"),
    ])
    func badClaimRowIsReportedWithItsPosition(row: String, message: String) throws {
        let folder = try scenario(claims: header + row + "\n")
        let result = try CLI.run(["check", "--scenario", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }

    @Test func anUnknownCoversValueIsReportedWithItsPosition() throws {
        let claims = "date,place,actor,status,source,url,note,covers\n"
            + "2024-11-30,Aleppo,hts,control,Reuters,https://r,n,everything\n"
        let result = try CLI.run(["check", "--scenario", try scenario(claims: claims).path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("claims.csv:2:51: error: unknown covers \"everything\"; leave it empty, or "
            + "write all when the claim holds for every place inside, enclaves of other sides included"),
                "stderr was: \(result.stderr)")
    }

    @Test func everyProblemOfAFileIsListedInOnePass() throws {
        let rows = ["2024-13-01,Idlib,hts,control,Reuters,https://r,n", "2024-11-30,Idlib,hts,owns,Reuters,https://r,n",
                    "2024-11-30,Idlib,rebels,control,Reuters,https://r,n"]
        let folder = try scenario(claims: header + rows.joined(separator: "\n") + "\n")
        let result = try CLI.run(["render", "--scenario", folder.path])
        #expect(result.status != 0)
        for line in 2...4 { #expect(result.stderr.contains("claims.csv:\(line):"), "line \(line) is reported") }
        #expect(!FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent("Output/\(folder.lastPathComponent)-2024-11-30-northwest-en.png").path))
    }

    @Test func spreadsheetExportsWithBOMAndCRLFAndQuotedFieldsAreRead() throws {
        let claims = "\u{FEFF}" + header.replacingOccurrences(of: "\n", with: "\r\n")
            + "2024-11-30,Idlib,hts,control,\"Reuters, London\",https://r,\"a note, with a comma\r\nand a line\"\r\n"
        let folder = try scenario(claims: claims)
        let result = try CLI.run(["snapshot", "--scenario", folder.path, "--format", "text"])
        #expect(result.status == 0, "stderr was: \(result.stderr)")
    }

    @Test func badColourInScenarioYamlIsReported() throws {
        let bundled = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/aleppo-2024/scenario.yaml"),
                                 encoding: .utf8)
        let folder = try scenario(claims: header, yaml: bundled.replacingOccurrences(of: "\"#d20841\"", with: "reddish"))
        let result = try CLI.run(["check", "--scenario", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("scenario.yaml:"))
        #expect(result.stderr.contains("error: \"reddish\" is not a colour; write it as #rrggbb, e.g. #d7301f"))
    }

    @Test func malformedYamlPointsAtTheLine() throws {
        let folder = try scenario(claims: header, yaml: "title:\n  en: \"x\n  ar: y\nactors: [\n")
        let result = try CLI.run(["check", "--scenario", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("scenario.yaml:") && result.stderr.contains("error: malformed YAML"))
    }

    @Test func unknownViewListsTheViews() throws {
        let result = try CLI.run(["render", "--view", "moon"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown view \"moon\"; the views are syria, northwest, aleppo-city"))
    }

    @Test func dateBeforeTheFirstClaimIsRefused() throws {
        let result = try CLI.run(["render", "--date", "2020-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("2020-01-01 is before the first claim (2024-11-26)"))
    }

    @Test func unwritableOutputPathIsReportedAndLeavesNothing() throws {
        let result = try CLI.run(["render", "-o", "/proc/controlmap/map.png"])
        #expect(result.status == 2, "a runtime failure, not a usage error")
        #expect(result.stderr == "error: cannot create the folder /proc/controlmap for /proc/controlmap/map.png; "
            + "check that its parent exists and is writable, or choose another -o path\n")
    }

    @Test(arguments: [["render", "--lang", "fr"], ["render", "--format", "gif"]])
    func unknownLanguageOrFormatIsRefused(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        let option = arguments[1].dropFirst(2)
        #expect(result.stderr.contains("Error: The value '\(arguments[2])' is invalid for '--\(option) <\(option)>'. Please provide one of"))
    }
}
