import Foundation
import Geometry
import Testing
@testable import Gazetteer

private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
private let ochaFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/ocha")
private let hasOCHAData = FileManager.default.fileExists(
    atPath: ochaFolder.appendingPathComponent("syr_admin1.geojson").path)

struct GeoNamesDumpTests {
    let places: [Place]

    init() throws {
        let url = testsFolder.appendingPathComponent("Fixtures/SY-sample.txt")
        places = try GeoNamesImport.places(dump: String(contentsOf: url, encoding: .utf8), file: "SY-sample.txt",
                                           country: "SY")
    }

    private func place(_ id: String) -> Place? {
        places.first { $0.id == id }
    }

    @Test(arguments: [
        ("gn-170063", PlaceKind.city), ("gn-169304", .city), ("gn-163345", .town), ("gn-170990", .village),
        ("gn-7870411", .neighbourhood), ("gn-6300794", .airport), ("gn-6943120", .airbase),
        ("gn-11612345", .base), ("gn-7732345", .landmark), ("gn-12012345", .prison),
    ])
    func featureClassAndCodeGiveTheKind(id: String, kind: PlaceKind) {
        #expect(place(id)?.kind == kind, "\(id) should be a \(kind), is \(String(describing: place(id)?.kind))")
    }

    @Test func regionsRiversHotelsCountriesAndOtherCountriesAreLeftOut() {
        #expect(places.count == 10, "kept: \(places.map(\.nameEn))")
        for name in ["Syria", "Jabal Sim‘ān", "Nahr Quwayq", "Sheraton Aleppo", "Kilis"] {
            #expect(!places.contains { $0.nameEn == name }, "\(name) should be skipped")
        }
    }

    @Test func alternateNamesSplitIntoArabicAndLatinSpellings() throws {
        let aleppo = try #require(place("gn-170063"))
        #expect(aleppo.nameAr == "حلب", "Arabic name: \(aleppo.nameAr)")
        #expect(aleppo.altNames == ["Alep", "Halab", "Ḩalab"],
                "the name itself, Cyrillic, the code ALP and the romanisation hlb are dropped: \(aleppo.altNames)")
        let idlib = try #require(place("gn-169304"))
        #expect(idlib.nameAr == "إدلب" && idlib.altNames == ["Edlib", "Idleb", "ادلب"], "\(idlib.allNames)")
    }

    @Test func arabicNameIsTheSpellingThatSoundsLikeTheName() throws {
        let village = try #require(place("gn-170990"))
        #expect(village.nameAr == "كفر نايا", "not the former name تل عمار listed first: \(village.nameAr)")
        #expect(village.altNames == ["Tall ʿAmmār", "تل عمار"], "\(village.altNames)")
    }

    /// Spelling lists from GeoNames where the first Arabic alternate is not the name in use.
    @Test(arguments: [
        ("Ţarţūs", ["ترطوس", "طرطوس"], "طرطوس"), ("Al Qāmishlī", ["القامشلو", "القامشلي", "قامشلی"], "القامشلي"),
        ("Latakia", ["لاذقیہ", "اللاذقية", "لاذقية"], "اللاذقية"), ("Aḑ Ḑumayr", ["ضمير", "الضمير"], "الضمير"),
    ])
    func arabicNameMatchesTheLatinSpelling(name: String, alternates: [String], expected: String) {
        let arabic = GeoNamesImport.splitNames(name, alternates).arabic
        #expect(arabic == expected, "\(name): \(arabic), expected \(expected)")
    }

    @Test func populationIsKeptAndZeroOrEmptyMeansUnknown() {
        #expect(place("gn-170063")?.population == 2_098_210, "Aleppo's population")
        #expect(place("gn-163345")?.population == 32_000, "Saraqib's population")
        #expect(place("gn-170990")?.population == nil, "0 means unknown")
        #expect(place("gn-11612345")?.population == nil, "an empty population means unknown")
    }

    @Test func positionIdAndSourceComeFromTheRow() throws {
        let airport = try #require(place("gn-6300794"))
        #expect(airport.lonLat == LonLat(37.22444, 36.18067), "longitude is column 6, latitude column 5")
        #expect(airport.source == "GeoNames 6300794", "source names the GeoNames id: \(airport.source)")
        #expect(airport.admin1.isEmpty, "governorates are assigned separately")
    }

    @Test func malformedRowsAreAllReportedWithFileLineAndColumn() {
        let good = "1\tA\tA\t\t36.2\t37.1\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2024-01-01"
        let text = [
            good,
            "2\tB\tB\t\t3x.2\t37.1\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2024-01-01",
            "3\tC\tC\t36.2\t37.1\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t400\tAsia/Damascus\t2024-01-01",
            "4\tD\tD\t\t36.2\t37.1\tP\tPPL\tSY\t\t09\t\t\t\t12k\t\t400\tAsia/Damascus\t2024-01-01",
        ].joined(separator: "\r\n")
        #expect {
            try GeoNamesImport.places(dump: text, file: "SY.txt", country: "SY")
        } throws: { error in
            let messages = (error as? InputError)?.problems.map(\.description) ?? []
            return messages.count == 3
                && messages[0].hasPrefix("SY.txt:2:8: error: latitude \"3x.2\" is not a number")
                && messages[1].hasPrefix("SY.txt:3:1: error: this row has 18 tab-separated fields")
                && messages[2].hasPrefix("SY.txt:4:34: error: population \"12k\" is not a whole number")
        }
    }
}

