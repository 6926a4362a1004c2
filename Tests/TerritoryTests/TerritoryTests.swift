import Claims
import Foundation
import Gazetteer
import Geometry
import Planar
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
            // The traced outlines themselves, not the cached cell areas, must add up.
            let total = map.zones.reduce(0) { $0 + Geodesic.areaKm2($1.area) }
            let expected = Geodesic.areaKm2(region)
            #expect(abs(total - expected) / expected < 0.001, "zones sum to \(total) km², the region is \(expected)")
            for (i, a) in map.zones.enumerated() {
                for b in map.zones[(i + 1)...] {
                    #expect(Geodesic.areaKm2(try a.area.intersection(with: b.area)) < 0.01, "\(a.kind) overlaps \(b.kind)")
                }
            }
        }
    }

    /// 400 places held at random by three actors: zones touch at points, enclose each other's islands and
    /// leave holes, which is where tracing outlines from shared edges can go wrong.
    @Test func tracedZonesAreValidAndMatchGEOSCoverageUnion() throws {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let scattered = (0..<400).map { index in
            Place(id: String(format: "p%03d", index), kind: .village, nameEn: "P\(index)",
                  lonLat: LonLat(36 + next(), 35 + next()), source: "test")
        }
        let actors = ["government", "hts", "sdf"]
        let claims = scattered.map { place in
            Claim(date: day1, placeID: place.id, actor: actors[Int(next() * 3)], status: next() < 0.1 ? .contested : .control,
                  citation: Citation(source: "test", url: ""), location: SourceLocation(file: "claims.csv", line: 2, column: 1))
        }
        let cells = try PlaceCells(places: scattered, country: region)
        let snapshot = Snapshot(claims: claims, gazetteer: Gazetteer(places: scattered), date: day1)
        let map = try TerritoryMap(snapshot: snapshot, cells: cells)
        for zone in map.zones {
            #expect(try zone.area.invalidityReason() == nil, "\(zone.kind)")
            let members = cells.placeIDs.indices.filter { Zone.Kind(snapshot.controls[cells.placeIDs[$0]]?.state) == zone.kind }
            let reference = try MultiPolygon.coverageUnion(members.map { cells.cells[$0] }.filter { !$0.isEmpty })
            let traced = Geodesic.areaKm2(zone.area)
            if zone.actor != nil {
                #expect(abs(traced - Geodesic.areaKm2(reference)) < 0.01, "\(zone.kind): \(traced) km²")
                #expect(Geodesic.areaKm2(try zone.area.difference(reference)) < 0.01)
            }
            #expect(abs(traced - zone.areaKm2) / zone.areaKm2 < 1e-6, "\(zone.kind): outline against summed cells")
        }
        #expect(map.zones.contains { zone in zone.area.polygons.contains { !$0.holes.isEmpty } }, "some zone has a hole")
    }

    /// An area claim drawn across the region's edge takes its ground from the zones under it and keeps only
    /// the part inside the region, so the zones still tile it.
    @Test func areaClaimTakesItsGroundAndStopsAtTheBorder() throws {
        let cells = try PlaceCells(places: places, country: region)
        let box = MultiPolygon([.rectangle(Envelope(minLon: 36.8, minLat: 35.1, maxLon: 37.3, maxLat: 35.4))])
        let claim = AreaClaim(id: "box", date: day1, actor: "sfa", status: .control, area: box,
                              citation: Citation(source: "test", url: ""), note: "")
        let snapshot = Snapshot(claims: claims(), gazetteer: Gazetteer(places: places), date: day2)
        let map = try TerritoryMap(snapshot: snapshot, cells: cells, areaClaims: [claim])
        let inside = Geodesic.areaKm2(MultiPolygon([.rectangle(Envelope(minLon: 36.8, minLat: 35.1, maxLon: 37, maxLat: 35.4))]))
        let held = try #require(map.zone(of: "sfa"))
        #expect(abs(held.areaKm2 - inside) < 0.5, "the claim holds \(held.areaKm2) km², its Syrian part is \(inside)")
        let total = map.zones.reduce(0) { $0 + $1.areaKm2 }
        #expect(abs(total - Geodesic.areaKm2(region)) / Geodesic.areaKm2(region) < 0.001)
        #expect(map.fronts.contains { $0.actors.contains("sfa") }, "the area meets its neighbours along a front")
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
        let forward = try ControlDiff(from: before, to: after, actors: actors)
        let backward = try ControlDiff(from: after, to: before, actors: actors)
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

    @Test func eachCellsAreaIsItsOwnGeodesicArea() throws {
        let cells = try PlaceCells(places: places, country: region)
        for (id, cell) in zip(cells.placeIDs, cells.cells) {
            let alone = Geodesic.areaKm2(cell)
            let shared = cells.topology.areasKm2[cells.placeIDs.firstIndex(of: id)!]
            #expect(abs(shared - alone) < 1e-6 * max(alone, 1), "\(id): \(shared) km² from shared edges, \(alone) alone")
        }
        let unreached = try #require(cells.topology.areasKm2.last)
        #expect(abs(unreached - Geodesic.areaKm2(cells.unreached)) < 1e-6 * Geodesic.areaKm2(region))
    }

    @Test func aZoneTouchingItselfAtAPointIsValid() throws {
        // The first site's circle touches the top of the square: the unreached ground and the second site's cell,
        // traced as one zone, meet themselves there.
        let square = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 38, maxLat: 37))])
        let tessellation = try Tessellation(sites: [LonLat(36.5, 36.95), LonLat(37.5, 35.5)], reachKm: [5.566, 500],
                                            region: square)
        let cells = PlaceCells(placeIDs: ["a", "b"], cells: tessellation.cells, unreached: tessellation.unreached,
                               key: "k")
        let zones = cells.topology.unions(faceGroup: [0, 1, 1], groupCount: 2)
        #expect(try zones[1].invalidityReason() == nil)
        let whole = cells.topology.unions(faceGroup: [0, 0, 0], groupCount: 1)[0]
        #expect(try whole.invalidityReason() == nil)
    }

    @Test func cellsSurviveTheCacheEncoding() throws {
        let cells = try PlaceCells(places: places, country: region)
        let decoded = try #require(PlaceCells(encoded: cells.encoded()))
        #expect(decoded.placeIDs == cells.placeIDs && decoded.cells == cells.cells && decoded.key == cells.key)
        #expect(PlaceCells(encoded: Array(cells.encoded().dropLast(3))) == nil, "a damaged cache is not trusted")
        #expect(decoded.topology.parts == cells.topology.parts, "the topology is read back, not built again")
        let rebuilt = PlaceCells(placeIDs: decoded.placeIDs, cells: decoded.cells, unreached: decoded.unreached,
                                 key: decoded.key)
        #expect(rebuilt.topology.parts == decoded.topology.parts, "and is the one the cells give")
    }

    /// A topology whose indices leave their arrays, or whose twins do not pair up, is refused.
    @Test func aTopologyOutOfRangeIsRefused() throws {
        let parts = try PlaceCells(places: places, country: region).topology.parts
        let cellCount = parts.areasKm2.count
        #expect(CellTopology(parts: parts, cellCount: cellCount) != nil)
        #expect(CellTopology(parts: parts, cellCount: cellCount + 1) == nil, "an area per cell")
        var damaged = [parts, parts, parts, parts, parts, parts]
        damaged[0].from[3] = Int32(parts.vertices.count)
        damaged[1].cell[0] = Int32(cellCount)
        damaged[2].next[5] = -1
        damaged[3].twins[damaged[3].twins.firstIndex { $0 >= 0 }!] = -1
        damaged[4].to.removeLast()
        damaged[5].to[0] = -2
        for (number, broken) in damaged.enumerated() {
            #expect(CellTopology(parts: broken, cellCount: cellCount) == nil, "damage \(number)")
        }
    }

    @Test func cacheKeyChangesWhenAPlaceMoves() {
        var moved = places
        moved[0].lonLat.lon += 0.01
        #expect(PlaceCells.key(places: places, country: region) != PlaceCells.key(places: moved, country: region))
    }

    @Test func cacheKeyChangesWithTheBordersHolesReachesAndParents() throws {
        let key = PlaceCells.key(places: places, country: region)
        var holed = region
        holed.polygons[0].holes = [[LonLat(36.4, 35.4), LonLat(36.4, 35.5), LonLat(36.5, 35.5), LonLat(36.4, 35.4)]]
        #expect(PlaceCells.key(places: places, country: holed) != key)
        var promoted = places
        promoted[0].kind = promoted[0].kind == .city ? .village : .city
        #expect(PlaceCells.key(places: promoted, country: region) != key)
        var adopted = places
        adopted[1].parent = adopted[0].id
        #expect(PlaceCells.key(places: adopted, country: region) != key)
    }
}
