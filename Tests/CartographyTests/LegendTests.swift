import Claims
import Territory
import Testing
@testable import Cartography

struct LegendTests {
    func legend(date: String, from: String? = nil, view: String, language: Language = .en) throws -> [String] {
        let loaded = try Bundled.loaded.get()
        let scenario = loaded.scenario
        let territory = try loaded.territory.map(at: Day(iso: date)!)
        var diff: ControlDiff?
        var earlier: TerritoryMap?
        if let from {
            let before = try loaded.territory.map(at: Day(iso: from)!)
            earlier = before
            diff = try ControlDiff(from: before, to: territory, actors: scenario.actors.map(\.id))
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

    @Test func snapshotLegendExplainsEachSymbolAndEveryKindOfGround() throws {
        let texts = try legend(date: "2024-11-30", view: "syria")
        for expected in ["City, town or village (by size)", "Airport or air base", "Front line"] {
            #expect(texts.contains(expected), "\(expected) in \(texts)")
        }
        #expect(!texts.contains("Uncertain edge: no report beyond"), "claims reach the whole country on 30 Nov")
        let collapse = try legend(date: "2024-12-08", view: "syria")
        for expected in ["No holder reported", "Abandoned: withdrawal reported, no holder since", "Contested",
                         "Shared by allies"] {
            #expect(collapse.contains(expected), "\(expected) in \(collapse)")
        }
        #expect(!texts.contains { $0.hasPrefix("Front line on") }, "a snapshot has no earlier front")
    }
}
