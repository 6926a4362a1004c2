import Foundation
import Testing

/// `controlmap resolve` as a user runs it: what it tells about a place, and `--at` longitude first.
struct ResolveCommandTests {
    @Test func textNamesTheKindGovernorateDistrictAndCodes() throws {
        let result = try CLI.run(["resolve", "Binnish"])
        #expect(result.status == 0, "\(result.stderr)")
        for part in ["gn-171451", "town", "Idleb governorate", "Idleb district", "GeoNames 171451", "36.7138,35.9566"] {
            #expect(result.stdout.contains(part), "\(part) in \(result.stdout)")
        }
    }

    @Test func jsonKeepsTheContractFieldsAndAddsDistrictAndCodes() throws {
        let result = try CLI.run(["resolve", "--format", "json", "C4268"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        for field in ["query", "id", "name", "name_ar", "kind", "lat", "lon", "parent", "admin1", "score", "admin2",
                      "pcode", "geonames_id"] {
            #expect(row.keys.contains(field), "\(field)")
        }
        #expect(row["pcode"] as? String == "C4268")
        #expect(row["admin1"] as? String == "Idleb")
        #expect(row["admin2"] as? String == "Ariha")
    }

    @Test func atTakesLongitudeFirst() throws {
        let result = try CLI.run(["resolve", "--at", "37.1612,36.2012"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("gn-170063 Aleppo"))
    }

    @Test(arguments: [
        ("36.2012,37.1612", "looks swapped"), ("10,10", "outside the gazetteer"), ("44.5,35.0", "outside the gazetteer"),
    ])
    func atRejectsSwappedAndFarPositions(position: String, message: String) throws {
        let result = try CLI.run(["resolve", "--at", position])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
