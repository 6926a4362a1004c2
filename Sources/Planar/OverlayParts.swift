public import Geometry

extension Overlay {
    /// What a cache keeps of an overlay, so that reading it back cuts nothing: the graph (vertices, each edge
    /// piece's two ends, per half-edge the next one round its face and its face), each face's polygon in every
    /// layer, its planar and geodesic areas and first half-edge, and the known-area polygons' faces (as one list
    /// with each polygon's start).
    public struct Parts: Sendable, Equatable {
        public var layerCount: Int
        public var faceCount: Int
        public var vertices: [LonLat]
        public var from: [Int32], to: [Int32]
        public var next: [Int32], face: [Int32]
        public var membership: [Int32]
        public var planarArea: [Double], measuredArea: [Double]
        public var faceStart: [Int32]
        public var knownArea: [Double]
        public var knownStart: [Int32], knownFaces: [Int32]

        public init(layerCount: Int, faceCount: Int, vertices: [LonLat], from: [Int32], to: [Int32], next: [Int32],
                    face: [Int32], membership: [Int32], planarArea: [Double], measuredArea: [Double],
                    faceStart: [Int32], knownArea: [Double], knownStart: [Int32], knownFaces: [Int32]) {
            (self.layerCount, self.faceCount, self.vertices, self.from, self.to, self.next, self.face) =
                (layerCount, faceCount, vertices, from, to, next, face)
            (self.membership, self.planarArea, self.measuredArea, self.faceStart) =
                (membership, planarArea, measuredArea, faceStart)
            (self.knownArea, self.knownStart, self.knownFaces) = (knownArea, knownStart, knownFaces)
        }
    }

    public var parts: Parts {
        var knownStart: [Int32] = [0], knownFaces = [Int32]()
        for (_, faces) in self.knownFaces {
            knownFaces += faces
            knownStart.append(Int32(knownFaces.count))
        }
        return Parts(layerCount: layerCount, faceCount: faceCount, vertices: arrangement.vertices,
                     from: arrangement.pieces.map(\.from), to: arrangement.pieces.map(\.to), next: arrangement.next,
                     face: arrangement.face, membership: membership, planarArea: planarArea,
                     measuredArea: measuredArea, faceStart: faceStart, knownArea: self.knownFaces.map(\.area),
                     knownStart: knownStart, knownFaces: knownFaces)
    }

    /// The overlay of `parts`, whose layers hold `layerSizes` polygons; nil unless every index lies in range, each
    /// face's half-edges form rounds (`next` is a permutation that keeps to the face) and every count fits, so
    /// that a damaged cache is refused rather than walked.
    public init?(parts: Parts, layerSizes: [Int]) {
        let pieceCount = parts.from.count, halfEdges = 2 * pieceCount, faces = parts.faceCount
        guard !layerSizes.isEmpty, parts.layerCount == layerSizes.count, faces >= 0, parts.to.count == pieceCount,
              parts.next.count == halfEdges, parts.face.count == halfEdges,
              parts.membership.count == faces * layerSizes.count, parts.planarArea.count == faces,
              parts.measuredArea.count == faces, parts.faceStart.count == faces,
              parts.knownStart.count == parts.knownArea.count + 1, parts.knownStart.first == 0,
              parts.knownStart.last.map(Int.init) == parts.knownFaces.count else { return nil }
        let vertexCount = Int32(clamping: parts.vertices.count)
        for piece in 0..<pieceCount {
            guard (0..<vertexCount).contains(parts.from[piece]), (0..<vertexCount).contains(parts.to[piece]) else {
                return nil
            }
        }
        var reached = [Bool](repeating: false, count: halfEdges)
        for halfEdge in 0..<halfEdges {
            let next = Int(parts.next[halfEdge]), face = parts.face[halfEdge]
            guard face >= 0, Int(face) < faces, next >= 0, next < halfEdges, !reached[next],
                  parts.face[next] == face else { return nil }
            reached[next] = true
        }
        for face in 0..<faces {
            let start = Int(parts.faceStart[face])
            guard start >= 0, start < halfEdges, parts.face[start] == Int32(face) else { return nil }
            for layer in layerSizes.indices {
                let member = parts.membership[face * layerSizes.count + layer]
                guard member >= -1, Int(member) < layerSizes[layer] else { return nil }
            }
        }
        var knownFaces = [(area: Double, faces: [Int32])]()
        for (index, area) in parts.knownArea.enumerated() {
            let (start, end) = (Int(parts.knownStart[index]), Int(parts.knownStart[index + 1]))
            guard start < end, end <= parts.knownFaces.count else { return nil }
            let group = Array(parts.knownFaces[start..<end])
            guard group.allSatisfy({ $0 >= 0 && Int($0) < faces }) else { return nil }
            knownFaces.append((area, group))
        }
        let pieces = (0..<pieceCount).map { Arrangement.Segment(from: parts.from[$0], to: parts.to[$0], label: 0) }
        arrangement = Arrangement(vertices: parts.vertices, pieces: pieces, next: parts.next, face: parts.face,
                                  faceCount: faces)
        layerCount = parts.layerCount
        membership = parts.membership
        planarArea = parts.planarArea
        measuredArea = parts.measuredArea
        faceStart = parts.faceStart
        self.knownFaces = knownFaces
    }
}
