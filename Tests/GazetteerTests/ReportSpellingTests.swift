import Foundation
import Testing
@testable import Gazetteer

/// Spellings of villages of the Idlib, Aleppo and Hama countryside as reports wrote them (each with the page it
/// was read on) or as OCHA's community layer writes them (with the P-code), in `Fixtures/report-spellings.csv`.
struct ReportSpellingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var expectedID: String
        var source: String
        var testDescription: String { "\(query) → \(expectedID)" }
    }

    static let cases: [Case] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/report-spellings.csv")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
              let table = try? CSVTable(text: text, file: "report-spellings.csv") else { return [] }
        return table.rows.map { row in
            Case(query: row[0].value, expectedID: row[1].value, source: row[2].value)
        }
    }()

    @Test func theFixtureHoldsAtLeast400CasesEachWithASource() {
        #expect(Self.cases.count >= 400)
        for item in Self.cases {
            #expect(item.source.hasPrefix("https://") || item.source.hasPrefix("http://")
                        || item.source.hasPrefix("OCHA syr_admin4_communities_2015 C"), "\(item.query)")
        }
    }

    @Test(arguments: cases)
    func aReportedSpellingResolvesToItsVillage(_ item: Case) throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        guard case .found(let place, _) = gazetteer.resolve(item.query) else {
            Issue.record("\(item.query) did not resolve: \(gazetteer.resolve(item.query))")
            return
        }
        #expect(place.id == item.expectedID, "\(item.query) resolved to \(place.id) \(place.nameEn) (\(place.admin1))")
    }
}
