import Foundation
import Geometry

/// Line segments cut at every crossing into a planar graph, with the faces it bounds traced.
///
/// The tessellation uses it to cut Voronoi cells by the region's outline and reach circles: a crossing is computed
/// once, for the pair of segments, so both sides of every edge carry the same vertex, and a set of faces can be
/// merged by dropping the edges they share. Each segment carries a caller's label, inherited by its pieces, which
/// says what lies to its left and right.
///
/// Lines through one point (cell corners where circles pass, borders along a cell's edge) meet in crossings a
/// rounding error apart; positions within `snapDistance` are therefore one vertex, and a vertex that close to a
/// segment is put on it, which keeps the graph planar where exact arithmetic would be needed otherwise.
struct Arrangement {
    struct Segment {
        var from: Int32
        var to: Int32
        var label: Int32
    }

    private(set) var vertices: [LonLat]
    /// Per edge piece; half-edge `2k` runs along piece `k` as its segment did, `2k + 1` back.
    private(set) var pieces: [Segment] = []
    /// Per half-edge: the next half-edge round the same face, which lies on the left.
    private(set) var next: [Int32] = []
    /// Per half-edge: its face. Faces traced clockwise are the outsides of connected parts of the graph: their
    /// half-edges see whatever surrounds that part on their left.
    private(set) var face: [Int32] = []
    private(set) var faceCount = 0
    /// Labels of segments that coincide with a kept piece, by piece, each with whether it runs the other way.
    private(set) var alsoLabelled: [[(label: Int32, reversed: Bool)]] = []

    /// `shared[s]`, when given, lists the labels of other segments known to run along segment `s` already
    /// (each with whether it runs the other way), so that coinciding segments need not be cut twice.
    init(vertices: [LonLat], segments: [Segment], shared: [[(label: Int32, reversed: Bool)]] = []) {
        precondition(shared.isEmpty || shared.count == segments.count, "shared labels for every segment or none")
        self.vertices = vertices
        // Vertices within the snapping distance are one (the first of them), so no piece is a rounding error long.
        let same = Arrangement.nearGroups(vertices, from: 0)
        var kept = segments, keptShared = shared
        if !same.isEmpty {
            kept = []
            keptShared = []
            for (index, segment) in segments.enumerated() {
                let (from, to) = (same[segment.from] ?? segment.from, same[segment.to] ?? segment.to)
                guard from != to else { continue }
                kept.append(Segment(from: from, to: to, label: segment.label))
                if !shared.isEmpty { keptShared.append(shared[index]) }
            }
        }
        (pieces, alsoLabelled) = node(kept, shared: keptShared)
        traceFaces()
    }

    /// A graph read back whole (`Overlay.Parts`), checked by the caller: nothing is cut or traced, and the
    /// pieces' labels, used only while an overlay is built, are not kept.
    init(vertices: [LonLat], pieces: [Segment], next: [Int32], face: [Int32], faceCount: Int) {
        (self.vertices, self.pieces, self.next, self.face, self.faceCount) = (vertices, pieces, next, face, faceCount)
        alsoLabelled = Array(repeating: [], count: pieces.count)
    }

    func origin(_ halfEdge: Int) -> Int32 {
        halfEdge & 1 == 0 ? pieces[halfEdge >> 1].from : pieces[halfEdge >> 1].to
    }

    func target(_ halfEdge: Int) -> Int32 {
        halfEdge & 1 == 0 ? pieces[halfEdge >> 1].to : pieces[halfEdge >> 1].from
    }

    /// Whether the half-edge runs the way its segment did, so that its left is the segment's left.
    func isForward(_ halfEdge: Int) -> Bool { halfEdge & 1 == 0 }

    func label(_ halfEdge: Int) -> Int32 { pieces[halfEdge >> 1].label }

    /// Whether segments other than the piece's own lie along it.
    func hasSeveralLabels(_ halfEdge: Int) -> Bool { !alsoLabelled[halfEdge >> 1].isEmpty }

