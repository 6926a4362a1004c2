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

/// The legend's rows fit beside the locator inset (or, when an entry cannot, above it across the page) for every
/// view and date: at the reference images' width in each language, and at the usual widths in both at once too.
struct LegendFitTests {
    static let cases: [(widthPx: Int, language: Language)] = [(700, .en), (700, .ar)]
        + [1200, 1600].flatMap { width in Language.allCases.map { (width, $0) } }

    @Test(arguments: cases)
    func everyLegendRowFitsBesideTheInset(widthPx: Int, language: Language) throws {
        let loaded = try Bundled.loaded.get()
        for view in MapView.all(for: loaded.scenario) {
            for date in loaded.scenario.dates {
                let request = MapRequest(date: date, view: view, language: language, format: .svg, widthPx: widthPx)
                let layout = try PageLayout(request: request, scenario: loaded.scenario,
                                            territory: try loaded.territory.map(at: date), diff: nil,
                                            earlierFronts: [], basemap: loaded.basemap, style: MapStyle())
                for row in layout.legendRows {
                    let width = row.reduce(0) { $0 + $1.width }
                    #expect(width <= layout.besideInset, """
                        \(view.id) \(date) \(language) \(widthPx) px: a legend row of \(width) pt beside \
                        \(layout.besideInset) pt: \(row.map(\.item.text))
                        """)
                }
                if let inset = layout.insetBox {
                    let legendBottom = layout.legendTop + Double(layout.legendRows.count) * PageLayout.legendRowPt
                    #expect(inset.y >= layout.legendTop && inset.y + inset.height <= layout.footerTop,
                            "\(view.id) \(date) \(language) \(widthPx) px: the inset lies in the legend's band")
                    if layout.besideInset > request.widthPt - 2 * MapStyle().marginPt - 11 {
                        #expect(inset.y >= legendBottom, "\(view.id) \(date): a full-width legend has the inset below")
                    }
                }
            }
        }
    }
}
