import Testing
import Geometry
@testable import Planar

/// Inputs on the edge of what floating point decides: each once lost ground or gave an invalid ring.
struct TessellationEdgeCaseTests {
    let square = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 38, maxLat: 37))])

    /// The cells and the unreached ground together cover the region, none of them invalid.
    func expectTiles(_ tessellation: Tessellation, _ region: MultiPolygon,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let covered = tessellation.cells.reduce(tessellation.unreached.planarArea) { $0 + $1.planarArea }
        #expect(abs(covered - region.planarArea) < 1e-9, "covered \(covered) deg² of \(region.planarArea)",
                sourceLocation: sourceLocation)
        for area in tessellation.cells + [tessellation.unreached] where !area.isEmpty {
            #expect(try area.invalidityReason() == nil, sourceLocation: sourceLocation)
        }
    }

    @Test func aCellEdgeARoundingErrorFromTheBorderLosesNoGround() throws {
        // The cell edge between the first two sites runs at 36.99999999999999, along the border at 37.
        let sites = [LonLat(36.85, 37.05), LonLat(36.85, 36.949999999999996), LonLat(36.95, 35.45)]
        try expectTiles(try Tessellation(sites: sites, reachKm: [11.132, 5.566, 5], region: square), square)
    }

    @Test func sitesARoundingErrorApartAreOne() throws {
        let sites = [LonLat(37, 36), LonLat(37.0.nextUp, 36), LonLat(36.5, 35.5), LonLat(37.5, 36.6)]
        let tessellation = try Tessellation(sites: sites, reachKm: [500, 500, 500, 500], region: square)
        #expect(!tessellation.cells[0].isEmpty && tessellation.cells[1].isEmpty)
        try expectTiles(tessellation, square)
    }

    @Test func aSiteFarOutsideTheRegionStillReachesIt() throws {
        let tessellation = try Tessellation(sites: [LonLat(80, 36)], reachKm: [20_000], region: square)
        #expect(abs(tessellation.cells[0].planarArea - square.planarArea) < 1e-9)
        try expectTiles(tessellation, square)
    }

    @Test func aReachCircleTouchingTheBorderGivesValidRings() throws {
        // The first site's 5.566 km circle touches the border at 37 from inside.
        let sites = [LonLat(36.5, 36.95), LonLat(37.5, 35.5)]
        try expectTiles(try Tessellation(sites: sites, reachKm: [5.566, 500], region: square), square)
    }

    @Test func twoRegionPolygonsSharingAnEdgeAreBothCovered() throws {
        let region = MultiPolygon([
            Polygon(exterior: [LonLat(37, 35), LonLat(37, 37), LonLat(36, 37), LonLat(36, 35)]),
            .rectangle(Envelope(minLon: 37, minLat: 35, maxLon: 38, maxLat: 37)),
        ])
        let tessellation = try Tessellation(sites: [LonLat(37, 36)], reachKm: [500], region: region)
        #expect(abs(tessellation.cells[0].planarArea - region.planarArea) < 1e-9, "both halves are the site's")
    }

    @Test func aCrossingOnABucketBorderIsFoundOnce() {
        // A short steep segment crossing a long one within a rounding error of the grid line at lon 4, with
        // fillers that make the west bucket sort its segments: both must be cut at one shared vertex.
        var generator = SplitMix(seed: 3)
        var missed = 0
        for _ in 0..<3_000 {
            let y0 = 4.6 + generator.unit() * 0.8
            let delta = 1e-5 * (0.5 + generator.unit()), steep = 1 + generator.unit() * 5
            let slope = (generator.unit() - 0.5) * 0.2
            var vertices = [LonLat(0, 0), LonLat(0.001, 0), LonLat(10, 10), LonLat(9.999, 10),
                            LonLat(4 - delta, y0 - steep * delta), LonLat(4 + delta, y0 + steep * delta),
                            LonLat(2.1, y0 - slope * 1.9), LonLat(5, y0 + slope)]
            var segments: [Arrangement.Segment] = [.init(from: 0, to: 1, label: 0), .init(from: 2, to: 3, label: 0),
                                                   .init(from: 4, to: 5, label: 1), .init(from: 6, to: 7, label: 2)]
            for k in 0..<21 {
                let x = k < 9 ? 2.2 + 0.1 * Double(k) : 8.5
                let y = k < 9 ? 4.2 : 0.5 * Double(k - 8)
                vertices += [LonLat(x, y), LonLat(x + 0.05, y)]
                segments.append(.init(from: Int32(vertices.count - 2), to: Int32(vertices.count - 1), label: 0))
            }
            let arrangement = Arrangement(vertices: vertices, segments: segments)
            if arrangement.pieces.filter({ $0.label != 0 }).count != 4 { missed += 1 }
        }
        #expect(missed == 0, "\(missed) crossings missed or cut twice")
    }
}
