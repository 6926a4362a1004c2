import Foundation

/// A Delaunay triangulation of points in the plane (degrees), built by a radial sweep: points are added in order
/// of distance from a seed triangle, each joined to the hull edges it sees, then edges are flipped until every
/// triangle's circumcircle is empty. Its triangles' circumcentres are the Voronoi diagram's vertices, each
/// computed once, so the cells built from them share their corners exactly.
struct Delaunay {
    let points: [LonLat]
    /// Three point indices per triangle, counter-clockwise. Half-edge `e` runs from `corners[e]` to
    /// `corners[Delaunay.next(e)]` with its triangle on the left.
    private(set) var corners: [Int32] = []
    /// The half-edge running the other way in the neighbouring triangle; -1 on the convex hull.
    private(set) var opposite: [Int32] = []

    private var hullNext: [Int32]
    private var hullPrevious: [Int32]
    /// For a point on the hull, the half-edge of the hull edge leaving it.
    private var hullEdge: [Int32]
    private var hullHash: [Int32]
    private var hullStart: Int32 = 0
    private var sweepCentre = LonLat(0, 0)
    private var flipStack: [Int32] = []

    static func next(_ edge: Int) -> Int { edge % 3 == 2 ? edge - 2 : edge + 1 }

    /// Triangulates `points`, which must hold no exact repeats. Fewer than three points, or points all on one
    /// line, give no triangles.
    init(points: [LonLat]) {
        self.points = points
        let count = points.count
        hullNext = [Int32](repeating: 0, count: count)
        hullPrevious = [Int32](repeating: 0, count: count)
        hullEdge = [Int32](repeating: 0, count: count)
        hullHash = [Int32](repeating: -1, count: max(Int(Double(count).squareRoot().rounded(.up)), 1))
        guard count >= 3, let seed = seedTriangle() else { return }
        corners.reserveCapacity(max(2 * count - 5, 1) * 3)
        opposite.reserveCapacity(max(2 * count - 5, 1) * 3)
        sweep(from: seed)
    }

    /// A point near the middle, its nearest neighbour, and the point making the smallest circle with them,
    /// counter-clockwise; nil when every point lies on one line.
    private func seedTriangle() -> (Int, Int, Int)? {
        let box = Envelope(covering: points)!
        let middle = box.centre
        let first = points.indices.min { distance(points[$0], middle) < distance(points[$1], middle) }!
        let second = points.indices.filter { $0 != first }
            .min { distance(points[$0], points[first]) < distance(points[$1], points[first]) }!
        var third = -1
        var smallest = Double.infinity
        for index in points.indices where index != first && index != second {
            let radius = circumradiusSquared(points[first], points[second], points[index])
            if radius < smallest { (third, smallest) = (index, radius) }
        }
        guard third >= 0, smallest.isFinite else { return nil }
        return cross(points[first], points[second], points[third]) > 0 ? (first, second, third) : (first, third, second)
    }

    private mutating func sweep(from seed: (Int, Int, Int)) {
        let (a, b, c) = seed
        sweepCentre = Delaunay.circumcentre(points[a], points[b], points[c])
        let order = points.indices.map { ($0, distance(points[$0], sweepCentre)) }.sorted { $0.1 < $1.1 }.map(\.0)

        hullStart = Int32(a)
        (hullNext[a], hullNext[b], hullNext[c]) = (Int32(b), Int32(c), Int32(a))
        (hullPrevious[a], hullPrevious[b], hullPrevious[c]) = (Int32(c), Int32(a), Int32(b))
        (hullEdge[a], hullEdge[b], hullEdge[c]) = (0, 1, 2)
        for point in [a, b, c] { hash(point) }
        _ = addTriangle(a, b, c, -1, -1, -1)

        for point in order where point != a && point != b && point != c {
            insert(point)
        }
    }

    private mutating func insert(_ point: Int) {
        let p = points[point]
        // Some hull point near the new one in angle around the sweep centre; walk from there to an edge it sees.
        var start: Int32 = 0
        let key = hashKey(p)
        for step in 0..<hullHash.count {
            start = hullHash[(key + step) % hullHash.count]
            if start != -1 && start != hullNext[Int(start)] { break }
        }
        start = hullPrevious[Int(start)]
        var e = start
        while !sees(p, Int(e), Int(hullNext[Int(e)])) {
            e = hullNext[Int(e)]
            if e == start { return }  // sees no edge: a point on the hull's line, within rounding
        }
        let first = addTriangle(Int(e), point, Int(hullNext[Int(e)]), -1, -1, Int(hullEdge[Int(e)]))
        hullEdge[point] = legalize(first + 2)
        hullEdge[Int(e)] = Int32(first)

        // Walk forwards along the hull, joining every further edge the point sees.
        var n = hullNext[Int(e)]
        while sees(p, Int(n), Int(hullNext[Int(n)])) {
            let q = hullNext[Int(n)]
            let triangle = addTriangle(Int(n), point, Int(q), Int(hullEdge[point]), -1, Int(hullEdge[Int(n)]))
            hullEdge[point] = legalize(triangle + 2)
            hullNext[Int(n)] = n  // off the hull
            n = q
        }
        // And backwards, when the first visible edge was where the walk began.
        if e == start {
            while sees(p, Int(hullPrevious[Int(e)]), Int(e)) {
                let q = hullPrevious[Int(e)]
                let triangle = addTriangle(Int(q), point, Int(e), -1, Int(hullEdge[Int(e)]), Int(hullEdge[Int(q)]))
                _ = legalize(triangle + 2)
                hullEdge[Int(q)] = Int32(triangle)
                hullNext[Int(e)] = e
                e = q
            }
        }
        hullStart = e
        hullPrevious[point] = e
        hullNext[Int(e)] = Int32(point)
        hullPrevious[Int(n)] = Int32(point)
        hullNext[point] = n
        hash(point)
        hash(Int(e))
    }

