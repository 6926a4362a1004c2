internal import CGEOS
import Foundation

/// Voronoi cells of sites, clipped to a region and to each site's reach, forming a clean coverage:
/// shared edges carry the same vertices, so unions of cells can use GEOS's fast coverage union.
public struct Tessellation: Hashable, Sendable {
    /// `cells[i]` belongs to site `i`; empty when the site repeats an earlier position or lies outside the region.
    public var cells: [MultiPolygon]
    /// The part of the region that no site reaches.
    public var unreached: MultiPolygon

    public init(cells: [MultiPolygon], unreached: MultiPolygon) {
        self.cells = cells
        self.unreached = unreached
    }

    /// Tessellates `region` among `sites`, each cell cut to a disc of `reachKm[i]` around its site.
    /// A site with a parent (`parents[i]`, the index of another site) shares out its parent's cell with its
    /// siblings instead of competing with the parent's neighbours: a city keeps its countryside, and its
    /// neighbourhoods divide the city's own ground.
    public init(sites: [LonLat], reachKm: [Double], parents: [Int?]? = nil, region: MultiPolygon) throws {
        precondition(sites.count == reachKm.count, "one reach per site")
        let parents = parents ?? sites.map { _ in nil }
        let context = GEOSContext()
        let regionGeometry = try context.multiPolygon(region)
        let preparedRegion = try PreparedGeometry(regionGeometry)
        let topLevel = sites.indices.filter { parents[$0] == nil }
        var clipped = [GEOSGeometryRef?](repeating: nil, count: sites.count)
        for (index, cell) in zip(topLevel, try Self.voronoiCells(sites: topLevel.map { sites[$0] }, region: region,
                                                                context: context)) {
            guard let cell else { continue }
            clipped[index] = try Self.clip(cell, to: sites[index], reachKm: reachKm[index], context: context,
                                           region: regionGeometry, preparedRegion: preparedRegion)
        }
        for parent in topLevel {
            let children = sites.indices.filter { parents[$0] == parent }
            guard !children.isEmpty, let parentCell = clipped[parent] else { continue }
            let parentArea = MultiPolygon(try parentCell.polygons())
            let family = [parent] + children
            let cells = try Self.voronoiCells(sites: family.map { sites[$0] }, region: parentArea, context: context)
            let preparedParent = try PreparedGeometry(parentCell)
            var taken = [GEOSGeometryRef]()
            for (index, cell) in zip(family, cells) where index != parent {
                guard let cell else { continue }
                let childCell = try Self.clip(cell, to: sites[index], reachKm: reachKm[index], context: context,
                                              region: parentCell, preparedRegion: preparedParent)
                clipped[index] = childCell
                taken.append(childCell)
            }
            if !taken.isEmpty {
                // The collection takes ownership of its members, so it gets copies of the children's cells.
                let copies = try taken.map { child in try context.make("copy") { GEOSGeom_clone_r($0, child.raw) } }
                let family = try context.collection(type: GEOS_GEOMETRYCOLLECTION, copies)
                let union = try context.make("children") { GEOSUnaryUnion_r($0, family.raw) }
                clipped[parent] = try context.make("parent remainder") { GEOSDifference_r($0, parentCell.raw, union.raw) }
            }
        }
        let faces = try Self.nodedFaces(clipped.compactMap { $0 } + [regionGeometry], context: context)
        var facesOfCell = [[Polygon]](repeating: [], count: sites.count)
        var unreachedFaces = [Polygon]()
        let cellIndex = try CellIndex(clipped, context: context)
        for face in faces {
            let faceGeometry = try context.polygon(face)
            let inside = try context.make("face point") { GEOSPointOnSurface_r($0, faceGeometry.raw) }
            if let owner = try cellIndex.cell(containing: inside) {
                facesOfCell[owner].append(face)
            } else if try preparedRegion.contains(inside) {
                unreachedFaces.append(face)
            }
        }
        cells = try facesOfCell.map { try $0.isEmpty ? MultiPolygon() : .coverageUnion($0.map { MultiPolygon([$0]) }) }
        unreached = try unreachedFaces.isEmpty ? MultiPolygon() : .coverageUnion(unreachedFaces.map { MultiPolygon([$0]) })
    }

    /// A Voronoi cell cut to its site's reach and to the region.
    private static func clip(
        _ cell: GEOSGeometryRef, to site: LonLat, reachKm: Double, context: GEOSContext, region: GEOSGeometryRef,
        preparedRegion: PreparedGeometry
    ) throws -> GEOSGeometryRef {
        let disc = try context.polygon(.disc(centre: site, radiusKm: reachKm))
        let reached = try context.make("reach") { GEOSIntersection_r($0, cell.raw, disc.raw) }
        if try preparedRegion.contains(reached) { return reached }
        return try context.make("clip") { GEOSIntersection_r($0, reached.raw, region.raw) }
    }

