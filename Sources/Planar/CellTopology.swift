import Foundation
public import Geometry

/// The cells' edges, each directed with its cell on the left and linked to its twin on the far side.
///
/// Built once per set of cells, it turns a date's zones into a walk over the edges whose two sides belong to
/// different zones: the same cancellation of shared edges that a coverage union performs, without handing
/// thousands of polygons to GEOS for every date. It relies on the cells forming a clean coverage (neighbours
/// carry identical vertices along their common edges), which the tessellation guarantees.
public struct CellTopology: Sendable, HalfEdgeMap {
    private let vertices: [LonLat]
    private let from: [Int32]
    private let to: [Int32]
    private let cell: [Int32]
    /// The edge after each one round its own cell's ring.
    private let next: [Int32]
    /// The same edge walked the other way in the neighbouring cell; -1 on the region's outline.
    private let twins: [Int32]
    /// Geodesic area of each cell in km², so that a zone's area is a sum.
    public let areasKm2: [Double]

    /// `areasKm2` when already known (read back from the cache); otherwise measured here, on every core.
    public init(cells: [MultiPolygon], areasKm2 known: [Double]? = nil) {
        var from = [Int32](), to = [Int32](), cell = [Int32](), twin = [Int32](), next = [Int32]()
        let positions = PositionTable.count(cells)
        var vertexIndex = PositionTable(capacity: positions)
        var edgeIndex = PairTable(capacity: positions)
        for (index, area) in cells.enumerated() {
            for polygon in area.polygons {
                for (number, original) in ([polygon.exterior] + polygon.holes).enumerated() {
                    // Shells counter-clockwise and holes clockwise put every cell on its edges' left.
                    let ring = (original.ringSignedArea > 0) == (number == 0) ? original : original.reversed()
                    let first = Int32(from.count)
                    for (p, q) in zip(ring, ring.dropFirst()) where p != q {
                        next.append(Int32(from.count + 1))
                        let (a, b) = (vertexIndex.number(p), vertexIndex.number(q))
                        let edge = Int32(from.count)
                        from.append(a)
                        to.append(b)
                        cell.append(Int32(index))
                        twin.append(-1)
                        if let other = edgeIndex.value(UInt64(b), UInt64(a)) {
                            twin[Int(edge)] = other
                            twin[Int(other)] = edge
                        }
                        _ = edgeIndex.value(UInt64(a), UInt64(b), insertingIfAbsent: edge)
                    }
                    if Int(first) < next.count { next[next.count - 1] = first }
                }
            }
        }
        let vertices = vertexIndex.positions
        (self.vertices, self.from, self.to, self.cell, self.twins, self.next) = (vertices, from, to, cell, twin, next)
        areasKm2 = known ?? CellTopology.measure(cellCount: cells.count, vertices: vertices, from: from, to: to,
                                                 cell: cell, twin: twin)
    }

    /// What a cache keeps of the topology, so that reading it back builds nothing: the vertices, and per
    /// half-edge its two vertices, its cell, the next half-edge round the cell and its twin (-1 on the outline).
    public struct Parts: Sendable, Equatable {
        public var vertices: [LonLat]
        public var from: [Int32], to: [Int32], cell: [Int32], next: [Int32], twins: [Int32]
        public var areasKm2: [Double]

        public init(vertices: [LonLat], from: [Int32], to: [Int32], cell: [Int32], next: [Int32], twins: [Int32],
                    areasKm2: [Double]) {
            (self.vertices, self.from, self.to, self.cell, self.next, self.twins, self.areasKm2) =
                (vertices, from, to, cell, next, twins, areasKm2)
        }
    }

    public var parts: Parts {
        Parts(vertices: vertices, from: from, to: to, cell: cell, next: next, twins: twins, areasKm2: areasKm2)
    }

    /// The topology of `parts`; nil unless every index in them lies in range, twins pair up and there is an
    /// area per cell (`cellCount` cells), so that a damaged cache is refused rather than walked.
    public init?(parts: Parts, cellCount: Int) {
        let edges = parts.from.count
        guard [parts.to.count, parts.cell.count, parts.next.count, parts.twins.count].allSatisfy({ $0 == edges }),
              parts.areasKm2.count == cellCount else { return nil }
        let vertexCount = Int32(clamping: parts.vertices.count), edgeCount = Int32(clamping: edges)
        for edge in 0..<edges {
            let twin = parts.twins[edge]
            guard parts.from[edge] >= 0, parts.from[edge] < vertexCount, parts.to[edge] >= 0,
                  parts.to[edge] < vertexCount, parts.cell[edge] >= 0, Int(parts.cell[edge]) < cellCount,
                  parts.next[edge] >= 0, parts.next[edge] < edgeCount, twin >= -1, twin < edgeCount,
                  twin < 0 || parts.twins[Int(twin)] == Int32(edge) else { return nil }
        }
        (vertices, from, to, cell, next, twins, areasKm2) =
            (parts.vertices, parts.from, parts.to, parts.cell, parts.next, parts.twins, parts.areasKm2)
    }

    /// Geodesic areas of the cells from their edges' area terms: each edge between two cells is measured once
    /// and counts for both with opposite signs, and the edges are shared out among the cores; at about a
    /// microsecond per term they cost more than the rest of the topology.
    private static func measure(cellCount: Int, vertices: [LonLat], from: [Int32], to: [Int32], cell: [Int32],
                                twin: [Int32]) -> [Double] {
        var terms = [Double](repeating: 0, count: from.count)
        let chunk = 4096
        terms.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: (from.count + chunk - 1) / chunk) { part in
                for edge in (part * chunk)..<min((part + 1) * chunk, from.count) where twin[edge] < 0 || edge < twin[edge] {
                    output[edge] = Geodesic.edgeAreaTermM2(vertices[Int(from[edge])], vertices[Int(to[edge])])
                }
            }
        }
        var sums = [Double](repeating: 0, count: cellCount)
        for edge in from.indices where twin[edge] < 0 || edge < Int(twin[edge]) {
            sums[Int(cell[edge])] += terms[edge]
            if twin[edge] >= 0 { sums[Int(cell[Int(twin[edge])])] -= terms[edge] }
        }
        return sums.map { abs($0) / 1_000_000 }
    }

    public var vertexCount: Int { vertices.count }

    public func position(_ vertex: Int32) -> LonLat {
        vertices[Int(vertex)]
    }

    var halfEdgeCount: Int { from.count }
    func origin(_ halfEdge: Int) -> Int32 { from[halfEdge] }
    func target(_ halfEdge: Int) -> Int32 { to[halfEdge] }
    func nextInFace(_ halfEdge: Int) -> Int { Int(next[halfEdge]) }
    func twin(_ halfEdge: Int) -> Int { Int(twins[halfEdge]) }
    func cell(of halfEdge: Int) -> Int32 { cell[halfEdge] }

    /// Calls `body` with every half-edge: its cell, the cell across (nil at the region's edge), and its two
    /// vertices in the cell's own direction (`FaceMap`'s, a cell being a face).
    public func forEachHalfEdge(_ body: (_ cell: Int, _ across: Int?, _ from: Int32, _ to: Int32) -> Void) {
        for edge in from.indices {
            let twin = Int(twins[edge])
            body(Int(cell[edge]), twin >= 0 ? Int(cell[twin]) : nil, from[edge], to[edge])
        }
    }
}
