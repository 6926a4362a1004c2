import Foundation

/// Voronoi cells of sites, clipped to a region and to each site's reach, forming a clean coverage:
/// shared edges carry the same vertices, so unions of cells are found by dropping the edges they share.
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
        let discs = Reaches(sites: sites, reachKm: reachKm)
        let diagram = Voronoi(sites: topLevel.map { sites[$0] }, frame: frame)
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
            lines.addFamilyEdges(of: [parent] + children, sites: sites, within: Envelope(covering: discs.ring(parent))!)
        }
        let ownCells = Set(topLevel.indices.filter { !diagram.cells[$0].isEmpty }.map { topLevel[$0] })
        for site in circled.union(families.values.joined()).sorted() where ownCells.contains(site) || parents[site] != nil {
            lines.addRing(discs.ring(site), as: .circle(site: site))
        }

        // A cell that no cutter comes near is final as the diagram drew it; only the others are cut.
        let cutterIndex = SegmentIndex(lines.segmentEnds)
        var dirty = circled.union(families.keys)
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

    /// Squared distance in degrees: the measure the Voronoi diagram is built on.
    static func planarDistance(_ a: LonLat, _ b: LonLat) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
    }
}

/// What a segment of the arrangement is, which says what lies on its left and right.
enum Boundary {
    /// A side of the top-level diagram; -1 for an added corner site.
    case voronoi(left: Int, right: Int)
    /// The region's outline, the region on its left.
    case outline
    /// A site's reach circle, counter-clockwise: the disc on its left.
    case circle(site: Int)
    /// An edge between two members of a family, as their own Voronoi diagram draws it.
    case family(left: Int, right: Int)

    var isOutline: Bool {
        if case .outline = self { true } else { false }
    }
}

/// The segments to be cut into faces, with their vertices and labels.
private struct Linework {
    var vertices: [LonLat]
    var segments: [Arrangement.Segment] = []
    var labels: [Boundary] = []
    /// Every segment but the diagram's edges, as position pairs: what makes a cell need cutting.
    var segmentEnds: [[LonLat]] = []

    init(vertices: [LonLat]) {
        self.vertices = vertices
    }

    private mutating func add(_ point: LonLat) -> Int32 {
        vertices.append(point)
        return Int32(vertices.count - 1)
    }

    private mutating func label(_ boundary: Boundary) -> Int32 {
        labels.append(boundary)
        return Int32(labels.count - 1)
    }

    /// A ring, closed or not; a ring's closing position is its first vertex again, so the ring is one cycle.
    mutating func addRing(_ ring: [LonLat], as boundary: Boundary) {
        var open = ring[...]
        while open.count > 1 && open.last == open.first { open = open.dropLast() }
        guard open.count >= 3 else { return }
        let label = label(boundary)
        let first = add(open[open.startIndex])
        var previous = first
        for point in open.dropFirst() {
            let current = add(point)
            segments.append(.init(from: previous, to: current, label: label))
            previous = current
        }
        segments.append(.init(from: previous, to: first, label: label))
        segmentEnds.append(ring)
    }

    mutating func addVoronoiEdge(from: Int32, to: Int32, left: Int, right: Int) {
        segments.append(.init(from: from, to: to, label: label(.voronoi(left: left, right: right))))
    }

    /// The Voronoi edges among a parent and its children, cut to a box around the parent's reach; ends left
    /// loose inside other cells merge away with the faces on both sides of them.
    mutating func addFamilyEdges(of family: [Int], sites: [LonLat], within box: Envelope) {
        let diagram = Voronoi(sites: family.map { sites[$0] }, frame: box)
        let offset = Int32(vertices.count)
        vertices += diagram.vertices
        let box = box.expanded(byDegrees: 0.01)
        for edge in diagram.edges where Int(edge.left) < family.count && Int(edge.right) < family.count {
            let (a, b) = (diagram.vertices[Int(edge.from)], diagram.vertices[Int(edge.to)])
            guard let (start, end) = Self.clip(a, b, to: box) else { continue }
            let from = start == a ? edge.from + offset : add(start)
            let to = end == b ? edge.to + offset : add(end)
            segments.append(.init(from: from, to: to, label: label(.family(left: family[Int(edge.left)],
                                                                           right: family[Int(edge.right)]))))
            segmentEnds.append([start, end])
        }
    }

