public import Geometry
import Gazetteer

/// A compact binary form of `PlaceCells` for the on-disk cache: reading it back costs no geometry work.
extension PlaceCells {
    private static let magic: UInt32 = 0x434D_4332  // "CMC2"

    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(PlaceCells.magic)
        writer.append(key)
        writer.append(UInt32(placeIDs.count))
        for (id, cell) in zip(placeIDs, cells) {
            writer.append(id)
            writer.append(cell)
        }
        writer.append(unreached)
        // The geodesic areas too, so that reading the cache back measures nothing.
        for area in topology.areasKm2 { writer.append(area) }
        return writer.bytes
    }

    /// Decodes a cache file; nil when it is not one or is damaged, so the caller recomputes.
    public init?(encoded bytes: [UInt8]) {
        var reader = ByteReader(bytes: bytes)
        guard reader.uint32() == PlaceCells.magic, let key = reader.string(), let count = reader.uint32() else {
            return nil
        }
        var ids = [String]()
        var cells = [MultiPolygon]()
        for _ in 0..<count {
            guard let id = reader.string(), let cell = reader.multiPolygon() else { return nil }
            ids.append(id)
            cells.append(cell)
        }
        guard let unreached = reader.multiPolygon() else { return nil }
        var areas = [Double]()
        for _ in 0...count {
            guard let area = reader.double(), area.isFinite, area >= 0 else { return nil }
            areas.append(area)
        }
        guard reader.atEnd else { return nil }
        self.init(placeIDs: ids, cells: cells, unreached: unreached, key: key, areasKm2: areas)
    }
}
