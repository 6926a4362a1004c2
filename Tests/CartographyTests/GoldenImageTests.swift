import Canvas
import Claims
import Testing
@testable import Cartography

/// The three views at two dates and in both languages, and Damascus city on the day it changed hands, against
/// committed references.
@Suite(.serialized) struct GoldenImageTests {
    static let cases: [(view: String, date: String, language: Language)] = ["syria", "northwest", "aleppo-city"]
        .flatMap { view in
            ["2024-11-26", "2024-11-30"].flatMap { date in [Language.en, .ar].map { (view, date, $0) } }
        } + [Language.en, .ar].map { ("damascus-city", "2024-12-08", $0) }

    @Test(arguments: cases)
    func mapMatchesItsReference(view: String, date: String, language: Language) throws {
        let loaded = try Bundled.loaded.get()
        let request = MapRequest(date: Day(iso: date)!, view: Bundled.view(view), language: language, format: .png,
                                 widthPx: 700, dpi: 72)
        let png = try loaded.renderer.render(request)
        let outcome = try GoldenImage.compare(png, name: "\(view)-\(date)-\(language.rawValue)")
        #expect(outcome.differingFraction < 0.002, "\(outcome.message)")
    }
}
