import Claims
import Foundation
import Gazetteer
import Geometry
import Testing
@testable import Territory

/// Two outlined neighbourhoods side by side in a city and a village east of them, on a 0.4°×0.4° country.
struct OutlinedPlaceTests {
    let country = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 36.4, maxLat: 35.4))])
    let west = MultiPolygon([Polygon(exterior: [LonLat(36.1, 35.1), LonLat(36.2, 35.1), LonLat(36.2, 35.25),
                                                LonLat(36.15, 35.3), LonLat(36.1, 35.25), LonLat(36.1, 35.1)])])
    let east = MultiPolygon([.rectangle(Envelope(minLon: 36.2, minLat: 35.1, maxLon: 36.26, maxLat: 35.25))])
    let day = Day(iso: "2024-11-30")!

    var gazetteer: Gazetteer {
        let places = [
            Place(id: "city", kind: .city, nameEn: "City", lonLat: LonLat(36.18, 35.2), source: "test"),
            Place(id: "west", kind: .neighbourhood, nameEn: "West Quarter", lonLat: LonLat(36.15, 35.2),
                  parent: "city", source: "test"),
            Place(id: "east", kind: .neighbourhood, nameEn: "East Quarter", lonLat: LonLat(36.23, 35.2),
                  parent: "city", source: "test"),
            Place(id: "village", kind: .village, nameEn: "Village", lonLat: LonLat(36.3, 35.2), source: "test"),
        ]
        return Gazetteer(layers: [places], outlines: ["west": west, "east": east])
    }

    func map(_ claims: [(String, String)]) throws -> TerritoryMap {
        let rows = claims.map { place, actor in
            Claim(date: day, placeID: place, actor: actor, status: .control, citation: Citation(source: "test", url: ""),
                  location: SourceLocation(file: "claims.csv", line: 2, column: 1))
        }
        let scenario = Scenario(title: LocalizedText(en: "t", ar: "t"),
                                actors: ["government", "hts", "sdf"].map {
                                    Actor(id: $0, nameEn: $0, nameAr: $0, colour: "#000000")
                                }, views: [], defaultView: "t", claims: rows, gazetteer: gazetteer)
        return try TerritoryModel(scenario: scenario, country: country).map(at: day)
    }

    func zone(_ map: TerritoryMap, _ actor: String) throws -> Zone {
        try #require(map.zone(of: actor), "\(actor) holds ground")
    }

    @Test func anOutlinedPlacesZoneIsItsOutline() throws {
        let map = try map([("city", "government"), ("west", "sdf"), ("village", "hts")])
        let sdf = try zone(map, "sdf")
        let difference = try sdf.area.difference(west).union(with: try west.difference(sdf.area))
        #expect(Geodesic.areaKm2(difference) < 0.01, "the zone and the outline differ by \(Geodesic.areaKm2(difference)) km²")
        #expect(abs(sdf.areaKm2 - Geodesic.areaKm2(west)) < 0.01, "the area is the outline's geodesic area")
    }

    @Test func cellsOfPointPlacesKeepOffOutlines() throws {
        let map = try map([("city", "government"), ("west", "sdf"), ("east", "sdf"), ("village", "hts")])
        let outlines = try west.union(with: east)
        for actor in ["government", "hts"] {
            let overlap = try zone(map, actor).area.intersection(with: outlines)
            #expect(Geodesic.areaKm2(overlap) < 0.01, "\(actor)'s cells reach \(Geodesic.areaKm2(overlap)) km² into the outlines")
        }
        let whole = Geodesic.areaKm2(country)
        let total = map.zones.map(\.areaKm2).reduce(0, +)
        #expect(abs(total - whole) < 0.5, "the zones still tile the country: \(total) of \(whole) km²")
    }

    @Test func anOutlineWithoutAStateIsLeftToTheCells() throws {
        let map = try map([("city", "government"), ("village", "hts")])
        let outlines = try west.union(with: east)
        let covered = try zone(map, "government").area.intersection(with: outlines)
        #expect(abs(Geodesic.areaKm2(covered) - Geodesic.areaKm2(outlines)) < 0.01,
                "the city's cell covers quarters no claim reaches")
    }
}
