import Geometry
import Testing
@testable import Planar

/// An overlay read back from its parts is the overlay it was, face for face; parts that do not hold together
/// are refused, whatever was damaged.
struct OverlayPartsTests {
    func square(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> MultiPolygon {
        MultiPolygon([.rectangle(Envelope(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat))])
    }

    /// Two districts, a strip across both, and a known-area layer-0 polygon nothing cuts.
    var overlay: Overlay {
        Overlay(layers: [[square(36, 35, 36.5, 36), square(36.5, 35, 37, 36), square(37, 35, 37.5, 36)],
                         [square(35.8, 35.4, 36.8, 35.6)]],
                knownAreasKm2: [5_000, 5_000, 5_050])
    }

    var layerSizes: [Int] { [3, 1] }

    @Test func partsReadBackGiveTheSameMap() throws {
        let original = overlay
        let read = try #require(Overlay(parts: original.parts, layerSizes: layerSizes))
        #expect(read.parts == original.parts)
        #expect(read.faceCount == original.faceCount && read.layerCount == original.layerCount)
        let groups = (0..<original.faceCount).map { face in Int32(max(original.member(face: face, layer: 0), -1)) }
        #expect(read.areasKm2(faceGroup: groups, groupCount: 3) == original.areasKm2(faceGroup: groups, groupCount: 3))
        #expect(read.unions(faceGroup: groups, groupCount: 3) == original.unions(faceGroup: groups, groupCount: 3))
        #expect(read.absorbingSlivers(groups, minimumArea: 1) == original.absorbingSlivers(groups, minimumArea: 1))
        #expect(!original.parts.knownArea.isEmpty, "a known-area polygon is kept")
    }

    static let damages: [(String, @Sendable (inout Overlay.Parts) -> Void)] = [
        ("a vertex past the end", { $0.to[0] = Int32($0.vertices.count) }),
        ("a next half-edge past the end", { $0.next[1] = Int32($0.next.count) }),
        ("two half-edges with one next", { $0.next[0] = $0.next[1] }),
        ("a next half-edge of another face", { parts in
            let other = parts.face.firstIndex { $0 != parts.face[0] }!
            parts.next.swapAt(0, other)
        }),
        ("a face past the count", { $0.face[2] = Int32($0.faceCount) }),
        ("a polygon past its layer", { $0.membership[1] = 1 }),
        ("a polygon below -1", { $0.membership[0] = -2 }),
        ("a first half-edge of another face", { parts in
            parts.faceStart[0] = Int32(parts.face.firstIndex { $0 != 0 }!)
        }),
        ("a known polygon with no faces", { $0.knownStart[1] = 0 }),
        ("a known face past the count", { $0.knownFaces[0] = Int32($0.faceCount) }),
        ("an area missing", { $0.measuredArea.removeLast() }),
        ("a layer fewer", { $0.layerCount = 1 }),
    ]

    @Test(arguments: damages.indices)
    func damagedPartsAreRefused(damage: Int) {
        var parts = overlay.parts
        Self.damages[damage].1(&parts)
        #expect(Overlay(parts: parts, layerSizes: layerSizes) == nil, "\(Self.damages[damage].0)")
    }

    @Test func partsOfOtherLayersAreRefused() {
        #expect(Overlay(parts: overlay.parts, layerSizes: [3]) == nil)
        #expect(Overlay(parts: overlay.parts, layerSizes: [2, 1]) == nil)
    }
}
