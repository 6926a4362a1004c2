import Geometry

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
struct Linework {
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

    /// An open run of positions, such as the part of a circle inside one cell.
    mutating func addPath(_ path: [LonLat], as boundary: Boundary) {
        guard path.count >= 2 else { return }
        let label = label(boundary)
        var previous = add(path[0])
        for point in path.dropFirst() {
            let current = add(point)
            segments.append(.init(from: previous, to: current, label: label))
            previous = current
        }
        segmentEnds.append(path)
    }

    mutating func addVoronoiEdge(from: Int32, to: Int32, left: Int, right: Int) {
        segments.append(.init(from: from, to: to, label: label(.voronoi(left: left, right: right))))
    }

    /// The Voronoi edges among a parent and its children, cut to a box around the parent's reach; ends left
    /// loose inside other cells merge away with the faces on both sides of them.
    mutating func addFamilyEdges(of family: [Int], sites: [LonLat], within box: Envelope) throws {
        let diagram = try Voronoi(sites: family.map { sites[$0] }, frame: box)
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
