public import Geometry
import Gazetteer
import Planar

/// A compact binary form of `PlaceCells` for the on-disk cache: reading it back costs no geometry work.
extension PlaceCells {
    private static let magic: UInt32 = 0x434D_4333  // "CMC3"

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
        // The topology and the geodesic areas too, so that reading the cache back builds and measures nothing.
        let parts = topology.parts
        for area in parts.areasKm2 { writer.append(area) }
        writer.append(count: parts.vertices.count)
        for vertex in parts.vertices {
            writer.append(vertex.lon)
            writer.append(vertex.lat)
        }
        for numbers in [parts.from, parts.to, parts.cell, parts.next, parts.twins] { writer.append(int32s: numbers) }
        return writer.bytes
    }

    /// Decodes a cache file; nil when it is not one or is damaged, so the caller recomputes.
    public init?(encoded bytes: [UInt8]) {
        self.init(reader: ByteReader(bytes: bytes))
    }

    /// As `init(encoded:)`, from where `reader` stands to its end.
    public init?(reader start: ByteReader) {
        var reader = start
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
        guard let vertexCount = reader.uint32().map(Int.init), vertexCount <= reader.remaining / 16 else { return nil }
        var vertices = [LonLat]()
        vertices.reserveCapacity(vertexCount)
        for _ in 0..<vertexCount {
            guard let lon = reader.double(), let lat = reader.double() else { return nil }
            vertices.append(LonLat(lon, lat))
        }
        guard let from = reader.int32s(), let to = reader.int32s(), let cell = reader.int32s(),
              let next = reader.int32s(), let twins = reader.int32s(), reader.atEnd,
              let topology = CellTopology(parts: CellTopology.Parts(vertices: vertices, from: from, to: to, cell: cell,
                                                                    next: next, twins: twins, areasKm2: areas),
                                          cellCount: Int(count) + 1) else { return nil }
        self.init(placeIDs: ids, cells: cells, unreached: unreached, key: key, topology: topology)
    }
}
