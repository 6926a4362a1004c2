import Foundation
import Testing

/// `check` and every command run one validation: what `check` rejects, `render` refuses, and every file's problems
/// are listed in one pass.
struct ValidationTests {
    /// A copy of the bundled scenario with `edit` applied to its files.
    func scenario(_ edit: (URL) throws -> Void) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Scenarios/aleppo-2024"), to: folder)
        try edit(folder)
        return folder
    }

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func append(_ line: String, to file: URL) throws {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        try (text + line + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// The 1-based number of the first line of `file` that contains `text`.
    func line(of text: String, in file: URL) throws -> Int {
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    /// A page the bundled `sources.csv` lists, for claims that should pass.
    var listedURL: String {
        get throws {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/aleppo-2024/sources.csv"),
                                  encoding: .utf8)
            return try #require(text.components(separatedBy: "\n").dropFirst().first?.components(separatedBy: ",").first)
        }
    }

    /// Adds a `places.csv` with one row, and a claim.
    func addPlace(_ row: String, claim: String, in folder: URL) throws {
        let places = folder.appendingPathComponent("places.csv")
        try append("id,kind,name_en,name_ar,alt_names,lat,lon,parent,admin1,population,source", to: places)
        try append(row, to: places)
        try append(claim, to: folder.appendingPathComponent("claims.csv"))
    }

    /// The results of `check` and of `render` on `folder`.
    func checkAndRender(_ folder: URL) throws -> [(command: String, result: CLI.Result)] {
        try [["check"], ["render", "-o", "/tmp/controlmap-\(UUID().uuidString).png"]].map { arguments in
            (arguments[0], try CLI.run(arguments + ["--scenario", folder.path]))
        }
    }

    @Test func everyFilesProblemsAreListedEvenWithABadPlacesRow() throws {
        let folder = try scenario { folder in
            try addPlace("x-bad,town,Bad,,,abc,37,,,,https://example.org",
                         claim: "2024-11-30,Idlib,rebels,control,Reuters,https://r,n", in: folder)
            try replace("\"#d20841\"", with: "\"#ｃ８１０２ｅ\"", in: folder.appendingPathComponent("scenario.yaml"))
        }
        let claimLine = try line(of: ",rebels,", in: folder.appendingPathComponent("claims.csv"))
        let colourLine = try line(of: "#ｃ８１０２ｅ", in: folder.appendingPathComponent("scenario.yaml"))
        for (command, result) in try checkAndRender(folder) {
            #expect(result.status == 1, "\(command) exits with 1")
            #expect(result.stderr.contains("places.csv:2:18: error: latitude \"abc\""), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("claims.csv:\(claimLine):18: error: unknown actor \"rebels\""), "\(command)")
            #expect(result.stderr.contains("scenario.yaml:\(colourLine):13: error: \"#ｃ８１０２ｅ\" is not a colour"),
                    "\(command)")
        }
    }

    @Test func aPlaceAtThePoleIsRefusedByCheckAndRender() throws {
        let folder = try scenario { folder in
            try addPlace("x-pole,town,Pole,,,90,37,,,,https://example.org",
                         claim: "2024-11-30,x-pole,hts,control,Reuters,https://r,n", in: folder)
        }
        for (command, result) in try checkAndRender(folder) {
            #expect(result.status == 1)
            #expect(result.stderr.contains("places.csv:2:1: error: \"x-pole\" at 37.0000,90.0000 lies outside the country"),
                    "\(command): \(result.stderr)")
        }
    }

    @Test func unknownDefaultViewIsFoundByCheckWithASuggestion() throws {
        let folder = try scenario { folder in
            try replace("default_view: northwest", with: "default_view: north", in: folder.appendingPathComponent("scenario.yaml"))
        }
        let result = try CLI.run(["check", "--scenario", folder.path])
        let viewLine = try line(of: "default_view:", in: folder.appendingPathComponent("scenario.yaml"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("scenario.yaml:\(viewLine):1: error: default_view \"north\" names no view; did you mean "
            + "northwest? the views are syria, northwest, aleppo-city"), "\(result.stderr)")
    }

    @Test func viewBeyondWhatAProjectionShowsIsFoundByCheck() throws {
        let folder = try scenario { folder in
            try replace("radius_km: 9", with: "radius_km: 70000", in: folder.appendingPathComponent("scenario.yaml"))
        }
        let result = try CLI.run(["check", "--scenario", folder.path])
        let centreLine = try line(of: "centre: [37.165", in: folder.appendingPathComponent("scenario.yaml"))
        #expect(result.status == 1)
        #expect(result.stderr.contains("scenario.yaml:\(centreLine):13: error: the view spans"), "\(result.stderr)")
    }

    /// The country is read before the rest of the basemap, which is read beside the gazetteer: a damaged basemap
    /// file and a missing country file are still reported, before the gazetteer's problems.
    @Test(arguments: ["neighbours", "syria"])
    func aBrokenBasemapFileIsReportedBeforeTheGazetteersProblems(file: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gazetteer = folder.appendingPathComponent("Gazetteer")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Gazetteer"), to: gazetteer)
        let basemapFile = gazetteer.appendingPathComponent("basemap/\(file).geojson")
        let expected: String
        if file == "syria" {
            try FileManager.default.removeItem(at: basemapFile)
            expected = "syria.geojson:1:1: error: file not found; regenerate the basemap"
        } else {
            try "{\"type\":\"FeatureCollection\",\"features\":[\n".write(to: basemapFile, atomically: true, encoding: .utf8)
            expected = "neighbours.geojson:2:1: error: not valid JSON (unexpected end of the file)"
        }
        let places = gazetteer.appendingPathComponent("curated/places.csv")
        try append("x-bad,town,Bad,,,abc,37,,,,https://example.org", to: places)
        let badLine = try line(of: "x-bad,", in: places)
        let environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        for arguments in [["check"], ["render", "-o", folder.appendingPathComponent("map.png").path]] {
            let result = try CLI.run(arguments + ["--gazetteer", gazetteer.path], environment: environment)
            #expect(result.status == 1, "\(arguments[0]) exits with 1")
            let basemapError = try #require(result.stderr.range(of: expected), "\(arguments[0]): \(result.stderr)")
            let placesError = try #require(result.stderr.range(of: "places.csv:\(badLine):18: error: latitude \"abc\""),
                                           "\(arguments[0]): \(result.stderr)")
            #expect(basemapError.lowerBound < placesError.lowerBound, "the basemap's problem comes first")
        }
    }

    @Test func viewNamesAndActorIDsIgnoreCase() throws {
        let folder = try scenario { folder in
            try append("2024-11-30,Idlib,HTS,control,Reuters,\(try listedURL),n",
                       to: folder.appendingPathComponent("claims.csv"))
        }
        #expect(try CLI.run(["check", "--scenario", folder.path]).status == 0)
        let result = try CLI.run(["render", "--view", "NorthWest", "--scenario", folder.path, "-o", "/tmp/controlmap-case.svg"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
