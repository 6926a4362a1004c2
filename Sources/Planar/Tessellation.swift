import Foundation
public import Geometry

/// Voronoi cells of sites, clipped to a region and to each site's reach, forming a clean coverage:
/// shared edges carry the same vertices, so unions of cells are found by dropping the edges they share.
///
/// The cells are those of ground distance: they are computed in a local plane where a degree of longitude is as
/// long as it is on the ground at the region's middle latitude (`LocalPlane`), and brought back to degrees.
///
/// INVARIANTS
/// - Snapping: positions within `Arrangement.snapDistance` (1e-9 of a degree of latitude) are one vertex, sites
///   that close are one site, and a vertex that close to a segment is put on it. Nothing else is rounded: every
///   turn and in-circle decision is exact (`Predicates`).
/// - Labels: every segment of the arrangement carries what lies on its two sides (`Boundary`); pieces inherit
///   their segment's label, and coinciding pieces keep all labels. A face's holder is read from its edges' labels,
///   and a point is asked only what no label says.
/// - Coverage: the cells and `unreached` tile the region with no gap or overlap, and neighbours carry identical
///   vertices along their common edges, so unions are walks that drop shared edges (`HalfEdgeMap.unions`).
public struct Tessellation: Hashable, Sendable {
    /// `cells[i]` belongs to site `i`; empty when the site repeats an earlier position or lies outside the region.
    public var cells: [MultiPolygon]
    /// The part of the region that no site reaches.
    public var unreached: MultiPolygon

    public init(cells: [MultiPolygon], unreached: MultiPolygon) {
        self.cells = cells
        self.unreached = unreached
    }

    /// Tessellates `region` among `sites`, each cell cut to a disc of `reachKm[i]` around its site.
    /// A site with a parent (`parents[i]`, the index of another site) shares out its parent's cell with its
    /// siblings instead of competing with the parent's neighbours: a city keeps its countryside, and its
    /// neighbourhoods divide the city's own ground.
    ///
    /// Cells that no cutting line (the region's outline, a reach circle that cuts a cell, a family's own Voronoi
    /// edges) comes near are kept as the diagram drew them. The other cells' edges are cut with the cutting lines
    /// into a planar arrangement, and each of its faces goes to the site that holds its ground; each site's faces
    /// are then merged by dropping the edges between them.
    public init(sites: [LonLat], reachKm: [Double], parents: [Int?]? = nil, region: MultiPolygon) throws {
        precondition(sites.count == reachKm.count, "one reach per site")
        guard let regionBox = region.envelope else {
            self.init(cells: sites.map { _ in MultiPolygon() }, unreached: MultiPolygon())
            return
        }
        let plane = LocalPlane(middleLatitude: regionBox.centre.lat, meridian: regionBox.centre.lon)
        let discs = Reaches(sites: sites, reachKm: reachKm, plane: plane)
        let cut = try Tessellation(planeSites: sites.map(plane.forward), discs: discs, parents: parents,
                                   region: plane.forward(region))
        self.init(cells: cut.cells.map(plane.backward), unreached: plane.backward(cut.unreached))
    }

