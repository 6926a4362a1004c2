import Dispatch
public import Geometry

/// Layers of polygons cut against each other into one planar map, each face knowing which polygon of every layer
/// it lies in. A date's cells, claimed regions, outlines and area claims become one map whose faces each take one
/// state, so that zones are unions of faces, fronts are the edges between faces of two sides, and areas are sums;
/// and two dates' zones become one map whose faces say what each piece of ground was and became.
///
/// The polygons of one layer must not overlap one another (cells, districts, quarters, zones); where they share
/// an edge, its positions must be the same or within the arrangement's snapping distance.
public struct Overlay: FaceMap {
    let arrangement: Arrangement
    public let layerCount: Int
    /// Per face and layer (`face * layerCount + layer`): the polygon the face lies in, -1 for none.
    let membership: [Int32]
    /// Per face: its signed planar area in square degrees, negative for the outsides of connected parts.
    let planarArea: [Double]
    /// Per face: minus its edges' geodesic area terms in km², positive counter-clockwise; zero where the face's
    /// area is known instead (`knownFaces`).
    let measuredArea: [Double]
    /// Layer 0's polygons whose area was given and whose faces no other layer cuts: by polygon, its faces.
    let knownFaces: [(area: Double, faces: [Int32])]
    /// Per face: one of its half-edges.
    let faceStart: [Int32]

    /// `layers[l][p]` is polygon p of layer l. `knownAreasKm2`, when given, holds the geodesic areas of layer 0's
    /// polygons, so that a polygon no other layer cuts is not measured again.
    public init(layers: [[MultiPolygon]], knownAreasKm2: [Double]? = nil) {
        precondition(knownAreasKm2 == nil || knownAreasKm2!.count == layers.first?.count, "one known area per polygon")
        layerCount = layers.count
        // Positions met again are one vertex, and an edge met again (a shared edge of two neighbours) one segment
        // carrying both labels: cut once, not twice.
        let positions = PositionTable.count(layers.joined())
        var vertexIndex = PositionTable(capacity: positions), segmentIndex = PairTable(capacity: positions)
        var segments = [Arrangement.Segment](), shared = [[(label: Int32, reversed: Bool)]]()
        var labelLayer = [Int32](), labelPolygon = [Int32]()
        for (layer, polygons) in layers.enumerated() {
            for (index, area) in polygons.enumerated() {
                let label = Int32(labelLayer.count)
                labelLayer.append(Int32(layer))
                labelPolygon.append(Int32(index))
                for polygon in area.polygons {
                    for (number, original) in ([polygon.exterior] + polygon.holes).enumerated() {
                        // Shells counter-clockwise and holes clockwise put the polygon on every segment's left.
                        let ring = (original.ringSignedArea > 0) == (number == 0) ? original : original.reversed()
                        let ids = ring.map { vertexIndex.number($0) }
                        for k in ids.indices {
                            let (from, to) = (ids[k], ids[(k + 1) % ids.count])
                            guard from != to else { continue }
                            let (low, high) = (UInt64(min(from, to)), UInt64(max(from, to)))
                            let known = segmentIndex.value(low, high, insertingIfAbsent: Int32(segments.count))
                            if known == segments.count {
                                segments.append(.init(from: from, to: to, label: label))
                                shared.append([])
                            } else {
                                shared[Int(known)].append((label, segments[Int(known)].from != from))
                            }
                        }
                    }
                }
            }
        }
        arrangement = Arrangement(vertices: vertexIndex.positions, segments: segments, shared: shared)
        let layerBits = Overlay.layerBits(of: arrangement, labelLayer: labelLayer)
        membership = Overlay.members(of: arrangement, layers: layers, layerBits: layerBits, labelLayer: labelLayer,
                                     labelPolygon: labelPolygon)
        planarArea = Overlay.planarAreas(of: arrangement)
        var faceStart = [Int32](repeating: -1, count: arrangement.faceCount)
        for h in (0..<arrangement.halfEdgeCount).reversed() { faceStart[Int(arrangement.face[h])] = Int32(h) }
        self.faceStart = faceStart
        (measuredArea, knownFaces) = Overlay.measure(arrangement, membership: membership, layerCount: layerCount,
                                                     layerBits: layerBits, known: knownAreasKm2)
    }