    /// Every label on the half-edge's piece, each with whether the half-edge's left is that segment's left.
    func labels(_ halfEdge: Int) -> [(label: Int32, leftSide: Bool)] {
        let forward = isForward(halfEdge)
        return [(label(halfEdge), forward)]
            + alsoLabelled[halfEdge >> 1].map { ($0.label, forward != $0.reversed) }
    }

    func midpoint(_ halfEdge: Int) -> LonLat {
        let (a, b) = (vertices[Int(origin(halfEdge))], vertices[Int(target(halfEdge))])
        return LonLat((a.lon + b.lon) / 2, (a.lat + b.lat) / 2)
    }

    // MARK: Noding

    /// Splits the segments where they cross or touch, through a grid over their extent; returns the pieces, each
    /// with the labels of the other segments that coincide with it.
    private mutating func node(_ segments: [Segment], shared: [[(label: Int32, reversed: Bool)]])
        -> (pieces: [Segment], extra: [[(label: Int32, reversed: Bool)]]) {
        guard !segments.isEmpty else { return ([], []) }
        let grid = SegmentGrid(segments: segments, vertices: vertices)
        var splits = [(segment: Int32, along: Double, vertex: Int32)]()
        var members = [Int32]()
        // Within a bucket, segments sorted by their west end: a pair is tested only while their spans of longitude
        // overlap, which keeps dense stretches (a detailed border, many small circles) from costing every pair.
        let west = segments.map { min(vertices[Int($0.from)].lon, vertices[Int($0.to)].lon) }
        let east = segments.map { max(vertices[Int($0.from)].lon, vertices[Int($0.to)].lon) }
        for bucket in 0..<grid.bucketCount {
            members.removeAll(keepingCapacity: true)
            members += grid.members(of: bucket)
            guard members.count > 1 else { continue }
            if members.count > 8 { members.sort { west[Int($0)] < west[Int($1)] } }
            for i in 0..<(members.count - 1) {
                let reach = east[Int(members[i])] + Self.snapDistance
                for j in (i + 1)..<members.count {
                    if west[Int(members[j])] > reach {
                        if members.count > 8 { break } else { continue }
                    }
                    // The lower-numbered segment first, so that a crossing is computed the same way in every bucket
                    // and lands in exactly one of them.
                    let (first, second) = members[i] < members[j] ? (members[i], members[j]) : (members[j], members[i])
                    let (s, t) = (segments[Int(first)], segments[Int(second)])
                    let (p1, p2) = (vertices[Int(s.from)], vertices[Int(s.to)])
                    let (q1, q2) = (vertices[Int(t.from)], vertices[Int(t.to)])
                    // Boxes a snapping distance apart may still touch.
                    if east[Int(first)] + Self.snapDistance < west[Int(second)]
                        || east[Int(second)] + Self.snapDistance < west[Int(first)]
                        || max(p1.lat, p2.lat) + Self.snapDistance < min(q1.lat, q2.lat)
                        || max(q1.lat, q2.lat) + Self.snapDistance < min(p1.lat, p2.lat) {
                        continue
                    }
                    let shared = (s.from == t.from || s.from == t.to ? 1 : 0) + (s.to == t.from || s.to == t.to ? 1 : 0)
                    if shared == 2 { continue }
                    let d1 = cross(q1, q2, p1), d2 = cross(q1, q2, p2)
                    let d3 = cross(p1, p2, q1), d4 = cross(p1, p2, q2)
                    if shared == 0 && (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0) {
                        let along = d1 / (d1 - d2)
                        let point = LonLat(p1.lon + along * (p2.lon - p1.lon), p1.lat + along * (p2.lat - p1.lat))
                        guard grid.bucket(of: point) == bucket else { continue }
                        let vertex: Int32
                        if Self.near(point, p1) { vertex = s.from }
                        else if Self.near(point, p2) { vertex = s.to }
                        else if Self.near(point, q1) { vertex = t.from }
                        else if Self.near(point, q2) { vertex = t.to }
                        else {
                            vertex = Int32(vertices.count)
                            vertices.append(point)
                        }
                        splits.append((first, along, vertex))
                        splits.append((second, d3 / (d3 - d4), vertex))
                        continue
                    }
                    // Touching: an end of one lies on the other, or within the snapping distance of it (both ends,
                    // when they run along each other). The end is then a vertex of the other too, so that a piece
                    // cut from it cannot pass exactly through the end without meeting it.
                    let sLength = (p2.lon - p1.lon) * (p2.lon - p1.lon) + (p2.lat - p1.lat) * (p2.lat - p1.lat)
                    let tLength = (q2.lon - q1.lon) * (q2.lon - q1.lon) + (q2.lat - q1.lat) * (q2.lat - q1.lat)
                    let tolerance = Self.snapDistance * Self.snapDistance
                    guard d1 * d1 <= tolerance * tLength || d2 * d2 <= tolerance * tLength
                        || d3 * d3 <= tolerance * sLength || d4 * d4 <= tolerance * sLength else { continue }
                    for (end, id, d, other, otherIndex) in [(p1, s.from, d1, (q1, q2), second),
                                                            (p2, s.to, d2, (q1, q2), second),
                                                            (q1, t.from, d3, (p1, p2), first),
                                                            (q2, t.to, d4, (p1, p2), first)]
                    where grid.bucket(of: end) == bucket {
                        let (a, b) = other
                        let length = (b.lon - a.lon) * (b.lon - a.lon) + (b.lat - a.lat) * (b.lat - a.lat)
                        guard d * d <= tolerance * length, !Self.near(end, a), !Self.near(end, b) else { continue }
                        let along = ((end.lon - a.lon) * (b.lon - a.lon) + (end.lat - a.lat) * (b.lat - a.lat)) / length
                        guard along > 0 && along < 1 else { continue }
                        splits.append((otherIndex, along, id))
                    }
                }
            }
        }
        // Crossings a rounding error from each other or from a vertex are that one vertex.
        let merged = Arrangement.nearGroups(vertices, from: 0)
        if !merged.isEmpty {
            for k in splits.indices { splits[k].vertex = merged[splits[k].vertex] ?? splits[k].vertex }
        }
        splits.sort { ($0.segment, $0.along) < ($1.segment, $1.along) }

        var pieces = [Segment](), source = [Int32]()
        pieces.reserveCapacity(segments.count + splits.count)
        source.reserveCapacity(segments.count + splits.count)
        var cursor = 0
        for (index, segment) in segments.enumerated() {
            var from = segment.from
            while cursor < splits.count && Int(splits[cursor].segment) == index {
                let vertex = splits[cursor].vertex
                if vertex != from && vertices[Int(vertex)] != vertices[Int(from)] && vertex != segment.to {
                    pieces.append(Segment(from: from, to: vertex, label: segment.label))
                    source.append(Int32(index))
                    from = vertex
                }
                cursor += 1
            }
            if segment.to != from && vertices[Int(segment.to)] != vertices[Int(from)] {
                pieces.append(Segment(from: from, to: segment.to, label: segment.label))
                source.append(Int32(index))
            }
        }
        // Segments lying along each other, or cut at the same snapped vertices, leave one piece several times: the
        // first is kept, and the others' labels go with it, since each says something about the two sides.
        var kept = [Int64: Int32](minimumCapacity: pieces.count)
        var unique = [Segment](), labels = [[(label: Int32, reversed: Bool)]]()
        unique.reserveCapacity(pieces.count)
        for (k, piece) in pieces.enumerated() {
            let key = Int64(min(piece.from, piece.to)) << 32 | Int64(max(piece.from, piece.to))
            let along = shared.isEmpty ? [] : shared[Int(source[k])]
            if let first = kept[key] {
                let reversed = unique[Int(first)].from != piece.from
                labels[Int(first)].append((piece.label, reversed))
                labels[Int(first)] += along.map { ($0.label, $0.reversed != reversed) }
            } else {
                kept[key] = Int32(unique.count)
                unique.append(piece)
                labels.append(along)
            }
        }
        return (unique, labels)
    }

