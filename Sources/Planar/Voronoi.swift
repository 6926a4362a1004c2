import Geometry

/// The Voronoi diagram of a set of sites, from their Delaunay triangulation. Four far-off corner sites are added so
/// that every real cell is a closed convex polygon; the cells beside them reach well past `frame`, which the region's
/// outline then cuts. Vertices are shared: a corner common to three cells is one circumcentre, one id.
struct Voronoi {
    /// One edge between two cells, `left` lying to the left of `from` → `to`. Sites numbered from the site count on
    /// are the added corner sites.
    struct Edge {
        var from: Int32
        var to: Int32
        var left: Int32
        var right: Int32
    }

    /// The diagram's corners; edges and cells refer to them by index.
    let vertices: [LonLat]
    let edges: [Edge]
    /// Each site's cell as corner indices, counter-clockwise and open (the first not repeated); empty for a site
    /// that repeats an earlier position.
    let cells: [[Int32]]

    init(sites: [LonLat], frame: Envelope) throws {
        // Exact repeats would break the triangulation: the first of them stands for all, the others get no cell.
        var firstAt = [LonLat: Int]()
        var points = [LonLat](), pointOfSite = [Int](repeating: -1, count: sites.count), siteOfPoint = [Int]()
        for (site, position) in sites.enumerated() where firstAt[position] == nil {
            firstAt[position] = site
            pointOfSite[site] = points.count
            points.append(position)
            siteOfPoint.append(site)
        }
        // The corners lie far beyond the sites too, so that every site is inside them.
        let box = Envelope(covering: sites).map { frame.union($0) } ?? frame
        let span = max(box.maxLon - box.minLon, box.maxLat - box.minLat, 1)
        let centre = box.centre
        for (dx, dy) in [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)] {
            points.append(LonLat(centre.lon + dx * span * 8, centre.lat + dy * span * 8))
        }
        siteOfPoint += (0..<4).map { sites.count + $0 }

        let triangulation = try Delaunay(points: points)
        let corners = triangulation.corners, opposite = triangulation.opposite
        // Circumcentres, one vertex per position: cocircular sites give several triangles one centre, computed
        // for each a rounding error apart. Such triangles are neighbours across the sites' circle, so joining
        // neighbours whose centres lie within the snapping distance (each group to its lowest triangle) finds
        // them all, and no edge of the diagram is a rounding error long.
        let triangleCount = corners.count / 3
        let centres = (0..<triangleCount).map { t in
            Delaunay.circumcentre(points[Int(corners[3 * t])], points[Int(corners[3 * t + 1])],
                                  points[Int(corners[3 * t + 2])])
        }
        var groups = LowestGroups(count: triangleCount)
        for e in corners.indices {
            let across = Int(opposite[e])
            if across > e && Arrangement.near(centres[e / 3], centres[across / 3]) { groups.join(e / 3, across / 3) }
        }
        var vertices = [LonLat](), vertexOfTriangle = [Int32](repeating: -1, count: triangleCount)
        vertices.reserveCapacity(triangleCount)
        for t in 0..<triangleCount {
            let group = groups.group(of: t)
            if vertexOfTriangle[group] < 0 {
                vertexOfTriangle[group] = Int32(vertices.count)
                vertices.append(centres[group])
            }
            vertexOfTriangle[t] = vertexOfTriangle[group]
        }

        var edges = [Edge]()
        var incoming = [Int](repeating: -1, count: points.count)
        for e in corners.indices {
            incoming[Int(corners[Delaunay.next(e)])] = e
            let across = Int(opposite[e])
            guard across > e else { continue }
            let (u, v) = (vertexOfTriangle[e / 3], vertexOfTriangle[across / 3])
            guard u != v else { continue }
            let a = siteOfPoint[Int(corners[e])], b = siteOfPoint[Int(corners[across])]
            guard a < sites.count || b < sites.count else { continue }
            // The half-edge runs a → b with its triangle (whose centre is `u`) on the left.
            let (p, q, s) = (vertices[Int(u)], vertices[Int(v)], points[Int(corners[e])])
            let aOnLeft = Predicates.orient(p, q, s) > 0
            let edge = aOnLeft ? Edge(from: u, to: v, left: Int32(a), right: Int32(b))
                               : Edge(from: u, to: v, left: Int32(b), right: Int32(a))
            edges.append(edge)
        }

        var cells = [[Int32]](repeating: [], count: sites.count)
        for site in sites.indices where pointOfSite[site] >= 0 {
            let start = incoming[pointOfSite[site]]
            precondition(start >= 0, "site \(site) at \(sites[site]) is no corner of the triangulation")
            var ring = [Int32]()
            var e = start
            repeat {
                let vertex = vertexOfTriangle[e / 3]
                if ring.last != vertex { ring.append(vertex) }
                let out = Int(opposite[Delaunay.next(e)])
                // Only the added corners lie on the hull, and every real site is inside them.
                precondition(out >= 0, "site \(site) at \(sites[site]) lies on the hull of the frame \(frame)")
                e = out
            } while e != start
            if ring.count > 1 && ring.first == ring.last { ring.removeLast() }
            let closed = ring.map { vertices[Int($0)] } + (ring.first.map { [vertices[Int($0)]] } ?? [])
            cells[site] = closed.ringSignedArea < 0 ? ring.reversed() : ring
        }
        (self.vertices, self.edges, self.cells) = (vertices, edges, cells)
    }

    /// A cell as a closed ring of positions.
    func ring(of site: Int) -> [LonLat] {
        let cell = cells[site]
        guard let first = cell.first else { return [] }
        return cell.map { vertices[Int($0)] } + [vertices[Int(first)]]
    }
}
