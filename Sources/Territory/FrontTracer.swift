import Claims
import Geometry
import Planar

/// Front lines traced from the cells' shared edges: in a clean coverage two neighbouring cells carry the same
/// vertices along their common edge, so an edge between cells of two different actors is front line. This needs
/// no overlay at all, only a pass over the edges the cells' topology already pairs.
enum FrontTracer {
    /// `actors[i]` is the holder of cell `i`, nil when nobody holds it; allies of one side face no front, and
    /// neither does an edge in `skipped` (vertex pairs keyed by `edgeKey`).
    static func fronts(topology: CellTopology, actors: [String?], sides: Sides, skipped: Set<UInt64> = [])
        -> [FrontLine] {
        var idOf = [String: Int32](), names = [String]()
        let holder = actors.map { actor -> Int32 in
            guard let actor else { return -1 }
            if let id = idOf[actor] { return id }
            idOf[actor] = Int32(names.count)
            names.append(actor)
            return Int32(names.count - 1)
        }
        var byPair = topology.sharedEdges(holder: holder, holderCount: names.count)
        if !skipped.isEmpty {
            byPair = byPair.mapValues { $0.filter { !skipped.contains(edgeKey($0.0, $0.1)) } }.filter { !$0.value.isEmpty }
        }
        var chainer = Chainer(vertexCount: topology.vertexCount)
        return byPair.filter { key, _ in
            !sides.areAllies(names[key / names.count], names[key % names.count])
        }.map { key, edges in
            FrontLine(actors: [names[key / names.count], names[key % names.count]].sorted(),
                      line: MultiLineString(chainer.chain(edges).map { $0.map(topology.position) }))
        }.sorted { $0.actors.joined(separator: ",") < $1.actors.joined(separator: ",") }
    }
}

/// An edge's key whichever way it is walked.
func edgeKey(_ a: Int32, _ b: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: min(a, b))) << 32 | UInt64(UInt32(bitPattern: max(a, b)))
}

/// Joins edges (pairs of vertex numbers) end to end into the longest runs, starting from ends of degree other
/// than two, then closing what is left into rings. Each vertex's edges are found through a table by vertex
/// number, kept between calls and cleared after each.
struct Chainer {
    /// Per vertex, where its edge ends start in `ends`; -1 for a vertex on none of the edges.
    private var firstEnd: [Int32]

    init(vertexCount: Int) {
        firstEnd = [Int32](repeating: -1, count: vertexCount)
    }

    mutating func chain(_ edges: [(Int32, Int32)]) -> [[Int32]] {
        var ends = [(vertex: Int32, edge: Int32)]()
        ends.reserveCapacity(edges.count * 2)
        for (k, (a, b)) in edges.enumerated() {
            ends.append((a, Int32(k)))
            ends.append((b, Int32(k)))
        }
        ends.sort { ($0.vertex, $0.edge) < ($1.vertex, $1.edge) }
        var vertices = [Int32]()
        for (k, end) in ends.enumerated() where k == 0 || ends[k - 1].vertex != end.vertex {
            firstEnd[Int(end.vertex)] = Int32(k)
            vertices.append(end.vertex)
        }
        defer { for vertex in vertices { firstEnd[Int(vertex)] = -1 } }
        func run(_ vertex: Int32) -> Range<Int> {
            let start = Int(firstEnd[Int(vertex)])
            var end = start + 1
            while end < ends.count && ends[end].vertex == vertex { end += 1 }
            return start..<end
        }
        func far(_ edge: Int32, from vertex: Int32) -> Int32 {
            edges[Int(edge)].0 == vertex ? edges[Int(edge)].1 : edges[Int(edge)].0
        }
        var used = [Bool](repeating: false, count: edges.count)
        var lines = [[Int32]]()
        let ordered = vertices.filter { run($0).count != 2 } + vertices.filter { run($0).count == 2 }
        for start in ordered {
            for slot in run(start) where !used[Int(ends[slot].edge)] {
                var edge = ends[slot].edge
                used[Int(edge)] = true
                var current = far(edge, from: start)
                var line = [start, current]
                while true {
                    let here = run(current)
                    guard here.count == 2 else { break }
                    guard let next = here.first(where: { !used[Int(ends[$0].edge)] }) else { break }
                    edge = ends[next].edge
                    used[Int(edge)] = true
                    current = far(edge, from: current)
                    line.append(current)
                }
                lines.append(line)
            }
        }
        return lines
    }
}