    /// Whether `p` lies strictly outside the hull edge from `a` to `b` (on its right), beyond rounding error.
    private func sees(_ p: LonLat, _ a: Int, _ b: Int) -> Bool {
        let (u, v) = (points[a], points[b])
        let left = (u.lon - p.lon) * (v.lat - p.lat)
        let right = (u.lat - p.lat) * (v.lon - p.lon)
        let turn = left - right
        return turn < 0 && abs(turn) >= 3.3306690738754716e-16 * abs(left + right)
    }

    /// Flips edges from `edge` outwards until the triangles beside them meet the empty-circle rule; returns the
    /// half-edge that ends up where `edge`'s predecessor in its triangle was.
    private mutating func legalize(_ edge: Int) -> Int32 {
        var a = edge
        var result = 0
        flipStack.removeAll(keepingCapacity: true)
        while true {
            let b = Int(opposite[a])
            let a0 = a - a % 3
            result = a0 + (a + 2) % 3
            guard b >= 0 else {
                guard let popped = flipStack.popLast() else { break }
                a = Int(popped)
                continue
            }
            let b0 = b - b % 3
            let al = a0 + (a + 1) % 3
            let bl = b0 + (b + 2) % 3
            let p0 = Int(corners[result]), pr = Int(corners[a]), pl = Int(corners[al]), p1 = Int(corners[bl])
            if inCircle(points[p0], points[pr], points[pl], points[p1]) {
                corners[a] = Int32(p1)
                corners[b] = Int32(p0)
                let outerOfBL = Int(opposite[bl])
                if outerOfBL == -1 {
                    // The flipped edge was on the hull's far side: repoint the hull at it.
                    var e = hullStart
                    repeat {
                        if hullEdge[Int(e)] == Int32(bl) {
                            hullEdge[Int(e)] = Int32(a)
                            break
                        }
                        e = hullPrevious[Int(e)]
                    } while e != hullStart
                }
                link(a, outerOfBL)
                link(b, Int(opposite[result]))
                link(result, bl)
                flipStack.append(Int32(b0 + (b + 1) % 3))
            } else {
                guard let popped = flipStack.popLast() else { break }
                a = Int(popped)
            }
        }
        return Int32(result)
    }

    private mutating func link(_ a: Int, _ b: Int) {
        opposite[a] = Int32(b)
        if b >= 0 { opposite[b] = Int32(a) }
    }

    private mutating func addTriangle(_ i0: Int, _ i1: Int, _ i2: Int, _ a: Int, _ b: Int, _ c: Int) -> Int {
        let t = corners.count
        corners += [Int32(i0), Int32(i1), Int32(i2)]
        opposite += [-1, -1, -1]
        link(t, a)
        link(t + 1, b)
        link(t + 2, c)
        return t
    }

    private func hashKey(_ p: LonLat) -> Int {
        let dx = p.lon - sweepCentre.lon, dy = p.lat - sweepCentre.lat
        let denominator = abs(dx) + abs(dy)
        let ratio = denominator > 0 ? dx / denominator : 0
        let angle = (dy > 0 ? 3 - ratio : 1 + ratio) / 4  // a monotone stand-in for the angle, in [0, 1]
        return Int(floor(angle * Double(hullHash.count))) % hullHash.count
    }

    private mutating func hash(_ point: Int) {
        hullHash[hashKey(points[point])] = Int32(point)
    }

    // MARK: Predicates

    private func distance(_ a: LonLat, _ b: LonLat) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
    }

    private func cross(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon)
    }

    /// Whether `p` lies inside the circle through the counter-clockwise triangle `a`, `b`, `c`.
    private func inCircle(_ a: LonLat, _ b: LonLat, _ c: LonLat, _ p: LonLat) -> Bool {
        let (dx, dy) = (a.lon - p.lon, a.lat - p.lat)
        let (ex, ey) = (b.lon - p.lon, b.lat - p.lat)
        let (fx, fy) = (c.lon - p.lon, c.lat - p.lat)
        let (ap, bp, cp) = (dx * dx + dy * dy, ex * ex + ey * ey, fx * fx + fy * fy)
        return dx * (ey * cp - bp * fy) - dy * (ex * cp - bp * fx) + ap * (ex * fy - ey * fx) > 0
    }

    private func circumradiusSquared(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        let centre = Delaunay.circumcentre(a, b, c)
        let radius = distance(centre, a)
        return radius.isNaN ? .infinity : radius
    }

    static func circumcentre(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> LonLat {
        let (dx, dy) = (b.lon - a.lon, b.lat - a.lat)
        let (ex, ey) = (c.lon - a.lon, c.lat - a.lat)
        let (bl, cl) = (dx * dx + dy * dy, ex * ex + ey * ey)
        let d = 0.5 / (dx * ey - dy * ex)
        return LonLat(a.lon + (ey * bl - dy * cl) * d, a.lat + (dx * cl - ex * bl) * d)
    }
}
