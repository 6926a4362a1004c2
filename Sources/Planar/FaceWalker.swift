import Geometry

/// A planar map as half-edges: each runs from one vertex to another with the ground it bounds on its left, knows
/// the next half-edge round that ground and its twin running back on the other side.
protocol HalfEdgeMap {
    var halfEdgeCount: Int { get }
    var vertexCount: Int { get }
    func origin(_ halfEdge: Int) -> Int32
    func target(_ halfEdge: Int) -> Int32
    /// The half-edge after this one round the ground on its left.
    func nextInFace(_ halfEdge: Int) -> Int
    /// The half-edge running back along the same edge; -1 where nothing lies on the other side.
    func twin(_ halfEdge: Int) -> Int
    func position(_ vertex: Int32) -> LonLat
}

extension HalfEdgeMap {
    /// The outlines of groups of ground: `group(h)` is the group of the ground on half-edge h's left, from 0 to
    /// `groupCount - 1`, or -1 for none. Half-edges with one group on both sides drop out; the rest are chained
    /// into rings, each group's rings turned into polygons. At a vertex the walk turns clockwise from the way it
    /// came, across half-edges inside its own group, to the next one on the group's boundary, so pieces of a group
    /// that touch at a point come out as separate rings.
    func unions(groupCount: Int, group: (Int) -> Int) -> [MultiPolygon] {
        func isBoundary(_ h: Int, of own: Int) -> Bool {
            let across = twin(h)
            return group(h) == own && (across < 0 || group(across) != own)
        }
        var rings = [[[LonLat]]](repeating: [], count: groupCount)
        var used = [Bool](repeating: false, count: halfEdgeCount)
        var splitter = RingSplitter(vertexCount: vertexCount)
        for start in 0..<halfEdgeCount where !used[start] {
            let own = group(start)
            guard own >= 0, isBoundary(start, of: own) else { continue }
            var walk = [origin(start)]
            var h = start
            while !used[h] {
                used[h] = true
                walk.append(target(h))
                var candidate = nextInFace(h)
                var turns = 0
                while !isBoundary(candidate, of: own) {
                    candidate = nextInFace(twin(candidate))
                    turns += 1
                    // Round a vertex the turn meets the way back within the vertex's degree, in a planar map.
                    precondition(turns <= halfEdgeCount,
                                 "the half-edges round \(position(target(h))) do not close: the map is not planar")
                }
                h = candidate
            }
            precondition(walk.first == walk.last, "the boundary from \(position(walk[0])) does not close")
            rings[own] += splitter.split(walk).map { $0.map(position) }
        }
        return rings.map(MultiPolygon.init(rings:))
    }
}
