import Testing
import Geometry
@testable import Planar

/// The triangulation against its definition on the inputs that break floating point: every point a corner, every
/// triangle counter-clockwise and linked to its neighbours, no corner inside a neighbour's circle, and the
/// triangles filling the convex hull.
struct DelaunayTests {
    func expectDelaunay(_ points: [LonLat], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let triangulation = try Delaunay(points: points)
        let (corners, opposite) = (triangulation.corners, triangulation.opposite)
        #expect(Set(corners.map(Int.init)) == Set(points.indices), "every point is a corner",
                sourceLocation: sourceLocation)
        var area = 0.0
        for t in 0..<(corners.count / 3) {
            let (a, b, c) = (points[Int(corners[3 * t])], points[Int(corners[3 * t + 1])], points[Int(corners[3 * t + 2])])
            #expect(Predicates.orient(a, b, c) > 0, "triangle \(a) \(b) \(c) turns counter-clockwise",
                    sourceLocation: sourceLocation)
            area += Predicates.orient(a, b, c) / 2
        }
        for e in corners.indices where opposite[e] >= 0 {
            let f = Int(opposite[e])
            #expect(Int(opposite[f]) == e && corners[e] == corners[Delaunay.next(f)]
                    && corners[f] == corners[Delaunay.next(e)], "half-edge \(e) and its twin", sourceLocation: sourceLocation)
            let far = points[Int(corners[Delaunay.next(Delaunay.next(f))])]
            let (a, b, c) = (points[Int(corners[e])], points[Int(corners[Delaunay.next(e)])],
                             points[Int(corners[Delaunay.next(Delaunay.next(e))])])
            #expect(Predicates.inCircle(a, b, c, far) <= 0, "\(far) outside the circle of \(a) \(b) \(c)",
                    sourceLocation: sourceLocation)
        }
        let hull = Self.hullArea(points)
        #expect(abs(area - hull) <= 1e-9 * max(hull, 1), "the triangles fill the hull: \(area) of \(hull)",
                sourceLocation: sourceLocation)
    }

    /// The convex hull's area by the monotone chain.
    static func hullArea(_ points: [LonLat]) -> Double {
        let sorted = points.sorted { ($0.lon, $0.lat) < ($1.lon, $1.lat) }
        func chain(_ points: [LonLat]) -> [LonLat] {
            var chain = [LonLat]()
            for p in points {
                while chain.count >= 2 && Predicates.orient(chain[chain.count - 2], chain[chain.count - 1], p) <= 0 {
                    chain.removeLast()
                }
                chain.append(p)
            }
            return chain
        }
        let ring = chain(sorted).dropLast() + chain(sorted.reversed()).dropLast()
        let closed = Array(ring) + [ring.first!]
        return closed.ringSignedArea / 2
    }

    @Test func gridOfEqualSquares() throws {
        try expectDelaunay((0..<20).flatMap { x in (0..<20).map { y in LonLat(36 + Double(x) * 0.05, 35 + Double(y) * 0.05) } })
    }

    @Test func pointsOnOneCircle() throws {
        let circle = [(5.0, 0.0), (4, 3), (3, 4), (0, 5), (-3, 4), (-4, 3), (-5, 0), (-4, -3), (-3, -4), (0, -5),
                      (3, -4), (4, -3)].map { LonLat(37 + $0.0, 36 + $0.1) }
        try expectDelaunay(circle)
        try expectDelaunay(circle + [LonLat(37, 36)])
    }

    @Test func pointsOnOneLine() throws {
        let line = (0..<6).map { LonLat(36 + Double($0) * 0.125, 35 + Double($0) * 0.25) }
        #expect(try Delaunay(points: line).corners.isEmpty)
        try expectDelaunay(line + [LonLat(36.5, 35)])
    }

    @Test func nearDuplicates() throws {
        var generator = SplitMix(seed: 11)
        let base = (0..<200).map { _ in LonLat(36 + generator.unit() * 2, 35 + generator.unit() * 2) }
        let twins = base.prefix(40).map { LonLat($0.lon + 1e-11, $0.lat - 1e-11) }
        try expectDelaunay(base + twins + [LonLat(-60, -60), LonLat(140, -60), LonLat(140, 140), LonLat(-60, 140)])
    }

    @Test func sitesOneUlpApart() throws {
        let p = LonLat(36.7, 35.3)
        try expectDelaunay([p, LonLat(p.lon.nextUp, p.lat), LonLat(p.lon, p.lat.nextUp), LonLat(p.lon.nextDown, p.lat.nextDown),
                            LonLat(36, 35), LonLat(38, 35), LonLat(37, 37)])
    }

    @Test(arguments: [3, 50, 2000] as [UInt64])
    func scatteredPoints(count: UInt64) throws {
        var generator = SplitMix(seed: count)
        try expectDelaunay((0..<count).map { _ in LonLat(36 + generator.unit() * 3, 33 + generator.unit() * 4) })
    }

    @Test func predicatesDecideWhatRoundingCannot() {
        // Three points on one line whose floating-point turn rounds away from zero unless computed exactly.
        let a = LonLat(0.5, 0.5), b = LonLat(12, 12), c = LonLat(24, 24)
        for k in 0..<64 {
            let p = LonLat(0.5 + Double(k) * Double.ulpOfOne, 0.5)
            let exact = Predicates.orientExact(p, b, c)
            #expect(Predicates.orient(p, b, c).sign == exact.sign || exact == 0)
        }
        #expect(Predicates.orient(a, b, c) == 0)
        #expect(Predicates.inCircle(LonLat(5, 0), LonLat(0, 5), LonLat(-5, 0), LonLat(3, -4)) == 0)
        #expect(Predicates.inCircle(LonLat(5, 0), LonLat(0, 5), LonLat(-5, 0), LonLat(3, (-4.0).nextUp)) > 0)
        #expect(Predicates.inCircle(LonLat(5, 0), LonLat(0, 5), LonLat(-5, 0), LonLat(3, (-4.0).nextDown)) < 0)
    }
}
