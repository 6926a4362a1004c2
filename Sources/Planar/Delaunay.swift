public import Geometry

/// A Delaunay triangulation of points in the plane, with each triangle linked to its neighbours.
///
/// Qhull computes the triangles. Its arithmetic has tolerances, so here every triangle is oriented with the exact
/// orientation test, every edge is checked with the exact in-circle test (and flipped where a neighbour's corner
/// lies inside the triangle's circle), and a point qhull could not tell from a neighbour is inserted into the
/// triangle that holds it: the result is exactly a Delaunay triangulation of all the points.
public struct Delaunay: Sendable {
    public let points: [LonLat]
    /// Three point indices per triangle, counter-clockwise. Half-edge `e` runs from `corners[e]` to
    /// `corners[Delaunay.next(e)]` with its triangle on the left.
    public private(set) var corners: [Int32]
    /// The half-edge running the other way in the neighbouring triangle; -1 on the convex hull.
    public private(set) var opposite: [Int32]

    public static func next(_ edge: Int) -> Int { edge % 3 == 2 ? edge - 2 : edge + 1 }

    /// Triangulates `points`, which must hold no exact repeats. Fewer than three points, or points all on one
    /// line, give no triangles.
    public init(points: [LonLat]) throws {
        self.points = points
        corners = try QhullDelaunay.triangles(of: points)
        opposite = []
        for t in 0..<(corners.count / 3) {
            let (a, b, c) = (points[Int(corners[3 * t])], points[Int(corners[3 * t + 1])], points[Int(corners[3 * t + 2])])
            let turn = Predicates.orient(a, b, c)
            guard turn != 0 else {
                throw GeometryError(operation: "Delaunay triangulation of \(points.count) points",
                                    message: "qhull gave a triangle of no area: \(a), \(b), \(c)")
            }
            if turn < 0 { corners.swapAt(3 * t + 1, 3 * t + 2) }
        }
        linkNeighbours()
        legalize(Array(corners.indices))
        var isCorner = [Bool](repeating: false, count: points.count)
        for corner in corners { isCorner[Int(corner)] = true }
        for point in points.indices where !isCorner[point] && !corners.isEmpty { try insert(point) }
    }

    /// Pairs each half-edge with its twin: half-edges are bucketed by their lower end, so each bucket holds the
    /// few edges round one point.
    private mutating func linkNeighbours() {
        opposite = [Int32](repeating: -1, count: corners.count)
        var first = [Int32](repeating: 0, count: points.count + 1)
        func low(_ e: Int) -> Int { Int(min(corners[e], corners[Delaunay.next(e)])) }
        for e in corners.indices { first[low(e) + 1] += 1 }
        for p in 0..<points.count { first[p + 1] += first[p] }
        var fill = first
        var bucket = [Int32](repeating: 0, count: corners.count)
        for e in corners.indices {
            bucket[Int(fill[low(e)])] = Int32(e)
            fill[low(e)] += 1
        }
        for p in 0..<points.count {
            let members = bucket[Int(first[p])..<Int(first[p + 1])]
            for e in members {
                let (from, to) = (corners[Int(e)], corners[Delaunay.next(Int(e))])
                if let twin = members.first(where: { corners[Int($0)] == to && corners[Delaunay.next(Int($0))] == from }) {
                    opposite[Int(e)] = twin
                }
            }
        }
    }

    /// Flips edges, starting from `edges`, until no triangle's circle holds the far corner of a neighbour.
    private mutating func legalize(_ edges: [Int]) {
        var stack = edges
        while let e = stack.popLast() {
            let f = Int(opposite[e])
            guard f >= 0 else { continue }
            let (e1, f1) = (Delaunay.next(e), Delaunay.next(f))
            let (e2, f2) = (Delaunay.next(e1), Delaunay.next(f1))
            let (a, b, c, d) = (corners[e], corners[e1], corners[e2], corners[f2])
            guard Predicates.inCircle(points[Int(a)], points[Int(b)], points[Int(c)], points[Int(d)]) > 0 else { continue }
            // Triangles a b c and b a d become c a d and d b c.
            let (outerCA, outerAD, outerDB, outerBC) = (opposite[e2], opposite[f1], opposite[f2], opposite[e1])
            (corners[e], corners[e1], corners[e2]) = (c, a, d)
            (corners[f], corners[f1], corners[f2]) = (d, b, c)
            link(e, outerCA)
            link(e1, outerAD)
            link(e2, Int32(f2))
            link(f, outerDB)
            link(f1, outerBC)
            stack += [e, e1, f, f1]
        }
    }

