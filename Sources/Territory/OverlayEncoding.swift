public import Gazetteer
import Geometry
public import Planar

/// A date's planar map (`Overlay`) as the cache keeps it, so that a command drawing a date drawn before reads the
/// cut regions, outlines and area claims back instead of cutting them again.
public enum OverlayCoding {
    static let magic: UInt32 = 0x314F_4D43  // "CMO1"

    public static func encoded(_ overlay: Overlay) -> [UInt8] {
        let parts = overlay.parts
        var writer = ByteWriter()
        writer.append(magic)
        writer.append(count: parts.layerCount)
        writer.append(count: parts.faceCount)
        writer.append(doubles: parts.vertices.flatMap { [$0.lon, $0.lat] })
        for numbers in [parts.from, parts.to, parts.next, parts.face, parts.membership, parts.faceStart,
                        parts.knownStart, parts.knownFaces] {
            writer.append(int32s: numbers)
        }
        for numbers in [parts.planarArea, parts.measuredArea, parts.knownArea] { writer.append(doubles: numbers) }
        return writer.bytes
    }

    /// The overlay a cache file holds from where `start` stands to its end, its layers holding `layerSizes`
    /// polygons; nil when it is not one or is damaged.
    public static func decoded(_ start: ByteReader, layerSizes: [Int]) -> Overlay? {
        var reader = start
        guard reader.uint32() == magic, let layerCount = reader.count(limit: 1 << 16),
              let faceCount = reader.count(limit: reader.remaining), let coordinates = reader.doubles(),
              coordinates.count % 2 == 0,
              let from = reader.int32s(), let to = reader.int32s(), let next = reader.int32s(),
              let face = reader.int32s(), let membership = reader.int32s(), let faceStart = reader.int32s(),
              let knownStart = reader.int32s(), let knownFaces = reader.int32s(),
              let planarArea = reader.doubles(), let measuredArea = reader.doubles(), let knownArea = reader.doubles(),
              reader.atEnd else { return nil }
        let vertices = stride(from: 0, to: coordinates.count, by: 2).map { LonLat(coordinates[$0], coordinates[$0 + 1]) }
        return Overlay(parts: Overlay.Parts(layerCount: layerCount, faceCount: faceCount, vertices: vertices,
                                            from: from, to: to, next: next, face: face, membership: membership,
                                            planarArea: planarArea, measuredArea: measuredArea,
                                            faceStart: faceStart, knownArea: knownArea, knownStart: knownStart,
                                            knownFaces: knownFaces),
                       layerSizes: layerSizes)
    }

    /// A hash of everything an overlay is cut from: the program, the cells (by their own key, which covers their
    /// known areas) and every point of the other layers' polygons, layer by layer.
    static func key(cells: PlaceCells, layers: [[MultiPolygon]]) -> String {
        var hash = InputHash()
        hash.mix("overlay-1")
        hash.mix(CacheFolder.programIdentity)
        hash.mix(cells.key)
        hash.mix(UInt64(layers.count))
        for layer in layers {
            hash.mix(UInt64(layer.count))
            for area in layer {
                hash.mix(UInt64(area.polygons.count))
                for polygon in area.polygons {
                    for ring in [polygon.exterior] + polygon.holes {
                        hash.mix(UInt64(ring.count))
                        ring.withUnsafeBytes { hash.mix($0) }
                    }
                }
            }
        }
        return hash.hex
    }
}