struct GeoNamesCitiesTests {
    static let json = """
        {"170063": {"geonameid": 170063, "name": "Aleppo", "latitude": 36.20124, "longitude": 37.16117,
          "countrycode": "SY", "population": 2098210, "timezone": "Asia/Damascus", "admin1code": "09",
          "alternatenames": ["Alep", "Aleppo", "hlb", "Алеппо", "حلب"]},
         "2960": {"geonameid": 2960, "name": "Ayn Halaqim", "latitude": 34.93998, "longitude": 36.32212,
          "countrycode": "SY", "population": 0, "timezone": "Asia/Damascus", "admin1code": "10",
          "alternatenames": ["Ajn-Khalakim", "Ayn Halaqim", "Айн-Халаким", "عين حلاقيم"]},
         "298117": {"geonameid": 298117, "name": "Kilis", "latitude": 36.71611, "longitude": 37.115,
          "countrycode": "TR", "population": 82301, "timezone": "Europe/Istanbul", "admin1code": "79",
          "alternatenames": ["Kilis", "كلس"]}}
        """

    @Test func keepsTheCountrysRowsSortedById() throws {
        let places = try GeoNamesImport.places(cities500JSON: Data(Self.json.utf8), country: "SY")
        #expect(places.map(\.id) == ["gn-2960", "gn-170063"], "Kilis is in Turkey: \(places.map(\.id))")
        let village = try #require(places.first)
        #expect(village.kind == .village && village.population == nil, "population 0 means an unknown village")
        #expect(village.nameAr == "عين حلاقيم" && village.altNames == ["Ajn-Khalakim"], "\(village.allNames)")
        let aleppo = try #require(places.last)
        #expect(aleppo.kind == .city && aleppo.population == 2_098_210, "Aleppo is a city of 2 million")
        #expect(aleppo.nameAr == "حلب" && aleppo.altNames == ["Alep"], "\(aleppo.allNames)")
        #expect(aleppo.source == "GeoNames 170063" && aleppo.lonLat == LonLat(37.16117, 36.20124), "\(aleppo)")
    }

    @Test func invalidJSONPointsAtTheError() {
        #expect {
            try GeoNamesImport.places(cities500JSON: Data("{\n  \"1\": {,}\n}".utf8), country: "SY")
        } throws: { error in
            let description = (error as? InputError)?.description ?? ""
            return description.hasPrefix("cities500.json:") && description.contains("not valid JSON")
        }
    }
}

