import Foundation
import Testing
import Geometry
@testable import Planar

/// Every cell against its definition, computed the slow way: the half-planes nearer its site than any other in
/// ground distance, cut by GEOS to the region and to the reach discs, compared as shapes (their symmetric
/// difference), so two cells of equal area swapped do not pass. Sites on a grid with equal reaches put circles,
/// outline and cell edges through common points, where a noder that rounds each crossing on its own goes wrong.
/// Set `CONTROLMAP_LONG_TESTS=1` for thousands more seeded configurations.
struct TessellationOracleTests {
    /// A region with a bay and a lake, so outline and holes both cut cells.
    let region = MultiPolygon([Polygon(
        exterior: [LonLat(36, 35), LonLat(38, 35), LonLat(38, 37), LonLat(37.2, 37), LonLat(37.1, 36.3),
                   LonLat(36.9, 37), LonLat(36, 37)],
        holes: [[LonLat(36.6, 35.6), LonLat(36.6, 35.8), LonLat(36.9, 35.8), LonLat(36.9, 35.6)]])])

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let sites: [LonLat]
        let reachKm: [Double]
        let parents: [Int?]
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var generator = SplitMix(seed: 7)
        // A lattice with equal reaches: circles meet on cell edges and at cell corners.
        let lattice = (0..<8).flatMap { column in (0..<8).map { row in LonLat(36.125 + Double(column) * 0.25, 35.125 + Double(row) * 0.25) } }
        let scattered = (0..<150).map { _ in LonLat(36 + generator.unit() * 2, 35 + generator.unit() * 2) }
        let reaches = scattered.map { _ in [6.0, 12, 25, 40][Int(generator.unit() * 4)] }
        // Two families: a city at the first site with six quarters, another at the tenth with three.
        var familySites = scattered, familyReaches = reaches, parents = scattered.map { _ -> Int? in nil }
        for (parent, count) in [(0, 6), (9, 3)] {
            for _ in 0..<count {
                familySites.append(LonLat(scattered[parent].lon + (generator.unit() - 0.5) * 0.08,
                                          scattered[parent].lat + (generator.unit() - 0.5) * 0.08))
                familyReaches.append(3)
                parents.append(parent)
            }
        }
        // Sites in the lake and in the bay hold ground only across the water; a family on a lattice point has its
        // quarters set square around the city, so their edges run through the city and its circle's vertices.
        let odd = [LonLat(36.75, 35.7), LonLat(37.12, 36.85), LonLat(36.62, 35.62)] + lattice
        let oddParents: [Int?] = odd.map { _ in nil } + [20, 20, 20, 20]
        let quarters = [(0.02, 0.0), (0.0, 0.02), (-0.02, 0.0), (0.0, -0.02)].map {
            LonLat(odd[20].lon + $0.0, odd[20].lat + $0.1)
        }
        let inLine = [LonLat(36.3, 35.5), LonLat(36.9, 35.5), LonLat(37.5, 35.5)]
        // Sites on a 0.05° grid, as coordinates rounded to two decimals fall: cell corners where four or more cells
        // meet, computed a rounding error apart; cell edges along the lake's shores; reach circles through corners.
        var gridSites = [LonLat](), seen = Set<LonLat>()
        for _ in 0..<220 {
            let site = LonLat((36 + generator.unit() * 2) * 20, (35 + generator.unit() * 2) * 20)
            let snapped = LonLat(site.lon.rounded() / 20, site.lat.rounded() / 20)
            if seen.insert(snapped).inserted { gridSites.append(snapped) }
        }
        let gridReaches = gridSites.map { _ in [5.0, 10, 20, 40][Int(generator.unit() * 4)] }
        let gridQuarters = (0..<4).map { _ in
            LonLat(gridSites[3].lon + (generator.unit() - 0.5) * 0.06, gridSites[3].lat + (generator.unit() - 0.5) * 0.06)
        }
        return [
            Case(name: "grid", sites: gridSites + gridQuarters, reachKm: gridReaches + [2.5, 2.5, 2.5, 2.5],
                 parents: gridSites.map { _ in nil } + [3, 3, 3, 3]),
            Case(name: "one site", sites: [LonLat(37, 36)], reachKm: [60], parents: [nil]),
            Case(name: "sites in a line", sites: inLine, reachKm: [40, 25, 80], parents: [nil, nil, nil]),
            Case(name: "edge cases", sites: odd + quarters, reachKm: odd.map { _ in 15 } + [2, 2, 2, 2],
                 parents: oddParents),
            Case(name: "lattice", sites: lattice, reachKm: lattice.map { _ in 15 }, parents: lattice.map { _ in nil }),
            Case(name: "scattered", sites: scattered, reachKm: reaches, parents: scattered.map { _ in nil }),
            Case(name: "families", sites: familySites, reachKm: familyReaches, parents: parents),
        ]
    }()

    /// Seeded configurations: a random count of sites, some snapped to a grid, random reaches, and a few families.
    static func seeded(_ seed: UInt64) -> Case {
        var generator = SplitMix(seed: seed)
        let count = 1 + Int(generator.unit() * 60)
        let snapped = generator.unit() < 0.4
        var sites = [LonLat](), seen = Set<LonLat>()
        while sites.count < count {
            var site = LonLat(35.9 + generator.unit() * 2.2, 34.9 + generator.unit() * 2.2)
            if snapped { site = LonLat((site.lon * 10).rounded() / 10, (site.lat * 10).rounded() / 10) }
            if seen.insert(site).inserted || !snapped { sites.append(site) }
        }
        var reaches = sites.map { _ in [5.0, 10, 18, 45][Int(generator.unit() * 4)] }
        var parents = sites.map { _ -> Int? in nil }
        for _ in 0..<Int(generator.unit() * 3) {
            let parent = Int(generator.unit() * Double(count))
            for _ in 0..<(2 + Int(generator.unit() * 4)) {
                sites.append(LonLat(sites[parent].lon + (generator.unit() - 0.5) * 0.1,
                                    sites[parent].lat + (generator.unit() - 0.5) * 0.1))
                reaches.append(3)
                parents.append(parent)
            }
        }
        return Case(name: "seed \(seed)", sites: sites, reachKm: reaches, parents: parents)
    }

    @Test(arguments: cases + (1...50).map { seeded($0) })
    func eachCellIsItsDefinition(_ example: Case) throws {
        try expectDefinition(example)
    }

    @Test(.tags(.long), .enabled(if: ProcessInfo.processInfo.environment["CONTROLMAP_LONG_TESTS"] != nil,
                                 "set CONTROLMAP_LONG_TESTS to run"),
          arguments: 51...3000 as ClosedRange<UInt64>)
    func manyMoreConfigurations(seed: UInt64) throws {
        try expectDefinition(Self.seeded(seed))
    }

    func expectDefinition(_ example: Case) throws {
        let tessellation = try Tessellation(sites: example.sites, reachKm: example.reachKm, parents: example.parents,
                                            region: region)
        let discs = example.sites.indices.map {
            MultiPolygon([Polygon.disc(centre: example.sites[$0], radiusKm: example.reachKm[$0])])
        }
        let squeeze = cos(region.envelope!.centre.lat * .pi / 180)
        // A site that repeats an earlier one within a rounding error stands for nothing.
        let standing = example.sites.indices.filter { site in
            let here = example.sites[site]
            return !example.sites[..<site].contains { abs($0.lon - here.lon) <= 1e-9 && abs($0.lat - here.lat) <= 1e-9 }
        }
        let topLevel = standing.filter { example.parents[$0] == nil }
        var expected = [MultiPolygon](repeating: MultiPolygon(), count: example.sites.count)
        for site in topLevel {
            let ground = try Self.nearer(site, than: topLevel, example.sites, squeeze: squeeze).intersection(with: region)
                .intersection(with: discs[site])
            let family = standing.filter { example.parents[$0] == site }
            var rest = ground
            for child in family {
                let part = try Self.nearer(child, than: [site] + family, example.sites, squeeze: squeeze)
                    .intersection(with: ground).intersection(with: discs[child])
                expected[child] = part
                rest = try rest.difference(part)
            }
            expected[site] = rest
        }
        for site in example.sites.indices {
            let (got, want) = (tessellation.cells[site], expected[site])
            let apart = try got.difference(want).planarArea + want.difference(got).planarArea
            #expect(apart < 1e-8, "\(example.name): site \(site) at \(example.sites[site]) is \(apart) deg² off its definition")
        }
        let covered = tessellation.cells.reduce(tessellation.unreached.planarArea) { $0 + $1.planarArea }
        #expect(abs(covered - region.planarArea) < 1e-7, "cells and unreached ground tile the region")
    }

    /// The points nearer `site` than every other of `among` on the ground, a degree of longitude taken as
    /// `squeeze` times a degree of latitude: a box cut by one half-plane per other site.
    static func nearer(_ site: Int, than among: [Int], _ sites: [LonLat], squeeze: Double) -> MultiPolygon {
        var ring = [LonLat(30, 30), LonLat(44, 30), LonLat(44, 42), LonLat(30, 42)]
        let s = sites[site]
        for other in among where other != site && sites[other] != s {
            let o = sites[other]
            // Keep p where (p - mid) · (o - s) <= 0.
            let mid = LonLat((s.lon + o.lon) / 2, (s.lat + o.lat) / 2)
            func side(_ p: LonLat) -> Double {
                (p.lon - mid.lon) * (o.lon - s.lon) * squeeze * squeeze + (p.lat - mid.lat) * (o.lat - s.lat)
            }
            var clipped = [LonLat]()
            for (k, a) in ring.enumerated() {
                let b = ring[(k + 1) % ring.count]
                let (da, db) = (side(a), side(b))
                if da <= 0 { clipped.append(a) }
                if (da < 0 && db > 0) || (da > 0 && db < 0) {
                    let t = da / (da - db)
                    clipped.append(LonLat(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)))
                }
            }
            ring = clipped
            if ring.count < 3 { return MultiPolygon() }
        }
        // Sites on one circle leave corners a rounding error apart, which GEOS may find invalid.
        return (try? MultiPolygon([Polygon(exterior: ring)]).madeValid()) ?? MultiPolygon([Polygon(exterior: ring)])
    }
}

extension MultiPolygon {
    /// Area in square degrees, holes subtracted: enough to compare two computations of one shape.
    var planarArea: Double {
        polygons.reduce(0) { total, polygon in
            total + abs(polygon.exterior.ringSignedArea) - polygon.holes.reduce(0) { $0 + abs($1.ringSignedArea) }
        }
    }
}

extension Tag {
    /// Runs of thousands of cases, left out unless asked for.
    @Tag static var long: Self
}

/// A small seeded generator, so that the scattered sites are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
