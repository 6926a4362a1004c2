import Geometry
import Testing
@testable import Planar

/// Layers of polygons cut into one map: each face must know its polygon in every layer, unions must be the
/// overlay GEOS computes, areas the geodesic areas of those shapes.
struct OverlayTests {
    func square(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> MultiPolygon {
        MultiPolygon([.rectangle(Envelope(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat))])
    }

    /// Faces grouped by their polygons in every layer, each group's union and area.
    func pieces(_ overlay: Overlay) -> [[Int]: (area: MultiPolygon, km2: Double)] {
        var groupOf = [[Int]: Int32](), keys = [[Int]]()
        let faceGroup = (0..<overlay.faceCount).map { face -> Int32 in
            let key = (0..<overlay.layerCount).map { overlay.member(face: face, layer: $0) }
            guard key.contains(where: { $0 >= 0 }) else { return -1 }
            if let group = groupOf[key] { return group }
            groupOf[key] = Int32(keys.count)
            keys.append(key)
            return Int32(keys.count - 1)
        }
        let areas = overlay.unions(faceGroup: faceGroup, groupCount: keys.count)
        let km2 = overlay.areasKm2(faceGroup: faceGroup, groupCount: keys.count)
        return Dictionary(uniqueKeysWithValues: keys.indices.map { (keys[$0], (areas[$0], km2[$0])) })
    }

    func expectSameShape(_ traced: MultiPolygon?, _ expected: MultiPolygon, _ what: String) throws {
        let traced = try #require(traced, "\(what) is traced")
        #expect(try traced.invalidityReason() == nil, "\(what) is a valid shape")
        let apart = try traced.difference(expected).union(with: try expected.difference(traced))
        #expect(Geodesic.areaKm2(apart) < 1e-6, "\(what) differs from GEOS's by \(Geodesic.areaKm2(apart)) km²")
    }

    @Test func twoPartitionsCrossedGiveEveryPairOfPolygons() throws {
        let west = square(36, 35, 36.5, 36), east = square(36.5, 35, 37, 36)
        let south = square(35.8, 34.8, 37.2, 35.4), north = square(35.8, 35.4, 37.2, 36.2)
        let overlay = Overlay(layers: [[west, east], [south, north]])
        let found = pieces(overlay)
        for (a, first) in [west, east].enumerated() {
            for (b, second) in [south, north].enumerated() {
                let expected = try first.intersection(with: second)
                let piece = found[[a, b]]
                try expectSameShape(piece?.area, expected, "layer 0 polygon \(a) with layer 1 polygon \(b)")
                #expect(abs((piece?.km2 ?? 0) - Geodesic.areaKm2(expected)) < 1e-6 * Geodesic.areaKm2(expected))
            }
        }
        // Layer 1 reaches beyond layer 0 on every side: that ground lies in no polygon of layer 0.
        let beyond = try square(35.8, 34.8, 37.2, 36.2).difference(square(36, 35, 37, 36))
        let outside = try MultiPolygon.unionAll([found[[-1, 0]]?.area, found[[-1, 1]]?.area].compactMap { $0 })
        try expectSameShape(outside, beyond, "layer 1 outside layer 0")
    }

    @Test func anIslandTouchingNothingIsPlacedByAPoint() throws {
        // The small square lies inside the big one without touching it, and in no polygon of layer 0's edges: its
        // outside is placed by a point, not by an edge.
        let big = square(36, 35, 37, 36), small = square(36.4, 35.4, 36.6, 35.6), other = square(37, 35, 37.5, 36)
        let overlay = Overlay(layers: [[big, other], [small]])
        let found = pieces(overlay)
        try expectSameShape(found[[0, 0]]?.area, small, "the island")
        try expectSameShape(found[[0, -1]]?.area, try big.difference(small), "the big square round the island")
        try expectSameShape(found[[1, -1]]?.area, other, "the neighbour")
        let ring = try #require(found[[0, -1]])
        #expect(abs(ring.km2 - Geodesic.areaKm2(try big.difference(small))) < 1e-6 * ring.km2)
    }

    @Test func knownAreasStandForPolygonsNothingCuts() throws {
        let a = square(36, 35, 36.5, 36), b = square(36.5, 35, 37, 36), cutter = square(36.6, 35.2, 36.8, 35.4)
        let measured = Overlay(layers: [[a, b], [cutter]])
        let known = Overlay(layers: [[a, b], [cutter]], knownAreasKm2: [1000, 2000])
        let group: [Int32] = (0..<known.faceCount).map { face in Int32(known.member(face: face, layer: 0)) }
        let areas = known.areasKm2(faceGroup: group, groupCount: 2)
        #expect(areas[0] == 1000, "an uncut polygon's area is the one given")
        #expect(abs(areas[1] - Geodesic.areaKm2(b)) < 1e-6 * areas[1], "a cut polygon is measured")
        let plain = measured.areasKm2(faceGroup: (0..<measured.faceCount).map {
            Int32(measured.member(face: $0, layer: 0))
        }, groupCount: 2)
        #expect(abs(plain[0] - Geodesic.areaKm2(a)) < 1e-6 * plain[0])
    }

    @Test func aSliverGoesToTheGroupItSharesMostBoundaryWith() throws {
        // A strip 5e-5° wide and 0.05° long (2.5e-6 square degrees) along the edge between two squares, inside
        // the left one, in a layer of its own: it borders the left square on three sides, the right on one.
        let left = square(36, 35, 36.5, 36), right = square(36.5, 35, 37, 36)
        let strip = square(36.49995, 35.5, 36.5, 35.55)
        let overlay = Overlay(layers: [[left, right], [strip]])
        let group = (0..<overlay.faceCount).map { face -> Int32 in
            guard overlay.member(face: face, layer: 0) >= 0 else { return -1 }
            return overlay.member(face: face, layer: 1) >= 0 ? 2 : Int32(overlay.member(face: face, layer: 0))
        }
        #expect(group.contains(2))
        let absorbed = overlay.absorbingSlivers(group, minimumArea: 5e-6)
        #expect(!absorbed.contains(2), "the strip of 2.5e-6 square degrees is absorbed")
        let zones = overlay.unions(faceGroup: absorbed, groupCount: 3)
        try expectSameShape(zones[0], left, "the square the strip lay in")
        #expect(overlay.absorbingSlivers(group, minimumArea: 1e-6) == group, "above the threshold it stays")
    }
}
