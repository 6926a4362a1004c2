import Foundation
import Gazetteer
import Testing

/// Broken or hostile files get a located message, never a trap, a hang or gigabytes of memory.
struct HostileInputTests {
    @Test(arguments: [
        ("date,place,actor,status,source,url,url\n", "t.csv:1:36: error: column \"url\" is named twice (first at column 32)"),
        ("id,kind,name_en,lat,lat,lon\n", "t.csv:1:21: error: column \"lat\" is named twice (first at column 17)"),
    ])
    func duplicateHeaderColumnIsALocatedError(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try CSVTable(text: text, file: "t.csv") }
        #expect(error.description.hasPrefix(message), "got \(error)")
    }

    @Test func overlongFieldNamesTheLimitAndHowToRaiseIt() throws {
        var limits = InputLimits()
        limits.fieldCharacters = 5
        let error = try #require(throws: InputError.self) {
            try CSVTable(text: "a,b\nshort,longer than five\n", file: "t.csv", limits: limits)
        }
        #expect(error.description == "t.csv:2:7: error: this field has more than 5 characters (the limit); "
            + "shorten it, or raise the limit with CONTROLMAP_LIMIT_FIELD_CHARACTERS=N")
    }

    @Test func rowsPastTheLimitAreRefusedAtTheFirstRowTooMany() throws {
        var limits = InputLimits()
        limits.rows = 2
        let error = try #require(throws: InputError.self) {
            try CSVTable(text: "a\n1\n2\n3\n", file: "t.csv", limits: limits)
        }
        #expect(error.description.hasPrefix("t.csv:4:1: error: the file has more than 2 rows (the limit)"))
    }

    @Test func limitsAreRaisedFromTheEnvironment() {
        let limits = InputLimits(environment: ["CONTROLMAP_LIMIT_ROWS": "7", "CONTROLMAP_LIMIT_FEATURES": "x"])
        #expect(limits.rows == 7)
        #expect(limits.features == InputLimits().features, "a value that is not a number keeps the default")
    }

    @Test func invalidUTF8IsLocatedAtItsByte() throws {
        let data = Data("a,b\nok,b".utf8) + Data([0xFF]) + Data("c\n".utf8)
        let error = try #require(throws: InputError.self) { try InputText.decode(data, file: "t.csv") }
        #expect(error.description.hasPrefix("t.csv:2:5: error: byte 9 is not UTF-8"), "got \(error)")
    }

    @Test(arguments: [
        ("{\"type\": \"FeatureCollection\",\n \"features\": [,]}", "g.json:2:15: error: not valid JSON"),
        ("{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\", \"geometry\": 1e999}]}",
         "g.json:2:35: error: not valid JSON"),
    ])
    func invalidJSONIsLocatedWhereTheParserStopped(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) {
            try GeoJSONReader.features(from: Data(text.utf8), file: "g.json")
        }
        #expect(error.description.hasPrefix(message), "got \(error)")
    }

    static func collection(_ features: [String]) -> Data {
        Data(("{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "]}").utf8)
    }

    static func square(lat: Double = 36) -> String {
        "{\"type\": \"Feature\", \"properties\": {\"name\": \"Feature\"}, \"geometry\": {\"type\": \"Polygon\", "
            + "\"coordinates\": [[[37, \(lat)], [37.1, \(lat)], [37.1, \(lat + 0.1)], [37, \(lat)]]]}}"
    }

    @Test func featureProblemsPointAtTheirOwnFeature() throws {
        let data = Self.collection([Self.square(), Self.square(lat: 95), Self.square()])
        let error = try #require(throws: InputError.self) { try GeoJSONReader.features(from: data, file: "g.json") }
        #expect(error.description.hasPrefix("g.json:3:1: error: feature 2: position 1 [37.0, 95.0] is outside the world"),
                "got \(error)")
    }

    @Test func positionsPastTheLimitAreRefusedWithTheLimitNamed() throws {
        var limits = InputLimits()
        limits.verticesPerFeature = 3
        let error = try #require(throws: InputError.self) {
            try GeoJSONReader.features(from: Self.collection([Self.square()]), file: "g.json", limits: limits)
        }
        #expect(error.description.contains("more than 3 positions (the limit)"))
        #expect(error.description.contains("CONTROLMAP_LIMIT_VERTICES_PER_FEATURE=N"))
    }

    @Test func twoThousandFeaturesAreReadEachWithItsLine() throws {
        let data = Self.collection(Array(repeating: Self.square(), count: 2_000))
        let features = try GeoJSONReader.features(from: data, file: "g.json")
        #expect(features.count == 2_000)
        #expect(features[1_999].location.line == 2_001)
    }
}
