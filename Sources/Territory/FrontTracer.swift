import Geometry

/// Front lines traced from the cells' shared edges: in a clean coverage two neighbouring cells carry the same
/// vertices along their common edge, so an edge between cells of two different actors is front line. This needs
/// no overlay at all, only a pass over the edges the cells' topology already pairs.
enum FrontTracer {
    /// `actors[i]` is the holder of cell `i`, nil when nobody holds it.
    static func fronts(topology: CellTopology, actors: [String?]) -> [FrontLine] {
        let byPair = topology.sharedEdges(holder: actors)
        return byPair.keys.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }.map { pair in
            FrontLine(actors: pair, line: MultiLineString(chain(byPair[pair]!).map { $0.map(topology.position) }))
        }
    }

    /// Joins edges (pairs of vertex numbers) end to end into the longest runs, starting from ends of degree one.
    private static func chain(_ edges: [(Int32, Int32)]) -> [[Int32]] {
        var neighbours = [Int32: [Int32]]()
        for (a, b) in edges {
            neighbours[a, default: []].append(b)
            neighbours[b, default: []].append(a)
        }
        func key(_ a: Int32, _ b: Int32) -> Int64 { Int64(min(a, b)) << 32 | Int64(max(a, b)) }
        var used = Set<Int64>(minimumCapacity: edges.count)
        var lines = [[Int32]]()
        let starts = neighbours.keys.sorted()
        let ordered = starts.filter { neighbours[$0]!.count != 2 } + starts.filter { neighbours[$0]!.count == 2 }
        for start in ordered {
            for next in neighbours[start]! where used.insert(key(start, next)).inserted {
                var line = [start, next]
                var current = next
                while let candidates = neighbours[current], candidates.count == 2,
                      let following = candidates.first(where: { !used.contains(key(current, $0)) }) {
                    used.insert(key(current, following))
                    line.append(following)
                    current = following
                }
                lines.append(line)
            }
        }
        return lines
    }
}