    private mutating func link(_ a: Int, _ b: Int32) {
        opposite[a] = b
        if b >= 0 { opposite[Int(b)] = Int32(a) }
    }

    /// Adds a point that is not yet a corner: the triangle holding it (or the two beside the edge it lies on) is
    /// split at it, and the edges round it are made legal.
    private mutating func insert(_ point: Int) throws {
        let p = points[point]
        var t = 0
        var steps = 0
        walk: while true {
            for e in (3 * t)..<(3 * t + 3) where Predicates.orient(points[Int(corners[e])],
                                                                    points[Int(corners[Delaunay.next(e)])], p) < 0 {
                guard opposite[e] >= 0 else {
                    throw GeometryError(operation: "Delaunay triangulation", message: "\(p) lies outside the hull")
                }
                t = Int(opposite[e]) / 3
                steps += 1
                precondition(steps <= corners.count, "the walk towards \(p) went round in a circle")
                continue walk
            }
            break
        }
        let onEdge = ((3 * t)..<(3 * t + 3)).first {
            Predicates.orient(points[Int(corners[$0])], points[Int(corners[Delaunay.next($0)])], p) == 0
        }
        if let e = onEdge { splitEdge(e, at: Int32(point)) } else { splitTriangle(t, at: Int32(point)) }
    }

    private mutating func addTriangle(_ a: Int32, _ b: Int32, _ c: Int32) -> Int {
        corners += [a, b, c]
        opposite += [-1, -1, -1]
        return corners.count - 3
    }

    /// Triangle a b c with `p` inside becomes a b p, b c p and c a p.
    private mutating func splitTriangle(_ t: Int, at p: Int32) {
        let (e0, e1, e2) = (3 * t, 3 * t + 1, 3 * t + 2)
        let (a, b, c) = (corners[e0], corners[e1], corners[e2])
        let (outerBC, outerCA) = (opposite[e1], opposite[e2])
        corners[e2] = p
        let u = addTriangle(b, c, p)
        let w = addTriangle(c, a, p)
        link(u, outerBC)
        link(w, outerCA)
        link(e1, Int32(u + 2))
        link(u + 1, Int32(w + 2))
        link(w + 1, Int32(e2))
        legalize([e0, u, w])
    }

    /// `p` on half-edge a → b of triangle a b c, whose twin b → a bounds triangle b a d: the two become c a p,
    /// c p b, d b p and d p a.
    private mutating func splitEdge(_ e: Int, at p: Int32) {
        let f = Int(opposite[e])
        precondition(f >= 0, "a point on the hull of the triangulation's enclosing corners")
        let (e1, f1) = (Delaunay.next(e), Delaunay.next(f))
        let (e2, f2) = (Delaunay.next(e1), Delaunay.next(f1))
        let (a, b, c, d) = (corners[e], corners[e1], corners[e2], corners[f2])
        let (outerBC, outerCA, outerAD, outerDB) = (opposite[e1], opposite[e2], opposite[f1], opposite[f2])
        (corners[e], corners[e1], corners[e2]) = (c, a, p)
        (corners[f], corners[f1], corners[f2]) = (d, b, p)
        let u = addTriangle(c, p, b)
        let v = addTriangle(d, p, a)
        link(e, outerCA)
        link(u + 2, outerBC)
        link(f, outerDB)
        link(v + 2, outerAD)
        link(e1, Int32(v + 1))
        link(e2, Int32(u))
        link(u + 1, Int32(f1))
        link(f2, Int32(v))
        legalize([e, u + 2, f, v + 2])
    }

    /// The centre of the circle through three points.
    public static func circumcentre(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> LonLat {
        let (dx, dy) = (b.lon - a.lon, b.lat - a.lat)
        let (ex, ey) = (c.lon - a.lon, c.lat - a.lat)
        let (bl, cl) = (dx * dx + dy * dy, ex * ex + ey * ey)
        let d = 0.5 / (dx * ey - dy * ex)
        return LonLat(a.lon + (ey * bl - dy * cl) * d, a.lat + (dx * cl - ex * bl) * d)
    }
}
