import Canvas
import Claims
import Testing
@testable import Cartography

struct PaletteTests {
    /// The bundled scenario's sides: the government with its ally, the opposition factions, the SDF alone.
    static let sides: [String: String] = ["government": "government side", "russia": "government side",
                                          "hts": "opposition", "sna": "opposition", "southern": "opposition",
                                          "sfa": "opposition", "sdf": "sdf"]

    @Test func bundledSidesColoursStayApartForEveryReader() throws {
        let actors = try Bundled.loaded.get().scenario.actors
        #expect(Set(actors.map(\.id)) == Set(PaletteTests.sides.keys), "the side table lists every bundled actor")
        let clashes = PaletteCheck.clashes(actors: actors) { PaletteTests.sides[$0] ?? $0 }
        #expect(clashes.isEmpty, "\(clashes.map(\.description))")
    }

    /// Published CIEDE2000 test pairs (Sharma, Wu and Dalal 2005, table 1, pairs 1, 7, 17 and 25).
    @Test(arguments: [
        (LabColour(lightness: 50, a: 2.6772, b: -79.7751), LabColour(lightness: 50, a: 0, b: -82.7485), 2.0425),
        (LabColour(lightness: 50, a: 0, b: 0), LabColour(lightness: 50, a: -1, b: 2), 2.3669),
        (LabColour(lightness: 50, a: 2.5, b: 0), LabColour(lightness: 73, a: 25, b: -18), 27.1492),
        (LabColour(lightness: 60.2574, a: -34.0099, b: 36.2677), LabColour(lightness: 60.4626, a: -34.1751, b: 39.4387),
         1.2644),
    ])
    func ciede2000MatchesPublishedPairs(one: LabColour, two: LabColour, expected: Double) {
        #expect(abs(one.difference(from: two) - expected) < 0.0001)
    }

    @Test func redAndGreenOfOneLightnessClashForADeuteranope() {
        let red = Actor(id: "red", nameEn: "Red", nameAr: "أحمر", colour: "#c8102e")
        let green = Actor(id: "green", nameEn: "Green", nameAr: "أخضر", colour: "#2e8b3a")
        let clashes = PaletteCheck.clashes(actors: [red, green]) { $0 }
        #expect(clashes.flatMap(\.shortfalls).map(\.vision) == [.deuteranopia],
                "normal vision and protanopia tell them apart")
        #expect(clashes.first?.description.contains("red (#c8102e) and green (#2e8b3a)") == true)
    }

    @Test func alliesMayShareAColourFamily() {
        let one = Actor(id: "one", nameEn: "One", nameAr: "واحد", colour: "#c8102e")
        let two = Actor(id: "two", nameEn: "Two", nameAr: "اثنان", colour: "#c0142a")
        #expect(PaletteCheck.clashes(actors: [one, two]) { _ in "allies" }.isEmpty)
        #expect(!PaletteCheck.clashes(actors: [one, two]) { $0 }.isEmpty)
    }
}