    /// The part of a segment inside a box (Liang–Barsky); nil when none is.
    static func clip(_ a: LonLat, _ b: LonLat, to box: Envelope) -> (LonLat, LonLat)? {
        let (dx, dy) = (b.lon - a.lon, b.lat - a.lat)
        var (enter, leave) = (0.0, 1.0)
        for (p, q) in [(-dx, a.lon - box.minLon), (dx, box.maxLon - a.lon), (-dy, a.lat - box.minLat), (dy, box.maxLat - a.lat)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { enter = max(enter, r) } else { leave = min(leave, r) }
            if enter > leave { return nil }
        }
        func at(_ t: Double) -> LonLat { t == 0 ? a : t == 1 ? b : LonLat(a.lon + t * dx, a.lat + t * dy) }
        return enter < leave ? (at(enter), at(leave)) : nil
    }
}

/// Decides whose ground each face of the arrangement is, from a point on one of its edges: a face is bounded by
/// the edges that change its holder, so the edge's own label answers for the side it bounds, and any other
/// question (inside the region? within the reach?) has one answer anywhere along the edge.
private struct FaceHolders {
    let sites: [LonLat]
    let topLevel: [Int]
    let families: [Int: [Int]]
    let discs: Reaches
    let circled: Set<Int>
    let dirty: Set<Int>
    let nearestTop: PointIndex
    let region: RegionIndex

    init(sites: [LonLat], topLevel: [Int], families: [Int: [Int]], discs: Reaches, circled: Set<Int>,
         dirty: Set<Int>, region: MultiPolygon) {
        (self.sites, self.topLevel, self.families, self.discs) = (sites, topLevel, families, discs)
        (self.circled, self.dirty) = (circled, dirty)
        nearestTop = PointIndex(topLevel.map { sites[$0] })
        self.region = RegionIndex(region)
    }

    /// Each face's holder: a site's index, `unreached`, or -1 for ground outside the region or in a clean cell.
    func groups(of arrangement: Arrangement, labels: [Boundary], unreached: Int) -> [Int32] {
        // One edge per face, a side of the diagram where there is one, since it names the face's top-level site;
        // and a piece of the outline where there is one, since it says exactly whether the face is in the region.
        var representative = [Int32](repeating: -1, count: arrangement.faceCount)
        var outlineSide = [Int8](repeating: 0, count: arrangement.faceCount)
        for h in 0..<arrangement.face.count {
            let face = Int(arrangement.face[h])
            if outlineSide[face] == 0, arrangement.hasSeveralLabels(h) || labels[Int(arrangement.label(h))].isOutline,
               let inside = Self.inside(beside: arrangement.labels(h), labels) {
                outlineSide[face] = inside ? 1 : -1
            }
            if representative[face] < 0 { representative[face] = Int32(h); continue }
            if case .voronoi = labels[Int(arrangement.label(h))],
               case .voronoi = labels[Int(arrangement.label(Int(representative[face])))] { continue }
            if case .voronoi = labels[Int(arrangement.label(h))] { representative[face] = Int32(h) }
        }
        return representative.indices.map { face in
            let h = Int(representative[face])
            let sides = arrangement.labels(h).map { (boundary: labels[Int($0.label)], leftSide: $0.leftSide) }
            let inside: Bool? = outlineSide[face] == 0 ? nil : outlineSide[face] > 0
            return Int32(holder(at: arrangement.midpoint(h), beside: sides, inside: inside, unreached: unreached))
        }
    }

