import Geometry

/// Front lines traced from the cells' shared edges: in a clean coverage two neighbouring cells carry the same
/// vertices along their common edge, so an edge between cells of two different actors is front line. This needs
/// no overlay at all, only a pass over the edges the cells' topology already pairs.
enum FrontTracer {
    private struct Point: Hashable {
        var lon: UInt64
        var lat: UInt64

        init(_ position: LonLat) {
            lon = position.lon.bitPattern
            lat = position.lat.bitPattern
        }

        var position: LonLat { LonLat(Double(bitPattern: lon), Double(bitPattern: lat)) }
    }

    private struct Segment: Hashable {
        var a: Point
        var b: Point

        init(_ p: Point, _ q: Point) {
            if (p.lon, p.lat) < (q.lon, q.lat) { (a, b) = (p, q) } else { (a, b) = (q, p) }
        }
    }

    /// `actors[i]` is the holder of cell `i`, nil when nobody holds it.
    static func fronts(topology: CellTopology, actors: [String?]) -> [FrontLine] {
        let byPair = topology.sharedEdges(holder: actors)
        return byPair.keys.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }.map { pair in
            FrontLine(actors: pair, line: MultiLineString(chain(byPair[pair]!.map { Segment(Point($0.0), Point($0.1)) })))
        }
    }

    /// Joins segments end to end into the longest runs, starting from ends of degree one.
    private static func chain(_ segments: [Segment]) -> [[LonLat]] {
        var neighbours = [Point: [Point]]()
        for segment in segments {
            neighbours[segment.a, default: []].append(segment.b)
            neighbours[segment.b, default: []].append(segment.a)
        }
        var used = Set<Segment>()
        var lines = [[LonLat]]()
        let starts = neighbours.keys.sorted { ($0.lon, $0.lat) < ($1.lon, $1.lat) }
        let ordered = starts.filter { neighbours[$0]!.count != 2 } + starts.filter { neighbours[$0]!.count == 2 }
        for start in ordered {
            for next in neighbours[start]! where !used.contains(Segment(start, next)) {
                var line = [start.position]
                var previous = start, current = next
                used.insert(Segment(previous, current))
                line.append(current.position)
                while let candidates = neighbours[current], candidates.count == 2,
                      let following = candidates.first(where: { !used.contains(Segment(current, $0)) }) {
                    used.insert(Segment(current, following))
                    line.append(following.position)
                    previous = current
                    current = following
                }
                _ = previous
                lines.append(line)
            }
        }
        return lines
    }
}
