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
    ///
    /// Rather than clipping every Voronoi cell and noding the results, it keeps the cells no cutting line comes
    /// near (the region's outline, the reach circles that cut a cell, the families' own Voronoi edges) as GEOS
    /// drew them, nodes the cutting lines with the remaining cells' edges, and gives each face of that
    /// arrangement to the site nearest its interior: all cells share their edges vertex for vertex.
    public init(sites: [LonLat], reachKm: [Double], parents: [Int?]? = nil, region: MultiPolygon) throws {
        precondition(sites.count == reachKm.count, "one reach per site")
        let parents = parents ?? sites.map { _ in nil }
        guard let frame = region.envelope?.expanded(byDegrees: 1) else {
            self.init(cells: sites.map { _ in MultiPolygon() }, unreached: MultiPolygon())
            return
        }
        let context = GEOSContext()
        let regionGeometry = try context.multiPolygon(region)
        let preparedRegion = try PreparedGeometry(regionGeometry)
        let topLevel = sites.indices.filter { parents[$0] == nil }
        let families = Dictionary(grouping: sites.indices.filter { parents[$0] != nil }, by: { parents[$0]! })
        let discs = sites.indices.map { Polygon.disc(centre: sites[$0], radiusKm: reachKm[$0]).exterior }

        let diagram = try Self.voronoi(topLevel, sites: sites, discs: discs, frame: frame, context: context)
        let circled = diagram.beyondReach
        // Lines that cut Voronoi cells: the region's outline, the families' own edges within the parent's reach,
        // and the circles of every site whose reach ends inside its cell.
        var cutters = region.polygons.flatMap { [$0.exterior] + $0.holes }
        for (parent, children) in families.sorted(by: { $0.key < $1.key }) {
            let family = [parent] + children
            let reach = try context.polygon(Polygon(exterior: discs[parent]))
            let edges = try context.multiLineString(MultiLineString(try Self.voronoi(
                family, sites: sites, discs: nil, frame: Envelope(covering: discs[parent])!.expanded(byDegrees: 0.1),
                context: context).edges))
            cutters += try context.make("family edges") { GEOSIntersection_r($0, edges.raw, reach.raw) }.lines()
        }
        for index in circled.union(families.values.joined()).sorted() {
            cutters.append(discs[index] + [discs[index][0]])
        }
        // A cell that no cutter comes near is final as GEOS drew it; only the others go through noding.
        let cutterIndex = SegmentIndex(cutters)
        var dirty = circled.union(families.keys)
        for (site, cell) in diagram.cells where !dirty.contains(site) {
            if let envelope = Envelope(covering: cell.exterior), cutterIndex.touches(envelope) { dirty.insert(site) }
        }
        var linework = cutters
        var seen = Set<[LonLat]>()
        for site in dirty.sorted() {
            guard let ring = diagram.cells[site]?.exterior else { continue }
            for (p, q) in zip(ring, ring.dropFirst()) where p != q {
                let segment = (p.lon, p.lat) < (q.lon, q.lat) ? [p, q] : [q, p]
                if seen.insert(segment).inserted { linework.append(segment) }
            }
        }
        let collection = try context.multiLineString(MultiLineString(linework))
        let noded = try context.make("noding") { GEOSNode_r($0, collection.raw) }
        var inputs: [OpaquePointer?] = [noded.raw]
        let faces = try context.make("polygonize") { GEOSPolygonize_r($0, &inputs, 1) }

        let nearestTop = PointIndex(topLevel.map { sites[$0] })
        var facesOfCell = [[Polygon]](repeating: [], count: sites.count)
        for (site, cell) in diagram.cells where !dirty.contains(site) {
            if try preparedRegion.contains(context.point(sites[site])) { facesOfCell[site] = [cell] }
        }
        var unreachedFaces = [Polygon]()
        for face in try context.members(of: faces.raw) {
            let inside = try context.make("face point") { GEOSPointOnSurface_r($0, face) }
            guard try preparedRegion.contains(inside) else { continue }
            let point = try context.positions(of: inside.raw)[0]
            let polygons = try context.polygons(of: face)
            guard let nearest = nearestTop.nearest(to: point) else { continue }
            let owner = topLevel[nearest]
            guard dirty.contains(owner) else { continue }  // ground of a clean cell that dirty ones surround
            guard !circled.contains(owner) || discs[owner].ringContains(point) else {
                unreachedFaces += polygons
                continue
            }
            var holder = owner
            if let children = families[owner] {
                let member = ([owner] + children).min { Self.planarDistance(sites[$0], point) < Self.planarDistance(sites[$1], point) }!
                if member != owner && discs[member].ringContains(point) { holder = member }
            }
            facesOfCell[holder] += polygons
        }
        let cells = try facesOfCell.map { faces in
            try faces.count <= 1 ? MultiPolygon(faces) : .coverageUnion(faces.map { MultiPolygon([$0]) })
        }
        let unreached = try unreachedFaces.isEmpty ? MultiPolygon() : .coverageUnion(unreachedFaces.map { MultiPolygon([$0]) })
        self.init(cells: cells, unreached: unreached)
    }

    /// The Voronoi diagram's cells by site and its edges, each once, ending on the frame; and the sites whose
    /// cell reaches past their disc, so that the disc's circle must cut it. The edges come from the cells, whose
    /// shared edges carry identical vertices, because GEOS's own edge mode overlays the diagram with the frame.
    private static func voronoi(
        _ indices: [Int], sites: [LonLat], discs: [[LonLat]]?, frame: Envelope, context: GEOSContext
    ) throws -> (cells: [Int: Polygon], edges: [[LonLat]], beyondReach: Set<Int>) {
        let points = try context.multiPoint(indices.map { sites[$0] })
        let box = try context.polygon(.rectangle(frame))
        let diagram = try context.make("voronoi") { GEOSVoronoiDiagram_r($0, points.raw, box.raw, 0, 0) }
        let index = PointIndex(indices.map { sites[$0] })
        var seen = Set<[LonLat]>()
        var edges = [[LonLat]]()
        var cells = [Int: Polygon]()
        var beyondReach = Set<Int>()
        for cell in try diagram.polygons() {
            for (p, q) in zip(cell.exterior, cell.exterior.dropFirst()) where p != q {
                let segment = (p.lon, p.lat) < (q.lon, q.lat) ? [p, q] : [q, p]
                if seen.insert(segment).inserted { edges.append(segment) }
            }
            // A Voronoi cell is convex, so the site nearest the mean of its corners is the cell's own.
            let corners = cell.exterior.dropLast()
            let centre = LonLat(corners.map(\.lon).reduce(0, +) / Double(corners.count),
                                corners.map(\.lat).reduce(0, +) / Double(corners.count))
            guard let nearest = index.nearest(to: centre) else { continue }
            let site = indices[nearest]
            cells[site] = cell
            if let discs, !corners.allSatisfy(discs[site].ringContains) { beyondReach.insert(site) }
        }
        return (cells, edges, beyondReach)
    }

    /// Squared distance in degrees: the measure GEOS's Voronoi diagram is built on.
    static func planarDistance(_ a: LonLat, _ b: LonLat) -> Double {
        (a.lon - b.lon) * (a.lon - b.lon) + (a.lat - b.lat) * (a.lat - b.lat)
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
}