    /// Raw Voronoi cells in site order. GEOS 3.11 returns them in its own order, so each is matched to the
    /// site it contains; a repeated site gets nil.
    private static func voronoiCells(
        sites: [LonLat], region: MultiPolygon, context: GEOSContext
    ) throws -> [GEOSGeometryRef?] {
        guard let box = region.envelope?.expanded(byDegrees: 1) else { return sites.map { _ in nil } }
        let points = try context.multiPoint(sites)
        let frame = try context.polygon(.rectangle(box))
        let diagram = try context.make("voronoi") { GEOSVoronoiDiagram_r($0, points.raw, frame.raw, 0, 0) }
        var bySite = [GEOSGeometryRef?](repeating: nil, count: sites.count)
        let siteIndex = PointIndex(sites)
        for member in try context.members(of: diagram.raw) {
            let cell = try context.make("cell") { GEOSGeom_clone_r($0, member) }
            let prepared = try PreparedGeometry(cell)
            guard let envelope = try MultiPolygon(cell.polygons()).envelope else { continue }
            for candidate in siteIndex.indices(in: envelope) where bySite[candidate] == nil {
                let site = try context.point(sites[candidate])
                if try prepared.covers(site) {
                    bySite[candidate] = cell
                    break
                }
            }
        }
        return bySite
    }

    /// The faces of the arrangement of every ring: edges shared by neighbouring cells get the same vertices.
    private static func nodedFaces(_ geometries: [GEOSGeometryRef], context: GEOSContext) throws -> [Polygon] {
        let boundaries = try geometries.map { geometry in
            try context.make("boundary") { GEOSBoundary_r($0, geometry.raw) }
        }
        let linework = try context.collection(type: GEOS_GEOMETRYCOLLECTION, boundaries)
        let noded = try context.make("noding") { GEOSUnaryUnion_r($0, linework.raw) }
        var inputs: [OpaquePointer?] = [noded.raw]
        let faces = try context.make("polygonize") { GEOSPolygonize_r($0, &inputs, 1) }
        return try faces.polygons()
    }
}

// MARK: - Look-up helpers

/// A prepared geometry for repeated predicates; keeps the geometry it was made from alive.
private final class PreparedGeometry {
    let source: GEOSGeometryRef
    let raw: OpaquePointer

    init(_ source: GEOSGeometryRef) throws {
        self.source = source
        let context = source.context
        context.clearMessages()
        guard let raw = GEOSPrepare_r(context.handle, source.raw) else { throw context.failure("prepare") }
        self.raw = raw
    }

    deinit {
        GEOSPreparedGeom_destroy_r(source.context.handle, raw)
    }

    func contains(_ other: GEOSGeometryRef) throws -> Bool {
        try source.context.predicate("contains") { GEOSPreparedContains_r($0, raw, other.raw) }
    }

    func covers(_ other: GEOSGeometryRef) throws -> Bool {
        try source.context.predicate("covers") { GEOSPreparedCovers_r($0, raw, other.raw) }
    }
}

/// A grid over positions, to find the sites inside a cell's envelope without testing them all.
private struct PointIndex {
    private let cellSize = 0.25
    private var buckets: [Int64: [Int]] = [:]

    init(_ points: [LonLat]) {
        for (index, point) in points.enumerated() {
            buckets[key(Int(floor(point.lon / cellSize)), Int(floor(point.lat / cellSize))), default: []].append(index)
        }
    }

    func indices(in envelope: Envelope) -> [Int] {
        var found = [Int]()
        for column in Int(floor(envelope.minLon / cellSize))...Int(floor(envelope.maxLon / cellSize)) {
            for row in Int(floor(envelope.minLat / cellSize))...Int(floor(envelope.maxLat / cellSize)) {
                found += buckets[key(column, row)] ?? []
            }
        }
        return found.sorted()
    }

    private func key(_ column: Int, _ row: Int) -> Int64 {
        Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: row)))
    }
}

/// Clipped cells by envelope, to find the one holding a face.
private struct CellIndex {
    private let prepared: [PreparedGeometry?]
    private let envelopes: [Envelope?]

    init(_ cells: [GEOSGeometryRef?], context: GEOSContext) throws {
        prepared = try cells.map { try $0.map(PreparedGeometry.init) }
        envelopes = try cells.map { try $0.flatMap { MultiPolygon(try $0.polygons()).envelope } }
    }

    func cell(containing point: GEOSGeometryRef) throws -> Int? {
        let position = try point.context.positions(of: point.raw)[0]
        for (index, envelope) in envelopes.enumerated() {
            guard let envelope, envelope.contains(position), let cell = prepared[index] else { continue }
            if try cell.contains(point) { return index }
        }
        return nil
    }
}