    /// Whether the ground on a half-edge's left is in the region, when the half-edge lies on the outline: on the
    /// left of the outline it is; an outline run both ways (two of the region's polygons sharing an edge) has the
    /// region on both sides. Nil off the outline.
    private static func inside(beside sides: [(label: Int32, leftSide: Bool)], _ labels: [Boundary]) -> Bool? {
        var answer: Bool?
        for side in sides {
            guard case .outline = labels[Int(side.label)] else { continue }
            answer = answer == nil ? side.leftSide : (answer! || side.leftSide)
        }
        return answer
    }

    /// The holder of the ground beside `point`, a point on an edge that bounds it; `sides` are what the edge is
    /// (several things when lines coincide), each with whether the ground lies on its left, and `inside` whether
    /// the face is in the region when one of its edges is on the outline. What the edges say about their sides
    /// is exact; only questions they cannot answer are asked of the point.
    private func holder(at point: LonLat, beside sides: [(boundary: Boundary, leftSide: Bool)], inside: Bool?,
                        unreached: Int) -> Int {
        var owner: Int?, circles = [Int: Bool](), family: (left: Int, right: Int, leftSide: Bool)?
        for (boundary, leftSide) in sides {
            switch boundary {
            case .outline: break  // answered for the whole face by `inside`
            case .voronoi(let left, let right): owner = leftSide ? left : right
            case .circle(let site): circles[site] = leftSide
            case .family(let left, let right): family = (left, right, leftSide)
            }
        }
        guard inside ?? region.contains(point) else { return -1 }
        if owner == nil {
            guard let nearest = nearestTop.nearest(to: point) else { return unreached }  // no sites at all
            owner = topLevel[nearest]
        }
        guard let owner, owner >= 0 else { return unreached }
        guard dirty.contains(owner) else { return -1 }  // a clean cell stays as the diagram drew it
        func within(_ site: Int) -> Bool { circles[site] ?? discs.contains(site, point) }
        if circled.contains(owner) && !within(owner) { return unreached }
        guard let children = families[owner] else { return owner }
        let member: Int
        if let family, children.contains(family.left) || family.left == owner {
            member = family.leftSide ? family.left : family.right
        } else {
            member = ([owner] + children).min {
                Tessellation.planarDistance(sites[$0], point) < Tessellation.planarDistance(sites[$1], point)
            }!
        }
        return member != owner && within(member) ? member : owner
    }
}

/// Each site's reach: the disc polygon cells are cut to, tested first against the ellipse its corners lie on.
/// The polygon is a regular 48-gon in coordinates scaled by the ellipse's half-axes, so a point well inside its
/// inscribed circle is in, a point outside the ellipse is out, and only the thin band between needs the polygon.
struct Reaches {
    private let centres: [LonLat]
    private let reachKm: [Double]
    private let radii: [(lon: Double, lat: Double)]
    private static let inner = cos(Double.pi / 48) * cos(Double.pi / 48) * (1 - 1e-9)
    private static let outer = 1 + 1e-9

    init(sites: [LonLat], reachKm: [Double]) {
        (centres, self.reachKm) = (sites, reachKm)
        radii = sites.indices.map { Polygon.discRadii(centre: sites[$0], radiusKm: reachKm[$0]) }
    }

    /// The disc's closed ring, counter-clockwise.
    func ring(_ site: Int) -> [LonLat] {
        Polygon.disc(centre: centres[site], radiusKm: reachKm[site]).exterior
    }

    func contains(_ site: Int, _ point: LonLat) -> Bool {
        let u = (point.lon - centres[site].lon) / radii[site].lon
        let v = (point.lat - centres[site].lat) / radii[site].lat
        let scaled = u * u + v * v
        if scaled < Reaches.inner { return true }
        if scaled > Reaches.outer { return false }
        return ring(site).ringContains(point)
    }
}