/// A grid over positions, for the nearest site to a point without testing them all.
private struct PointIndex {
    private let cellSize = 0.25
    private let points: [LonLat]
    private var buckets: [Int64: [Int]] = [:]

    init(_ points: [LonLat]) {
        self.points = points
        for (index, point) in points.enumerated() {
            buckets[key(column(point.lon), column(point.lat)), default: []].append(index)
        }
    }

    /// The nearest point's index (the lowest index among equals), searching rings of grid squares outwards
    /// until no unsearched square can hold anything nearer.
    func nearest(to target: LonLat) -> Int? {
        guard !points.isEmpty else { return nil }
        let (x, y) = (column(target.lon), column(target.lat))
        var best: (index: Int, distance: Double)?
        var radius = 0
        while true {
            for dx in -radius...radius {
                for dy in -radius...radius where max(abs(dx), abs(dy)) == radius {
                    for index in buckets[key(x + dx, y + dy)] ?? [] {
                        let distance = Tessellation.planarDistance(points[index], target)
                        if best == nil || distance < best!.distance || (distance == best!.distance && index < best!.index) {
                            best = (index, distance)
                        }
                    }
                }
            }
            // Squares beyond this ring lie at least `radius` squares away from the target's square.
            if let best, Double(radius) * cellSize >= best.distance.squareRoot() { return best.index }
            if radius > 4_000 { return best?.index }
            radius += 1
        }
    }

    private func column(_ degrees: Double) -> Int {
        Int(floor(degrees / cellSize))
    }

    private func key(_ column: Int, _ row: Int) -> Int64 {
        Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: row)))
    }
}

/// A grid over the envelopes of line segments, to tell whether any segment comes near a box.
private struct SegmentIndex {
    private let cellSize = 0.25
    private var buckets: [Int64: [Envelope]] = [:]

    init(_ lines: [[LonLat]]) {
        for line in lines {
            for (p, q) in zip(line, line.dropFirst()) {
                let envelope = Envelope(minLon: min(p.lon, q.lon), minLat: min(p.lat, q.lat),
                                        maxLon: max(p.lon, q.lon), maxLat: max(p.lat, q.lat))
                for key in keys(envelope) { buckets[key, default: []].append(envelope) }
            }
        }
    }

    func touches(_ box: Envelope) -> Bool {
        keys(box).contains { key in buckets[key]?.contains { $0.intersects(box) } ?? false }
    }

    private func keys(_ envelope: Envelope) -> [Int64] {
        var keys = [Int64]()
        for column in Int(floor(envelope.minLon / cellSize))...Int(floor(envelope.maxLon / cellSize)) {
            for row in Int(floor(envelope.minLat / cellSize))...Int(floor(envelope.maxLat / cellSize)) {
                keys.append(Int64(column) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: row))))
            }
        }
        return keys
    }
}
