import Foundation
import Geometry

/// The cells' edges, each directed with its cell on the left and linked to its twin on the far side.
///
/// Built once per set of cells, it turns a date's zones into a walk over the edges whose two sides belong to
/// different zones: the same cancellation of shared edges that a coverage union performs, without handing
/// thousands of polygons to GEOS for every date. It relies on the cells forming a clean coverage (neighbours
/// carry identical vertices along their common edges), which the tessellation guarantees.
struct CellTopology: Sendable {
    private let vertices: [LonLat]
    private let from: [Int32]
    private let to: [Int32]
    private let cell: [Int32]
    /// The same edge walked the other way in the neighbouring cell; -1 on the region's outline.
    private let twin: [Int32]
    /// Geodesic area of each cell in km², so that a zone's area is a sum.
    let areasKm2: [Double]

    private struct Key: Hashable {
        var lon: UInt64
        var lat: UInt64
        init(_ point: LonLat) { (lon, lat) = (point.lon.bitPattern, point.lat.bitPattern) }
    }

    init(cells: [MultiPolygon]) {
        var vertices = [LonLat](), from = [Int32](), to = [Int32](), cell = [Int32](), twin = [Int32]()
        var vertexIndex = [Key: Int32]()
        var edgeIndex = [Int64: Int32]()
        func vertex(_ point: LonLat) -> Int32 {
            if let index = vertexIndex[Key(point)] { return index }
            vertices.append(point)
            vertexIndex[Key(point)] = Int32(vertices.count - 1)
            return Int32(vertices.count - 1)
        }
        for (index, area) in cells.enumerated() {
            for polygon in area.polygons {
                for (number, original) in ([polygon.exterior] + polygon.holes).enumerated() {
                    // Shells counter-clockwise and holes clockwise put every cell on its edges' left.
                    let ring = (original.ringSignedArea > 0) == (number == 0) ? original : original.reversed()
                    for (p, q) in zip(ring, ring.dropFirst()) where p != q {
                        let (a, b) = (vertex(p), vertex(q))
                        let edge = Int32(from.count)
                        from.append(a)
                        to.append(b)
                        cell.append(Int32(index))
                        twin.append(-1)
                        if let other = edgeIndex[Int64(b) << 32 | Int64(a)] {
                            twin[Int(edge)] = other
                            twin[Int(other)] = edge
                        }
                        edgeIndex[Int64(a) << 32 | Int64(b)] = edge
                    }
                }
            }
        }
        (self.vertices, self.from, self.to, self.cell, self.twin) = (vertices, from, to, cell, twin)
        areasKm2 = cells.map(Geodesic.areaKm2)
    }

    /// The union of the cells of each group: `group[c]` is cell c's group, from 0 to `groupCount - 1`.
    func unions(group: [Int], groupCount: Int) -> [MultiPolygon] {
        var outgoing = [[Int32: [Int32]]](repeating: [:], count: groupCount)
        var boundary = [Int32]()
        for edge in from.indices {
            let own = group[Int(cell[edge])]
            let across = twin[edge]
            if across >= 0 && group[Int(cell[Int(across)])] == own { continue }
            outgoing[own][from[edge], default: []].append(Int32(edge))
            boundary.append(Int32(edge))
        }
        var used = [Bool](repeating: false, count: from.count)
        var rings = [[[LonLat]]](repeating: [], count: groupCount)
        for start in boundary where !used[Int(start)] {
            let own = group[Int(cell[Int(start)])]
            var ring = [vertices[Int(from[Int(start)])]]
            var edge = start
            while true {
                used[Int(edge)] = true
                ring.append(vertices[Int(to[Int(edge)])])
                guard let next = successor(of: edge, among: outgoing[own][to[Int(edge)]] ?? []),
                      next != start, !used[Int(next)] else { break }
                edge = next
            }
            if ring.count >= 4 && ring.first == ring.last { rings[own].append(ring) }
        }
        return rings.map(MultiPolygon.init(rings:))
    }

    /// Of the edges leaving the end of `edge`, the first met turning clockwise from the way back: the one that
    /// keeps the same piece of zone on the left, so pieces touching at a point come out as separate rings.
    private func successor(of edge: Int32, among candidates: [Int32]) -> Int32? {
        guard candidates.count > 1 else { return candidates.first }
        let centre = vertices[Int(to[Int(edge)])]
        let back = angle(from: centre, to: vertices[Int(from[Int(edge)])])
        return candidates.min { left, right in
            clockwise(back, angle(from: centre, to: vertices[Int(to[Int(left)])]))
                < clockwise(back, angle(from: centre, to: vertices[Int(to[Int(right)])]))
        }
    }

    private func angle(from centre: LonLat, to point: LonLat) -> Double {
        atan2(point.lat - centre.lat, point.lon - centre.lon)
    }

    /// The clockwise turn from one direction to another, in (0, 2π].
    private func clockwise(_ from: Double, _ to: Double) -> Double {
        let turn = (from - to).truncatingRemainder(dividingBy: 2 * .pi)
        let positive = turn < 0 ? turn + 2 * .pi : turn
        return positive == 0 ? 2 * .pi : positive
    }

    func position(_ vertex: Int32) -> LonLat {
        vertices[Int(vertex)]
    }

    /// Edges between cells of two different holders, once each, as vertex pairs grouped by the sorted pair.
    func sharedEdges(holder: [String?]) -> [[String]: [(Int32, Int32)]] {
        var byPair = [[String]: [(Int32, Int32)]]()
        for edge in from.indices {
            let across = Int(twin[edge])
            guard across > edge, let own = holder[Int(cell[edge])], let other = holder[Int(cell[across])],
                  own != other else { continue }
            byPair[[own, other].sorted(), default: []].append((from[edge], to[edge]))
        }
        return byPair
    }
}