    /// Positions this close (in degrees, about a tenth of a millimetre) are one vertex. Three lines through one
    /// point give three crossings a rounding error apart; kept apart, the pieces between them may cross.
    static let snapDistance = 1e-9

    static func near(_ a: LonLat, _ b: LonLat) -> Bool {
        abs(a.lon - b.lon) <= snapDistance && abs(a.lat - b.lat) <= snapDistance
    }

    /// Vertices from `start` on that lie within the snapping distance of another, each mapped to the lowest of
    /// its group (groups joined through any chain of near pairs); empty when there are none.
    static func nearGroups(_ vertices: [LonLat], from start: Int) -> [Int32: Int32] {
        let count = vertices.count - start
        guard count > 1 else { return [:] }
        // Longitudes sorted beside their indices, not indices sorted through the positions: the comparisons then
        // read memory in order.
        var order = (start..<vertices.count).map { (lon: vertices[$0].lon, index: Int32($0)) }
        order.sort { $0.lon < $1.lon }
        var groups = LowestGroups(count: count)
        for k in order.indices {
            let a = Int(order[k].index)
            var j = k + 1
            while j < order.count && order[j].lon - order[k].lon <= snapDistance {
                let b = Int(order[j].index)
                if near(vertices[a], vertices[b]) { groups.join(a - start, b - start) }
                j += 1
            }
        }
        guard groups.joinedAny else { return [:] }
        var merged = [Int32: Int32]()
        for x in 0..<count where groups.group(of: x) != x { merged[Int32(x + start)] = Int32(groups.group(of: x) + start) }
        return merged
    }

