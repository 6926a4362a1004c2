import Claims
import Gazetteer
import Geometry
import Testing
@testable import Territory

/// Five places in a 1°×1° square: four quadrant towns and a village near the middle, two dates.
struct TerritoryTests {
    let region = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 37, maxLat: 36))])
    let places = [
        Place(id: "sw", kind: .town, nameEn: "South-west", lonLat: LonLat(36.25, 35.25), source: "test"),
        Place(id: "se", kind: .town, nameEn: "South-east", lonLat: LonLat(36.75, 35.25), source: "test"),
        Place(id: "nw", kind: .town, nameEn: "North-west", lonLat: LonLat(36.25, 35.75), source: "test"),
        Place(id: "ne", kind: .town, nameEn: "North-east", lonLat: LonLat(36.75, 35.75), source: "test"),
        Place(id: "mid", kind: .village, nameEn: "Middle", lonLat: LonLat(36.52, 35.51), source: "test"),
    ]
    let day1 = Day(iso: "2024-11-26")!
    let day2 = Day(iso: "2024-11-30")!

    func claims() -> [Claim] {
        func claim(_ day: Day, _ place: String, _ actor: String, _ status: ClaimStatus = .control) -> Claim {
            Claim(date: day, placeID: place, actor: actor, status: status, citation: Citation(source: "test", url: ""),
                  location: SourceLocation(file: "claims.csv", line: 2, column: 1))
        }
        return [claim(day1, "sw", "government"), claim(day1, "se", "government"), claim(day1, "nw", "hts"),
                claim(day1, "ne", "sdf"), claim(day1, "mid", "government"),
                claim(day2, "sw", "hts"), claim(day2, "mid", "hts", .contested)]
    }

    func territory(on day: Day, cells: PlaceCells) throws -> TerritoryMap {
        let gazetteer = Gazetteer(places: places)
        return try TerritoryMap(snapshot: Snapshot(claims: claims(), gazetteer: gazetteer, date: day), cells: cells)
    }

    @Test func zonesTileTheRegionWithNoOverlapsAndNoGaps() throws {
        let cells = try PlaceCells(places: places, country: region)
        for day in [day1, day2] {
            let map = try territory(on: day, cells: cells)
            let total = map.zones.reduce(0) { $0 + $1.areaKm2 }
            let expected = Geodesic.areaKm2(region)
            #expect(abs(total - expected) / expected < 0.001, "zones sum to \(total) km², the region is \(expected)")
            for (i, a) in map.zones.enumerated() {
                for b in map.zones[(i + 1)...] {
                    #expect(Geodesic.areaKm2(try a.area.intersection(with: b.area)) < 0.01, "\(a.kind) overlaps \(b.kind)")
                }
            }
        }
    }

    @Test func aQuadrantTownsCellIsItsQuadrantLessTheVillage() throws {
        let cells = try PlaceCells(places: places, country: region)
        let quadrant = Geodesic.areaKm2(MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 36.5, maxLat: 35.5))]))
        let southWest = Geodesic.areaKm2(try #require(cells.cell(of: "sw")))
        #expect(southWest < quadrant && southWest > quadrant * 0.6,
                "the south-west cell (\(southWest) km²) is most of its quadrant (\(quadrant) km²)")
    }

    @Test func contestedPlaceFormsAContestedZoneAndFrontsSeparateActors() throws {
        let cells = try PlaceCells(places: places, country: region)
        let map = try territory(on: day2, cells: cells)
        #expect(map.zones.contains { $0.kind == .contested(among: ["government", "hts"]) })
        let pairs = Set(map.fronts.map(\.actors))
        #expect(pairs.contains(["hts", "sdf"]), "the north-west (hts) and north-east (sdf) quadrants meet")
        #expect(!pairs.contains(["hts", "hts"]))
    }

    @Test func diffBackwardsIsTheInverseOfDiffForwards() throws {
        let cells = try PlaceCells(places: places, country: region)
        let before = try territory(on: day1, cells: cells)
        let after = try territory(on: day2, cells: cells)
        let actors = ["government", "hts", "sdf"]
        let forward = try ControlDiff(from: before, to: after, cells: cells, actors: actors)
        let backward = try ControlDiff(from: after, to: before, cells: cells, actors: actors)
        #expect(Set(forward.places.map { [$0.placeID, $0.from ?? "-", $0.to ?? "-"] })
            == Set(backward.places.map { [$0.placeID, $0.to ?? "-", $0.from ?? "-"] }))
        for transfer in forward.transfers {
            let inverse = try #require(backward.transfers.first { $0.from == transfer.to && $0.to == transfer.from })
            #expect(abs(inverse.areaKm2 - transfer.areaKm2) < 1e-6)
        }
        let gained = forward.transfers.filter { $0.to == "hts" }.reduce(0) { $0 + $1.areaKm2 }
        let balance = try #require(forward.actors.first { $0.actor == "hts" })
        #expect(abs(balance.km2To - balance.km2From - gained) < 0.5, "hts gains exactly what changed hands to it")
    }

    @Test func cellsSurviveTheCacheEncoding() throws {
        let cells = try PlaceCells(places: places, country: region)
        let decoded = try #require(PlaceCells(encoded: cells.encoded()))
        #expect(decoded.placeIDs == cells.placeIDs && decoded.cells == cells.cells && decoded.key == cells.key)
        #expect(PlaceCells(encoded: Array(cells.encoded().dropLast(3))) == nil, "a damaged cache is not trusted")
    }

    @Test func cacheKeyChangesWhenAPlaceMoves() {
        var moved = places
        moved[0].lonLat.lon += 0.01
        #expect(PlaceCells.key(places: places, country: region) != PlaceCells.key(places: moved, country: region))
    }
}