    /// The cutting itself, in the local plane.
    private init(planeSites sites: [LonLat], discs: Reaches, parents: [Int?]?, region: MultiPolygon) throws {
        let regionBox = region.envelope!
        // The diagram's frame holds the sites too: a far-off site must not fall outside its added corners.
        let frame = (sites.isEmpty ? regionBox : regionBox.union(Envelope(covering: sites)!)).expanded(byDegrees: 1)
        // Sites a rounding error apart are one (the first stands for the others, which get no cell), and a
        // child whose parent is such a repeat belongs to the site standing for it.
        let repeats = Arrangement.nearGroups(sites, from: 0)
        var parents = parents ?? sites.map { _ in nil }
        for site in sites.indices {
            guard let parent = parents[site] else { continue }
            let standing = repeats[Int32(parent)].map(Int.init) ?? parent
            parents[site] = parents[standing] ?? standing
        }
        let kept = sites.indices.filter { repeats[Int32($0)] == nil }
        let topLevel = kept.filter { parents[$0] == nil }
        let families = Dictionary(grouping: kept.filter { parents[$0] != nil }, by: { parents[$0]! })
        let diagram = try Voronoi(sites: topLevel.map { sites[$0] }, frame: frame)
        var lines = Linework(vertices: diagram.vertices)

        // Sites whose reach ends inside their cell: the disc's circle must cut it.
        var circled = Set<Int>()
        for (k, site) in topLevel.enumerated() where !diagram.cells[k].isEmpty {
            if !diagram.cells[k].allSatisfy({ discs.contains(site, diagram.vertices[Int($0)]) }) { circled.insert(site) }
        }
        for polygon in region.polygons {
            for (number, ring) in ([polygon.exterior] + polygon.holes).enumerated() {
                // Shells counter-clockwise and holes clockwise put the region on the outline's left.
                lines.addRing((ring.ringSignedArea > 0) == (number == 0) ? ring : ring.reversed(), as: .outline)
            }
        }
        for (parent, children) in families.sorted(by: { $0.key < $1.key }) {
            try lines.addFamilyEdges(of: [parent] + children, sites: sites, within: Envelope(covering: discs.ring(parent))!)
        }
        let cellOf = Dictionary(uniqueKeysWithValues: topLevel.indices.filter { !diagram.cells[$0].isEmpty }
            .map { (topLevel[$0], $0) })
        // A circle matters only inside the cell of its site's top-level site (a child's ground lies in its parent's
        // cell): the arcs outside it would only cut other cells' ground into faces that go back to their owners.
        // A cell whose circle leaves it shares the points where it does with its neighbours, which are cut too.
        var crossingBorders = Set<Int>()
        for site in circled.union(families.values.joined()).sorted() where cellOf[site] != nil || parents[site] != nil {
            let ring = discs.ring(site)
            guard let cell = cellOf[parents[site] ?? site] else {
                lines.addRing(ring, as: .circle(site: site))
                continue
            }
            switch Self.clip(ring: ring, to: diagram.ring(of: cell)) {
            case .whole: lines.addRing(ring, as: .circle(site: site))
            case .arcs(let arcs):
                for arc in arcs { lines.addPath(arc, as: .circle(site: site)) }
                crossingBorders.insert(parents[site] ?? site)
            }
        }

        // A cell that no cutter comes near is final as the diagram drew it; only the others are cut.
        let cutterIndex = SegmentIndex(lines.segmentEnds)
        var dirty = circled.union(families.keys)
        for edge in diagram.edges where Int(edge.left) < topLevel.count && Int(edge.right) < topLevel.count {
            let (left, right) = (topLevel[Int(edge.left)], topLevel[Int(edge.right)])
            if crossingBorders.contains(left) { dirty.insert(right) }
            if crossingBorders.contains(right) { dirty.insert(left) }
        }
        for (k, site) in topLevel.enumerated() where !dirty.contains(site) && !diagram.cells[k].isEmpty {
            if cutterIndex.touches(Envelope(covering: diagram.cells[k].map { diagram.vertices[Int($0)] })!) {
                dirty.insert(site)
            }
        }
        for edge in diagram.edges {
            let (left, right) = (Int(edge.left), Int(edge.right))
            let leftSite = left < topLevel.count ? topLevel[left] : -1
            let rightSite = right < topLevel.count ? topLevel[right] : -1
            guard dirty.contains(leftSite) || dirty.contains(rightSite) else { continue }
            lines.addVoronoiEdge(from: edge.from, to: edge.to, left: leftSite, right: rightSite)
        }

        let arrangement = Arrangement(vertices: lines.vertices, segments: lines.segments)
        let holders = FaceHolders(sites: sites, topLevel: topLevel, families: families, discs: discs,
                                  circled: circled, dirty: dirty, region: region)
        let group = holders.groups(of: arrangement, labels: lines.labels, unreached: sites.count)
        var pieces = arrangement.unions(group: group, groupCount: sites.count + 1)
        let unreached = pieces.removeLast()
        let regionIndex = RegionIndex(region)
        for (k, site) in topLevel.enumerated() where !dirty.contains(site) && !diagram.cells[k].isEmpty {
            if regionIndex.contains(sites[site]) { pieces[site] = MultiPolygon([Polygon(exterior: diagram.ring(of: k))]) }
        }
        self.init(cells: pieces, unreached: unreached)
    }

