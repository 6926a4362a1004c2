import Canvas
import Claims
import Testing
@testable import Cartography

/// Every view and date of the bundled scenario, in each language and at three widths: labels keep clear of
/// each other, of every symbol, of the legend and of the frame's edge.
struct LabelLayoutTests {
    static let cases: [(widthPx: Int, language: Language)] = [1200, 1600, 2000].flatMap { width in
        Language.allCases.map { (width, $0) }
    }

    @Test(arguments: cases)
    func labelsKeepClearOfLabelsSymbolsLegendAndFrame(widthPx: Int, language: Language) throws {
        let loaded = try Bundled.loaded.get()
        for view in MapView.all(for: loaded.scenario) {
            for date in loaded.scenario.dates {
                let map = try loaded.renderer.renderWithLayout(
                    MapRequest(date: date, view: view, language: language, format: .svg, widthPx: widthPx))
                let context = "\(view.id) \(date) \(language) \(widthPx) px"
                #expect(map.labels.count >= 5, "\(context): several places are named")
                let boxes = map.labels.map { Box(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
                for (index, box) in boxes.enumerated() {
                    let text = map.labels[index].text
                    #expect(map.frame.contains(box), "\(context): \(text) stays inside the frame")
                    #expect(!map.legend.intersects(box), "\(context): \(text) keeps off the legend")
                    for (other, otherBox) in boxes.enumerated() where other > index && otherBox.intersects(box) {
                        Issue.record("\(context): \(text) overlaps \(map.labels[other].text)")
                    }
                    for symbol in map.symbols where symbol.box.intersects(box) {
                        Issue.record("\(context): \(text) overlaps the symbol of \(symbol.placeID)")
                    }
                }
            }
        }
    }

    @Test func aleppoIsNotNamedOverTheNublAndZahraaEnclave() throws {
        let loaded = try Bundled.loaded.get()
        let map = try loaded.renderer.renderWithLayout(MapRequest(
            date: Day(iso: "2024-11-30")!, view: Bundled.view("syria"), language: .ar, format: .svg))
        let aleppo = try #require(map.labels.first { $0.text == "حلب" })
        let nublID = try #require(loaded.scenario.gazetteer.places.first { $0.nameEn == "Nubl" }?.id)
        let nubl = try #require(map.symbols.first { $0.placeID == nublID }, "Nubl is drawn")
        let enclave = try #require(map.patches.first { $0.contains(x: nubl.x, y: nubl.y) }, "Nubl's enclave is small")
        #expect(!enclave.intersects(Box(x: aleppo.x, y: aleppo.y, width: aleppo.width, height: aleppo.height)))
    }

    @Test(arguments: [
        ("Syria: the offensive of 27 November – 8 December 2024", "8\u{A0}December\u{A0}2024"),
        ("سوريا: هجوم 27 تشرين الثاني – 8 كانون الأول 2024", "8\u{A0}كانون\u{A0}الأول\u{A0}2024"),
        ("سوريا: هجوم 27 تشرين الثاني – 8 كانون الأول 2024", "27\u{A0}تشرين\u{A0}الثاني "),
    ])
    func titlesKeepEachDateOnOneLine(title: String, joined: String) {
        #expect(Wording.keepingDatesWhole(title).contains(joined))
    }

    /// Only a month's name and the day and year beside it are joined: at most two digits before, four after, and
    /// whole characters only (a combining mark makes another word).
    @Test(arguments: [
        ("On 112 May 20245 and 3 June", "On 112\u{A0}May\u{A0}20245 and 3\u{A0}June"),
        ("May 24 and 2024 May", "May 24 and 2024\u{A0}May"),
        ("Mayadin 2024, 9 آب 2024", "Mayadin 2024, 9\u{A0}آب\u{A0}2024"),
        ("November 2024 –  December 2024", "November\u{A0}2024 –  December\u{A0}2024"),
        ("7 كانون الثاني", "7\u{A0}كانون\u{A0}الثاني"),
        ("9 May\u{301} 2024", "9 May\u{301} 2024"),
        ("9 May 2024\u{301}", "9\u{A0}May 2024\u{301}"),
        ("no date here", "no date here"),
        ("", ""),
    ])
    func datesAreJoinedWhereTheyStand(text: String, expected: String) {
        #expect(Wording.keepingDatesWhole(text) == expected)
    }
}

extension RenderedMap.Symbol {
    var box: Box { Box(x: x - radius, y: y - radius, width: 2 * radius, height: 2 * radius) }
}
