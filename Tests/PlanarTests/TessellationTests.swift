import Testing
import Geometry
@testable import Planar

struct TessellationTests {
    let square = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 38, maxLat: 37))])
    let quadrantCentres = [LonLat(36.5, 35.5), LonLat(37.5, 35.5), LonLat(36.5, 36.5), LonLat(37.5, 36.5)]

    @Test func fourSymmetricSitesSplitASquareIntoItsQuadrants() throws {
        let tessellation = try Tessellation(sites: quadrantCentres, reachKm: [500, 500, 500, 500], region: square)
        for (site, cell) in zip(quadrantCentres, tessellation.cells) {
            let expected = Envelope(minLon: site.lon - 0.5, minLat: site.lat - 0.5, maxLon: site.lon + 0.5,
                                    maxLat: site.lat + 0.5)
            let box = try #require(cell.envelope)
            #expect(abs(box.minLon - expected.minLon) < 1e-9 && abs(box.maxLat - expected.maxLat) < 1e-9,
                    "the cell of \(site) is its quadrant, in site order")
        }
        #expect(tessellation.unreached.isEmpty)
    }

    @Test func cellsFormACleanCoverageOfTheRegion() throws {
        let sites = quadrantCentres + [LonLat(37.05, 36.02)]
        let tessellation = try Tessellation(sites: sites, reachKm: [60, 60, 60, 60, 15], region: square)
        let pieces = tessellation.cells + [tessellation.unreached]
        let union = try MultiPolygon.coverageUnion(pieces.filter { !$0.isEmpty })
        let summed = pieces.reduce(0) { $0 + Geodesic.areaKm2($1) }
        // Splitting an edge moves it from one geodesic to two, so areas agree to 1e-5, not exactly.
        #expect(abs(summed - Geodesic.areaKm2(square)) / Geodesic.areaKm2(square) < 1e-5, "no overlaps, no gaps")
        #expect(abs(Geodesic.areaKm2(union) - Geodesic.areaKm2(square)) / Geodesic.areaKm2(square) < 1e-5)
        #expect(try union.difference(square).isEmpty && square.difference(union).isEmpty)
        #expect(!tessellation.unreached.isEmpty, "60 km reaches leave the corners unreached")
    }

    @Test func withoutSitesTheWholeRegionIsUnreached() throws {
        let tessellation = try Tessellation(sites: [], reachKm: [], region: square)
        #expect(tessellation.cells.isEmpty)
        #expect(abs(Geodesic.areaKm2(tessellation.unreached) - Geodesic.areaKm2(square)) < 1e-6)
    }

    @Test func aRepeatedSiteGetsNoCell() throws {
        let sites = [LonLat(36.5, 35.5), LonLat(36.5, 35.5), LonLat(37.5, 36.5)]
        let tessellation = try Tessellation(sites: sites, reachKm: [500, 500, 500], region: square)
        #expect(!tessellation.cells[0].isEmpty)
        #expect(tessellation.cells[1].isEmpty)
    }

    @Test func eachPointOfACellIsNearestItsSiteInKilometres() throws {
        // Two places on the parallel of 36° N and two on the meridian of 36.5° E: in degrees the four cells would
        // meet on lines 45° from the axes; on the ground a degree of longitude is a fifth shorter there.
        let region = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35.5, maxLon: 37, maxLat: 36.5))])
        let sites = [LonLat(36.2, 36), LonLat(36.8, 36), LonLat(36.5, 35.6), LonLat(36.5, 36.4)]
        let tessellation = try Tessellation(sites: sites, reachKm: [500, 500, 500, 500], region: region)
        var degreesWouldDiffer = 0
        for column in 0..<40 {
            for row in 0..<40 {
                let point = LonLat(36.0125 + Double(column) * 0.025, 35.5125 + Double(row) * 0.025)
                let km = sites.map { Geodesic.distanceKm(point, $0) }
                let owner = try #require(tessellation.cells.firstIndex { cell in
                    cell.polygons.contains { $0.exterior.ringContains(point) }
                })
                #expect(km[owner] <= km.min()! * 1.002,
                        "\(point) lies in the cell of \(sites[owner]), \(km[owner]) km away, not the nearest's \(km.min()!) km")
                let inDegrees = sites.map { Tessellation.planarDistance($0, point) }
                let degrees = sites.indices.min { inDegrees[$0] < inDegrees[$1] }!
                if degrees != owner && km[degrees] > km[owner] * 1.01 { degreesWouldDiffer += 1 }
            }
        }
        #expect(degreesWouldDiffer > 20, "cells measured in degrees would have put \(degreesWouldDiffer) points elsewhere")
    }
}
