import Claims
import Geometry
import Planar

/// Front lines traced from the ground's shared edges: faces of two different sides meet along edges that carry
/// the same vertices on both sides, so an edge between faces of two different holders is front line. This needs
/// no overlay of zones at all, only a pass over the edges the ground's planar map already pairs.
enum FrontTracer {
    /// `holders[f]` is the holder of face `f`, nil when nobody holds it; allies of one side face no front, and
    /// neither does an edge in `skipped` (vertex pairs keyed by `edgeKey`).
    static func fronts(map: some FaceMap, holders: [String?], sides: Sides, skipped: Set<UInt64> = []) -> [FrontLine] {
        let (holder, names) = Numbering.of(holders)
        var byPair = [Int: [(Int32, Int32)]]()
        map.forEachHalfEdge { face, across, from, to in
            // Each edge once, from the side of the lower holder.
            guard let across, case let (own, other) = (Int(holder[face]), Int(holder[across])), own >= 0, other > own
            else { return }
            if !skipped.isEmpty && skipped.contains(edgeKey(from, to)) { return }
            byPair[own * names.count + other, default: []].append((from, to))
        }
        var chainer = Chainer(vertexCount: map.vertexCount)
        return byPair.sorted { $0.key < $1.key }.filter { key, _ in
            !sides.areAllies(names[key / names.count], names[key % names.count])
        }.map { key, edges in
            FrontLine(actors: [names[key / names.count], names[key % names.count]].sorted(),
                      line: MultiLineString(chainer.chain(edges).map { $0.map(map.position) }))
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

/// Dense numbers for values in the order first met: faces' states as zone groups, holders as front ids.
struct Numbering<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    /// Numbers each value, -1 for nil.
    static func of(_ list: [Value?]) -> (numbers: [Int32], values: [Value]) {
        var numbering = Numbering()
        let numbers = list.map { $0.map { numbering.number($0) } ?? -1 }
        return (numbers, numbering.values)
    }

    mutating func number(_ value: Value) -> Int32 {
        if let known = numbers[value] { return known }
        numbers[value] = Int32(values.count)
        values.append(value)
        return Int32(values.count - 1)
    }
}
