import Claims
import Foundation
import Gazetteer
import Geometry
import Testing
@testable import Territory

/// A town held by one side and, 20 km east, an air base held by another, in a 1°×1° square that a region claim
/// gives to the town's side: the base's cell ends on a straight bisector facing the town, and elsewhere on its
/// 12 km circle, beyond which the region's holder has the ground.
struct ReachLimitTests {
    let region = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 37, maxLat: 36))])
    let town = Place(id: "town", kind: .city, nameEn: "Town", lonLat: LonLat(36.4, 35.5), source: "test")
    let base = Place(id: "base", kind: .airbase, nameEn: "Base", lonLat: LonLat(36.62, 35.5), source: "test")
    let day = Day(iso: "2024-11-26")!

    func map(circles: Bool, region claimed: Bool = true) throws -> TerritoryMap {
        let places = [base, town]
        let gazetteer = Gazetteer(places: places)
        let claims = [("town", "sdf"), ("base", "russia")].map { place, actor in
            Claim(date: day, placeID: place, actor: actor, status: .control, citation: Citation(source: "test", url: ""),
                  location: SourceLocation(file: "claims.csv", line: 2, column: 1))
        }
        let cells = try PlaceCells(places: places, country: region)
        let reach = cells.placeIDs.map { id in
            places.first { $0.id == id }.map { ReachCircle(centre: $0.lonLat, radiusKm: $0.kind.reachKm) }
        }
        let ground = RegionGround(regionID: "SY01", area: region, kind: .held(actor: "sdf"),
                                  placeIDs: ["base", "town"])
        return try TerritoryMap(snapshot: Snapshot(claims: claims, gazetteer: gazetteer, date: day), cells: cells,
                                regions: claimed ? [ground] : [], circles: circles ? reach : [])
    }

    /// The distance in km from the base of the front's points, nearest and farthest.
    func frontDistances(_ map: TerritoryMap) -> (nearest: Double, farthest: Double) {
        let points = map.fronts.flatMap(\.line.lines).flatMap { $0 }
        let distances = points.map { Geodesic.distanceKm($0, base.lonLat) }
        return (distances.min() ?? .infinity, distances.max() ?? 0)
    }

    @Test func aReachLimitCarriesNoFrontButTheBisectorDoes() throws {
        let limited = try map(circles: true)
        let unlimited = try map(circles: false)
        // Without the circles the front runs round the base's circle too (points 12 km out all round).
        #expect(abs(frontDistances(unlimited).farthest - 12) < 0.2)
        let front = limited.fronts.flatMap(\.line.lines)
        #expect(!front.isEmpty, "the bisector between the base and the town is a front")
        // What is left is the bisector, halfway to the town, across the circle.
        let half = Geodesic.distanceKm(base.lonLat, town.lonLat) / 2
        for point in front.flatMap({ $0 }) {
            #expect(abs(point.lon - 36.51) < 0.002, "front point \(point) is off the bisector")
        }
        let length = front.reduce(0.0) { total, line in
            total + zip(line, line.dropFirst()).reduce(0) { $0 + Geodesic.distanceKm($1.0, $1.1) }
        }
        let chord = 2 * (12.0 * 12 - half * half).squareRoot()
        #expect(abs(length - chord) < 0.3, "the bisector inside the circle is \(chord) km; the front is \(length)")
    }

    @Test func theLimitIsAnEdgeFromTheBaseIntoTheTownsGround() throws {
        let edges = try map(circles: true).reachLimits.edges
        #expect(edges.map(\.inside) == [.held(actor: "russia")])
        #expect(edges.map(\.beyond) == [.held(actor: "sdf")])
        let points = edges.flatMap(\.line.lines).flatMap { $0 }
        #expect(!points.isEmpty)
        for point in points {
            let distance = Geodesic.distanceKm(point, base.lonLat)
            #expect(distance > 11.9 && distance < 12.1, "\(point) lies \(distance) km from the base")
        }
    }

    /// Without the region, both places' cells end on their circles against unreported ground, each fading into
    /// paper; the edges are found on the cells' topology alone.
    @Test func withoutARegionBothCellsEndAgainstUnreportedGround() throws {
        let limits = try map(circles: true, region: false).reachLimits
        #expect(Set(limits.edges.map(\.inside)) == [.held(actor: "russia"), .held(actor: "sdf")])
        #expect(limits.edges.allSatisfy { $0.beyond == .unreported })
        for edge in limits.edges {
            let (centre, radius) = edge.inside == .held(actor: "sdf") ? (town.lonLat, 45.0) : (base.lonLat, 12.0)
            for point in edge.line.lines.flatMap({ $0 }) {
                #expect(abs(Geodesic.distanceKm(point, centre) - radius) < radius * 0.006)  // a 48-gon on an ellipse
            }
        }
    }

    @Test(arguments: [
        // A corner of the 48-gon to the next one, and a point cut into a side to its corner: along the circle.
        (0.0, 1.0 / 48, true), (0.0, 0.5 / 48, true),
        // A chord across the circle, and an edge from the centre out: not along it.
        (0.0, 0.25, false), (0.0, 0.5, false),
    ])
    func aCircleKnowsItsOwnSides(from: Double, to: Double, along: Bool) {
        let circle = ReachCircle(centre: LonLat(36.5, 35.5), radiusKm: 12)
        let polygon = Polygon.disc(centre: LonLat(36.5, 35.5), radiusKm: 12)
        func corner(_ turn: Double) -> LonLat {
            let k = turn * 48
            let index = Int(k.rounded(.down)), fraction = k - k.rounded(.down)
            let a = polygon.exterior[index % 48], b = polygon.exterior[(index + 1) % 48]
            return LonLat(a.lon + (b.lon - a.lon) * fraction, a.lat + (b.lat - a.lat) * fraction)
        }
        #expect(circle.runsAlong(corner(from), corner(to)) == along)
        #expect(!circle.runsAlong(LonLat(36.5, 35.5), corner(from)))
    }
}