    /// Twice the signed area of a, b, c: exact in sign, so two segments cross or not as they truly do.
    private func cross(_ a: LonLat, _ b: LonLat, _ c: LonLat) -> Double {
        Predicates.orient(a, b, c)
    }

    // MARK: Faces

    /// Orders each vertex's outgoing half-edges by angle and links each half-edge to the one that leaves its end
    /// next clockwise from the way back: walking those links goes round a face with the face on the left.
    private mutating func traceFaces() {
        let halfEdgeCount = pieces.count * 2
        var firstOut = [Int32](repeating: 0, count: vertices.count + 1)
        for piece in pieces {
            firstOut[Int(piece.from) + 1] += 1
            firstOut[Int(piece.to) + 1] += 1
        }
        for v in 0..<vertices.count { firstOut[v + 1] += firstOut[v] }
        var fill = firstOut
        var outgoing = [Int32](repeating: 0, count: halfEdgeCount)
        var angle = [Double](repeating: 0, count: halfEdgeCount)
        for h in 0..<halfEdgeCount {
            let (a, b) = (vertices[Int(origin(h))], vertices[Int(target(h))])
            angle[h] = atan2(b.lat - a.lat, b.lon - a.lon)
            let v = Int(origin(h))
            outgoing[Int(fill[v])] = Int32(h)
            fill[v] += 1
        }
        var position = [Int32](repeating: 0, count: halfEdgeCount)
        for v in 0..<vertices.count {
            let (start, end) = (Int(firstOut[v]), Int(firstOut[v + 1]))
            if end - start > 1 {
                outgoing[start..<end].sort { angle[Int($0)] < angle[Int($1)] }
            }
            for slot in start..<end { position[Int(outgoing[slot])] = Int32(slot - start) }
        }
        next = [Int32](repeating: -1, count: halfEdgeCount)
        for h in 0..<halfEdgeCount {
            let back = h ^ 1
            let v = Int(origin(back))
            let (start, count) = (Int(firstOut[v]), Int(firstOut[v + 1] - firstOut[v]))
            next[h] = outgoing[start + (Int(position[back]) + count - 1) % count]
        }
        face = [Int32](repeating: -1, count: halfEdgeCount)
        faceCount = 0
        for h in 0..<halfEdgeCount where face[h] < 0 {
            var e = h
            while face[e] < 0 {
                face[e] = Int32(faceCount)
                e = Int(next[e])
            }
            faceCount += 1
        }
    }
}