@Suite(.enabled(if: hasOCHAData, "OCHA data not found in ../shared/data/ocha beside the repository"))
struct OCHAImportTests {
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: ochaFolder.appendingPathComponent(name))
    }

    @Test func readsFourteenGovernoratesWithTheirAreas() throws {
        let governorates = try OCHAImport.governorates(geojson: Self.data("syr_admin1.geojson"), file: "syr_admin1")
        #expect(governorates.count == 14, "Syria has 14 governorates, got \(governorates.count)")
        let aleppo = try #require(governorates.first { $0.pcode == "SY02" })
        #expect(aleppo.nameEn == "Aleppo" && aleppo.nameAr == "حلب", "\(aleppo.nameEn) \(aleppo.nameAr)")
        let feature = try GeoJSONReader.features(from: Self.data("syr_admin1.geojson"), file: "syr_admin1")
            .first { $0.properties["ADM1_PCODE"] == "SY02" }
        let stated = try #require(feature?.properties["area_sqkm"].flatMap(Double.init))
        let measured = Geodesic.areaKm2(aleppo.area)
        #expect(abs(measured - stated) / stated < 0.01, "measured \(measured) km², OCHA states \(stated) km²")
    }

    @Test func readsAleppoNeighbourhoodsWithTheirOutlines() throws {
        let json = try Self.data("aleppo_neighbourhoods.json")
        let places = try OCHAImport.neighbourhoods(json: json, file: "aleppo_neighbourhoods.json", parent: "aleppo")
        #expect(places.count == 109, "109 neighbourhoods, got \(places.count)")
        let sheikhMaqsoud = try #require(places.first { $0.id == "ocha-n0123" })
        #expect(sheikhMaqsoud.nameEn.hasSuffix("Sheikh Maqsoud") && sheikhMaqsoud.nameAr == "الشيخ مقصود",
                "\(sheikhMaqsoud.nameEn) \(sheikhMaqsoud.nameAr)")
        #expect(sheikhMaqsoud.kind == .neighbourhood && sheikhMaqsoud.parent == "aleppo", "a neighbourhood of Aleppo")
        #expect(sheikhMaqsoud.source == "OCHA city_neighbourhoods N0123", "\(sheikhMaqsoud.source)")
        let boundaries = try OCHAImport.neighbourhoodBoundaries(json: json, file: "aleppo_neighbourhoods.json")
        #expect(boundaries.count == 109, "one outline per neighbourhood")
        let outline = try #require(boundaries["N0123"])
        #expect(try outline.contains(sheikhMaqsoud.lonLat), "the centre of Sheikh Maqsoud lies in its outline")
    }

    @Test(arguments: [
        ("Aleppo", LonLat(37.16, 36.20), "Aleppo"), ("Idlib", LonLat(36.6339, 35.9306), "Idleb"),
        ("3 km off Latakia", LonLat(35.74, 35.52), "Lattakia"), ("6 km off Latakia", LonLat(35.70, 35.52), ""),
    ])
    func placesTakeTheGovernorateTheyLieIn(name: String, position: LonLat, expected: String) throws {
        let governorates = try OCHAImport.governorates(geojson: Self.data("syr_admin1.geojson"), file: "syr_admin1")
        let place = Place(id: "p", kind: .city, nameEn: name, lonLat: position, source: "test")
        let assigned = GeoNamesImport.assignGovernorates([place], governorates: governorates)
        #expect(assigned.first?.admin1 == expected, "\(name) lies in \(expected.isEmpty ? "none" : expected)")
    }
}

struct OCHAInputErrorTests {
    @Test func neighbourhoodWithoutCentreIsReportedAtItsRecord() {
        let json = """
            {"items": [
              {"pCode": "N0001", "nameEnglish": "One", "centerLatitude": 36.2, "centerLongitude": 37.1},
              {"pCode": "N0002", "nameEnglish": "Two", "centerLatitude": "north"}
            ]}
            """
        #expect {
            try OCHAImport.neighbourhoods(json: Data(json.utf8), file: "city.json", parent: "aleppo")
        } throws: { error in
            let description = (error as? InputError)?.description ?? ""
            return description.hasPrefix("city.json:3:13: error: item 2 needs a pCode")
        }
    }

    @Test func invalidBoundaryIsReported() {
        let json = """
            {"items": [{"pCode": "N0001", "nameEnglish": "One", "centerLatitude": 36.2, "centerLongitude": 37.1,
              "boundaryWkt": "POLYGON((37 36, 37.1"}]}
            """
        #expect {
            try OCHAImport.neighbourhoodBoundaries(json: Data(json.utf8), file: "city.json")
        } throws: { error in
            (error as? InputError)?.description.contains("city.json:1:22: error: the boundaryWkt of N0001") == true
        }
    }
}

struct AtomicWriteTests {
    @Test func replacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("geonames/SY.csv")
        try AtomicWrite.write("old\n", to: url)
        try AtomicWrite.write("new\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n", "the second write replaces the first")
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["SY.csv"], "no temporary file is left: \(names)")
    }

    @Test func failedWriteLeavesTheOldFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("SY.csv")
        try AtomicWrite.write("old\n", to: url)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("blocked"),
                                                withIntermediateDirectories: false)
        #expect(throws: AtomicWrite.Failure.self, "a folder cannot be replaced by a file") {
            try AtomicWrite.write("new\n", to: folder.appendingPathComponent("blocked"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["SY.csv", "blocked"], "no temporary file is left: \(names)")
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n", "the old file is untouched")
    }
}