    public var faceCount: Int { arrangement.faceCount }
    public var vertexCount: Int { arrangement.vertexCount }
    public func position(_ vertex: Int32) -> LonLat { arrangement.position(vertex) }

    /// The polygon of `layer` that face `face` lies in, -1 for none.
    public func member(face: Int, layer: Int) -> Int {
        Int(membership[face * layerCount + layer])
    }

    public func unions(faceGroup: [Int32], groupCount: Int) -> [MultiPolygon] {
        arrangement.unions(group: faceGroup, groupCount: groupCount)
    }

    public func areasKm2(faceGroup: [Int32], groupCount: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: groupCount)
        for face in 0..<faceCount where faceGroup[face] >= 0 { sums[Int(faceGroup[face])] += measuredArea[face] }
        for (area, faces) in knownFaces {
            let group = faceGroup[Int(faces[0])]
            if group >= 0, faces.allSatisfy({ faceGroup[Int($0)] == group }) {
                sums[Int(group)] += area
            } else {
                // The polygon's faces went to different groups: measure them one by one.
                for face in faces where faceGroup[Int(face)] >= 0 {
                    sums[Int(faceGroup[Int(face)])] += geodesicArea(of: Int(face))
                }
            }
        }
        return sums.map { max($0, 0) }
    }

    public func forEachHalfEdge(_ body: (_ face: Int, _ across: Int?, _ from: Int32, _ to: Int32) -> Void) {
        for h in 0..<arrangement.halfEdgeCount {
            body(Int(arrangement.face[h]), Int(arrangement.face[h ^ 1]), arrangement.origin(h), arrangement.target(h))
        }
    }

    /// The groups with every connected piece of ground smaller than `minimumArea` square degrees given to the
    /// group it shares the longest boundary with (none, when it borders only ground of no group): overlays of
    /// outlines drawn from different sources leave slivers far below any report's precision, which would otherwise
    /// show as specks and draw fronts. The outsides of connected parts keep their groups.
    public func absorbingSlivers(_ faceGroup: [Int32], minimumArea: Double) -> [Int32] {
        var pieces = LowestGroups(count: faceCount)
        let halfEdges = arrangement.halfEdgeCount
        for h in stride(from: 0, to: halfEdges, by: 2) {
            let (left, right) = (Int(arrangement.face[h]), Int(arrangement.face[h + 1]))
            if faceGroup[left] >= 0, faceGroup[left] == faceGroup[right], planarArea[left] > 0, planarArea[right] > 0 {
                pieces.join(left, right)
            }
        }
        var size = [Double](repeating: 0, count: faceCount)
        for face in 0..<faceCount where planarArea[face] > 0 && faceGroup[face] >= 0 {
            size[pieces.group(of: face)] += planarArea[face]
        }
        var border = [Int: [Int32: Double]]()
        for h in 0..<halfEdges {
            let (face, across) = (Int(arrangement.face[h]), Int(arrangement.face[h ^ 1]))
            guard planarArea[face] > 0, faceGroup[face] >= 0, faceGroup[across] != faceGroup[face] else { continue }
            let piece = pieces.group(of: face)
            guard size[piece] < minimumArea else { continue }
            let (a, b) = (position(arrangement.origin(h)), position(arrangement.target(h)))
            border[piece, default: [:]][faceGroup[across], default: 0] += ((b.lon - a.lon) * (b.lon - a.lon)
                + (b.lat - a.lat) * (b.lat - a.lat)).squareRoot()
        }
        guard !border.isEmpty else { return faceGroup }
        var heir = [Int: Int32]()
        for (piece, lengths) in border {
            // The longest boundary wins; ties go to the lower group, so the result does not depend on hashing.
            let best = lengths.filter { $0.key >= 0 }.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
            heir[piece] = best?.key ?? -1
        }
        var result = faceGroup
        for face in 0..<faceCount where planarArea[face] > 0 && faceGroup[face] >= 0 {
            if let group = heir[pieces.group(of: face)] { result[face] = group }
        }
        return result
    }

    // MARK: Building

    /// Which polygon of each layer every face lies in. An edge of a polygon answers for the faces on its two
    /// sides (inside it, or outside it and so, the layer's polygons not overlapping, outside the layer where no
    /// other polygon's edge lies along it). A face with no edge of a layer lies as its neighbours across its edges
    /// do; a face whose neighbours do not know either (the outside of a part of the map that lies within a face)
    /// is placed by a point on one of its edges.
    private static func members(of arrangement: Arrangement, layers: [[MultiPolygon]], layerBits: [UInt64],
                                labelLayer: [Int32], labelPolygon: [Int32]) -> [Int32] {
        let layerCount = layers.count, faceCount = arrangement.faceCount
        let unknown: Int32 = -2
        var member = [Int32](repeating: unknown, count: faceCount * layerCount)
        for piece in arrangement.pieces.indices {
            let h = piece * 2
            for (label, leftSide) in arrangement.labels(h) {
                let layer = Int(labelLayer[Int(label)])
                let polygon = labelPolygon[Int(label)]
                let (inside, outside) = leftSide ? (h, h + 1) : (h + 1, h)
                member[Int(arrangement.face[inside]) * layerCount + layer] = polygon
                let slot = Int(arrangement.face[outside]) * layerCount + layer
                if member[slot] == unknown { member[slot] = -1 }
            }
        }
        // Each face's half-edges, for walking to its neighbours.
        var firstHalfEdge = [Int32](repeating: 0, count: faceCount + 1)
        for h in 0..<arrangement.halfEdgeCount { firstHalfEdge[Int(arrangement.face[h]) + 1] += 1 }
        for face in 0..<faceCount { firstHalfEdge[face + 1] += firstHalfEdge[face] }
        var fill = firstHalfEdge
        var halfEdgesOfFace = [Int32](repeating: 0, count: arrangement.halfEdgeCount)
        for h in 0..<arrangement.halfEdgeCount {
            let face = Int(arrangement.face[h])
            halfEdgesOfFace[Int(fill[face])] = Int32(h)
            fill[face] += 1
        }
        for layer in 0..<layerCount {
            let bit: UInt64 = 1 << UInt64(min(layer, 63))
            var queue = (0..<faceCount).filter { member[$0 * layerCount + layer] != unknown }
            func spread() {
                while let face = queue.popLast() {
                    let value = member[face * layerCount + layer]
                    for slot in Int(firstHalfEdge[face])..<Int(firstHalfEdge[face + 1]) {
                        let h = Int(halfEdgesOfFace[slot])
                        guard layerBits[h >> 1] & bit == 0 else { continue }
                        let across = Int(arrangement.face[h ^ 1])
                        if member[across * layerCount + layer] == unknown {
                            member[across * layerCount + layer] = value
                            queue.append(across)
                        }
                    }
                }
            }
            spread()
            for face in 0..<faceCount where member[face * layerCount + layer] == unknown {
                let point = arrangement.midpoint(Int(halfEdgesOfFace[Int(firstHalfEdge[face])]))
                let polygon = layers[layer].firstIndex { area in
                    area.envelope?.contains(point) == true && area.polygons.contains { polygon in
                        ([polygon.exterior] + polygon.holes).reduce(false) { $0 != $1.ringContains(point) }
                    }
                }
                member[face * layerCount + layer] = Int32(polygon ?? -1)
                queue.append(face)
                spread()
            }
        }
        return member
    }

    /// Per piece, the layers of its labels as bits (layers past the 63rd share the last bit).
    private static func layerBits(of arrangement: Arrangement, labelLayer: [Int32]) -> [UInt64] {
        arrangement.pieces.indices.map { piece in
            arrangement.labels(piece * 2).reduce(0) { $0 | 1 << UInt64(min(labelLayer[Int($1.label)], 63)) }
        }
    }

    /// Each face's signed planar area, measured from its first vertex.
    private static func planarAreas(of arrangement: Arrangement) -> [Double] {
        var area = [Double](repeating: 0, count: arrangement.faceCount)
        var origin = [LonLat?](repeating: nil, count: arrangement.faceCount)
        for h in 0..<arrangement.halfEdgeCount {
            let face = Int(arrangement.face[h])
            let (a, b) = (arrangement.position(arrangement.origin(h)), arrangement.position(arrangement.target(h)))
            let o = origin[face] ?? a
            origin[face] = o
            area[face] += ((a.lon - o.lon) * (b.lat - o.lat) - (b.lon - o.lon) * (a.lat - o.lat)) / 2
        }
        return area
    }

    /// Each face's geodesic area, but for the faces of layer-0 polygons whose area is known and which no other
    /// layer's edge touches: those are listed by polygon instead. Faces outside layer 0 are not measured. The edges
    /// are measured on every core.
    private static func measure(_ arrangement: Arrangement, membership: [Int32], layerCount: Int, layerBits: [UInt64],
                                known: [Double]?) -> ([Double], [(area: Double, faces: [Int32])]) {
        let faceCount = arrangement.faceCount
        var facesOf = [[Int32]](repeating: [], count: known?.count ?? 0)
        var measured = (0..<faceCount).map { membership[$0 * layerCount] >= 0 }
        if let known {
            var cut = [Bool](repeating: false, count: known.count)
            for face in 0..<faceCount {
                let polygon = Int(membership[face * layerCount])
                if polygon >= 0 { facesOf[polygon].append(Int32(face)) }
            }
            for h in 0..<arrangement.halfEdgeCount {
                let polygon = Int(membership[Int(arrangement.face[h]) * layerCount])
                guard polygon >= 0, !cut[polygon] else { continue }
                if layerBits[h >> 1] & ~1 != 0 { cut[polygon] = true }
            }
            for polygon in known.indices where !cut[polygon] {
                for face in facesOf[polygon] { measured[Int(face)] = false }
            }
            facesOf = known.indices.map { cut[$0] ? [] : facesOf[$0] }
        }
        // Terms per piece, once for both its half-edges.
        let measuredFaces = measured
        var terms = [Double](repeating: 0, count: arrangement.pieces.count)
        let chunk = 2048
        terms.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: (output.count + chunk - 1) / chunk) { part in
                for piece in (part * chunk)..<min((part + 1) * chunk, output.count) {
                    let h = piece * 2
                    guard measuredFaces[Int(arrangement.face[h])] || measuredFaces[Int(arrangement.face[h + 1])] else { continue }
                    output[piece] = Geodesic.edgeAreaTermM2(arrangement.position(arrangement.origin(h)),
                                                            arrangement.position(arrangement.target(h)))
                }
            }
        }
        var area = [Double](repeating: 0, count: faceCount)
        for h in 0..<arrangement.halfEdgeCount {
            let face = Int(arrangement.face[h])
            guard measured[face] else { continue }
            // The terms sum to minus a counter-clockwise ring's area.
            area[face] -= (h & 1 == 0 ? terms[h >> 1] : -terms[h >> 1]) / 1_000_000
        }
        let knownFaces = known.map { known in
            known.indices.compactMap { facesOf[$0].isEmpty ? nil : (known[$0], facesOf[$0]) }
        } ?? []
        return (area, knownFaces)
    }

    /// One face's geodesic area in km², from its edges.
    private func geodesicArea(of face: Int) -> Double {
        var total = 0.0
        let start = Int(faceStart[face])
        var h = start
        repeat {
            total -= Geodesic.edgeAreaTermM2(position(arrangement.origin(h)), position(arrangement.target(h)))
            h = arrangement.nextInFace(h)
        } while h != start
        return total / 1_000_000
    }
}