extension Arrangement: HalfEdgeMap {
    var halfEdgeCount: Int { next.count }
    var vertexCount: Int { vertices.count }
    func nextInFace(_ halfEdge: Int) -> Int { Int(next[halfEdge]) }
    func twin(_ halfEdge: Int) -> Int { halfEdge ^ 1 }
    func position(_ vertex: Int32) -> LonLat { vertices[Int(vertex)] }

    /// The outlines of groups of faces: `group[f]` is face f's group, or -1 for none.
    func unions(group: [Int32], groupCount: Int) -> [MultiPolygon] {
        unions(groupCount: groupCount) { Int(group[Int(face[$0])]) }
    }
}

/// A uniform grid over segments' extent; each bucket lists the segments passing through it.
private struct SegmentGrid {
    private let origin: LonLat
    private let size: Double
    private let columns: Int
    private let rows: Int
    private var firstMember: [Int32]
    private var members: [Int32]

    var bucketCount: Int { columns * rows }

    init(segments: [Arrangement.Segment], vertices: [LonLat]) {
        let box = Envelope(covering: segments.flatMap { [vertices[Int($0.from)], vertices[Int($0.to)]] })!
        let width = max(box.maxLon - box.minLon, 1e-9), height = max(box.maxLat - box.minLat, 1e-9)
        size = max((width * height / Double(segments.count)).squareRoot(), 1e-9)
        origin = LonLat(box.minLon, box.minLat)
        columns = Int(width / size) + 1
        rows = Int(height / size) + 1
        firstMember = [Int32](repeating: 0, count: columns * rows + 1)
        members = []
        var pairs = [(bucket: Int32, segment: Int32)]()
        for (index, segment) in segments.enumerated() {
            visit(vertices[Int(segment.from)], vertices[Int(segment.to)]) { pairs.append((Int32($0), Int32(index))) }
        }
        for pair in pairs { firstMember[Int(pair.bucket) + 1] += 1 }
        for bucket in 0..<(columns * rows) { firstMember[bucket + 1] += firstMember[bucket] }
        var fill = firstMember
        members = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            members[Int(fill[Int(pair.bucket)])] = pair.segment
            fill[Int(pair.bucket)] += 1
        }
    }

    func members(of bucket: Int) -> ArraySlice<Int32> {
        members[Int(firstMember[bucket])..<Int(firstMember[bucket + 1])]
    }

    func bucket(of point: LonLat) -> Int {
        column(point.lon) * rows + row(point.lat)
    }

    private func column(_ lon: Double) -> Int { min(max(Int(floor((lon - origin.lon) / size)), 0), columns - 1) }
    private func row(_ lat: Double) -> Int { min(max(Int(floor((lat - origin.lat) / size)), 0), rows - 1) }

    /// Calls `body` with every bucket the segment passes through, column by column, with a hair's margin so that
    /// a point on a bucket's border, or within the snapping distance of the segment, is found in the bucket it is
    /// counted in.
    private func visit(_ a: LonLat, _ b: LonLat, _ body: (Int) -> Void) {
        let margin = max(size * 1e-6, 2 * Arrangement.snapDistance)
        let (left, right) = a.lon <= b.lon ? (a, b) : (b, a)
        for column in self.column(left.lon - margin)...self.column(right.lon + margin) {
            let x0 = max(origin.lon + Double(column) * size, left.lon)
            let x1 = min(origin.lon + Double(column + 1) * size, right.lon)
            var (y0, y1) = (left.lat, right.lat)
            if right.lon > left.lon {
                let slope = (right.lat - left.lat) / (right.lon - left.lon)
                y0 = left.lat + slope * (x0 - left.lon)
                y1 = left.lat + slope * (x1 - left.lon)
            }
            for row in row(min(y0, y1) - margin)...row(max(y0, y1) + margin) { body(column * rows + row) }
        }
    }
}
