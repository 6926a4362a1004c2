import Gazetteer
import Geometry
import Testing
@testable import Claims

/// A claim's place names a region when it carries a level word or a P-code and a region has it, even if a place
/// is spelled the same; a place whose own name holds a level word stays that place when no region has it.
struct RegionNameClaimTests {
    let regions = AdminRegions([
        AdminRegion(id: "SY07", level: .governorate, nameEn: "Idleb", nameAr: "إدلب", parent: nil,
                    area: MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 37, maxLat: 36))])),
        AdminRegion(id: "SY0703", level: .district, nameEn: "Harim", nameAr: "حارم", parent: "SY07",
                    area: MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 36.5, maxLat: 36))])),
    ])
    let gazetteer = Gazetteer(places: [
        Place(id: "harim", kind: .town, nameEn: "Harim", lonLat: LonLat(36.25, 35.5), source: "test"),
        Place(id: "harim-quarter", kind: .neighbourhood, nameEn: "Harim district", lonLat: LonLat(36.26, 35.51),
              source: "test"),
        Place(id: "sheikh", kind: .neighbourhood, nameEn: "Sheikh Maqsoud district", lonLat: LonLat(36.3, 35.6),
              source: "test"),
    ])

    func placeIDs(_ names: [String]) throws -> [String] {
        let rows = names.map { "2024-11-30,\($0),hts,control,test,https://example.org/r" }
        let table = try CSVTable(text: (["date,place,actor,status,source,url"] + rows).joined(separator: "\n") + "\n",
                                 file: "claims.csv")
        return try ClaimTable.claims(from: table, gazetteer: gazetteer, regions: regions, actors: ["hts"])
            .map(\.placeID)
    }

    @Test func levelWordsAndPCodesNameRegions() throws {
        #expect(try placeIDs(["Idleb governorate", "محافظة إدلب", "SY0703", "Harim district", "منطقة حارم"])
            == ["SY07", "SY07", "SY0703", "SY0703", "SY0703"])
    }

    @Test func aPlaceNamedWithALevelWordThatNoRegionHasStaysThePlace() throws {
        #expect(try placeIDs(["Sheikh Maqsoud district", "Harim", "Harim district", "Sheikh Maqsoud district"])
            == ["sheikh", "harim", "SY0703", "sheikh"])
    }
}