    /// A closed ring cut to a convex cell (both counter-clockwise): the whole ring when it lies inside, otherwise
    /// the runs of it inside, each from the point where it enters the cell to the point where it leaves
    /// (Cyrus–Beck, one segment at a time).
    enum Clipped: Equatable {
        case whole
        case arcs([[LonLat]])
    }

    static func clip(ring: [LonLat], to cell: [LonLat]) -> Clipped {
        var arcs = [[LonLat]](), current = [LonLat]()
        var allInside = true, firstStartsInside = false
        for (index, (p, q)) in zip(ring, ring.dropFirst()).enumerated() {
            var (enter, leave) = (0.0, 1.0)
            for (a, b) in zip(cell, cell.dropFirst()) {
                // f(t) = cross(b - a, p + t(q - p) - a) ≥ 0 inside.
                let (ex, ey) = (b.lon - a.lon, b.lat - a.lat)
                let start = ex * (p.lat - a.lat) - ey * (p.lon - a.lon)
                let slope = ex * (q.lat - p.lat) - ey * (q.lon - p.lon)
                if slope == 0 {
                    if start < 0 { (enter, leave) = (1, 0) }
                } else if slope > 0 {
                    enter = max(enter, -start / slope)
                } else {
                    leave = min(leave, -start / slope)
                }
                if enter >= leave { break }
            }
            guard enter < leave else {
                allInside = false
                if !current.isEmpty { arcs.append(current); current = [] }
                continue
            }
            func at(_ t: Double) -> LonLat {
                t <= 0 ? p : t >= 1 ? q : LonLat(p.lon + t * (q.lon - p.lon), p.lat + t * (q.lat - p.lat))
            }
            if index == 0 { firstStartsInside = enter == 0 }
            if enter > 0 {
                allInside = false
                if !current.isEmpty { arcs.append(current) }
                current = [at(enter)]
            } else if current.isEmpty {
                current = [p]
            }
            current.append(at(leave))
            if leave < 1 {
                allInside = false
                arcs.append(current)
                current = []
            }
        }
        if allInside { return .whole }
        if !current.isEmpty {
            // The run going on past the ring's closing point continues the first run.
            if firstStartsInside, !arcs.isEmpty, arcs[0].first == current.last {
                arcs[0] = current + arcs[0].dropFirst()
            } else {
                arcs.append(current)
            }
        }
        return .arcs(arcs.filter { $0.count >= 2 })
    }

    /// Squared distance in the local plane: the measure the Voronoi diagram is built on.
    static func planarDistance(_ a: LonLat, _ b: LonLat) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
    }
}

/// An affine map from degrees to a local plane where distances are in proportion to ground distances: longitude
/// offsets from a meridian are shrunk by the cosine of a middle latitude, latitude is kept, so a unit is a degree
/// of latitude (`Geodesic.kmPerDegree` km) in both directions. Straight lines stay straight both ways, so a cell
/// cut with straight edges in the plane has straight edges in degrees.
struct LocalPlane {
    let meridian: Double
    let scale: Double

    init(middleLatitude: Double, meridian: Double) {
        self.meridian = meridian
        scale = cos(middleLatitude * .pi / 180)
    }

    func forward(_ point: LonLat) -> LonLat {
        LonLat(meridian + (point.lon - meridian) * scale, point.lat)
    }

    func backward(_ point: LonLat) -> LonLat {
        LonLat(meridian + (point.lon - meridian) / scale, point.lat)
    }

    func forward(_ area: MultiPolygon) -> MultiPolygon { map(area, forward) }

    func backward(_ area: MultiPolygon) -> MultiPolygon { map(area, backward) }

    private func map(_ area: MultiPolygon, _ transform: (LonLat) -> LonLat) -> MultiPolygon {
        MultiPolygon(area.polygons.map { polygon in
            Polygon(exterior: polygon.exterior.map(transform), holes: polygon.holes.map { $0.map(transform) })
        })
    }
}
