import Claims
import Territory
import Testing
@testable import Cartography

struct LegendTests {
    func legend(date: String, from: String? = nil, view: String, language: Language = .en) throws -> [String] {
        let loaded = try Bundled.loaded.get()
        let scenario = loaded.scenario
        let territory = try TerritoryMap(snapshot: scenario.snapshot(at: Day(iso: date)!), cells: loaded.cells,
                                         areaClaims: scenario.areaClaims)
        var diff: ControlDiff?
        var earlier: TerritoryMap?
        if let from {
            let before = try TerritoryMap(snapshot: scenario.snapshot(at: Day(iso: from)!), cells: loaded.cells,
                                          areaClaims: scenario.areaClaims)
            earlier = before
            diff = try ControlDiff(from: before, to: territory, cells: loaded.cells, actors: scenario.actors.map(\.id))
        }
        return Legend(scenario: scenario, territory: territory, diff: diff, earlierFronts: earlier?.fronts ?? [],
                      view: Bundled.view(view), language: language, style: MapStyle()).items.map(\.text)
    }

    @Test func diffLegendNamesASideThatOnlyLostGround() throws {
        let texts = try legend(date: "2024-12-08", from: "2024-11-26", view: "syria")
        #expect(texts.contains { $0.hasPrefix("Syrian government and allies +0 / −") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("Left with no reported holder") }, "\(texts)")
        #expect(texts.contains("Front line on 26\u{A0}November\u{A0}2024"), "\(texts)")
    }

    @Test func snapshotLegendExplainsEachSymbolAndTheUncertainEdge() throws {
        let texts = try legend(date: "2024-11-30", view: "syria")
        for expected in ["City, town or village (by size)", "Airport or air base", "No holder reported",
                         "Uncertain edge: no report beyond", "Front line"] {
            #expect(texts.contains(expected), "\(expected) in \(texts)")
        }
        #expect(!texts.contains { $0.hasPrefix("Front line on") }, "a snapshot has no earlier front")
    }
}
