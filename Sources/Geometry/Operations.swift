internal import CGEOS

// MARK: - Reading and writing WKT

extension MultiPolygon {
    /// Parses Well-Known Text (POLYGON or MULTIPOLYGON); other geometry types give an empty area.
    public init(wkt: String) throws {
        let context = try GEOSContext()
        guard let reader = GEOSWKTReader_create_r(context.handle) else { throw context.failure("WKT reader") }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        let geometry = try context.make("WKT") { GEOSWKTReader_read_r($0, reader, wkt) }
        self.init(try geometry.polygons())
    }

    /// Why GEOS finds this area invalid, or nil when it is valid.
    public func invalidityReason() throws -> String? {
        let context = try GEOSContext()
        let geometry = try context.multiPolygon(self)
        if try context.predicate("validity", { GEOSisValid_r($0, geometry.raw) }) { return nil }
        context.clearMessages()
        guard let reason = GEOSisValidReason_r(context.handle, geometry.raw) else { throw context.failure("validity") }
        defer { GEOSFree_r(context.handle, reason) }
        return String(cString: reason)
    }

    /// The area with every vertex on a grid of `gridDegrees`, still valid: what a file that stores rounded coordinates
    /// (GeoJSON's six decimals, KML's fifteen digits) should be given, since rounding alone can make edges cross.
    public func snapped(toGrid gridDegrees: Double) throws -> MultiPolygon {
        try unaryOperation("precision") { GEOSGeom_setPrecision_r($0, $1, gridDegrees, 0) }
    }

    /// The same area made valid (self-intersections resolved), for areas read from users' files.
    public func madeValid() throws -> MultiPolygon {
        try unaryOperation("make valid") { GEOSMakeValid_r($0, $1) }
    }
}

// MARK: - Overlay

extension MultiPolygon {
    public func intersection(with other: MultiPolygon) throws -> MultiPolygon {
        try binaryOperation("intersection", other) { GEOSIntersection_r($0, $1, $2) }
    }

    public func union(with other: MultiPolygon) throws -> MultiPolygon {
        try binaryOperation("union", other) { GEOSUnion_r($0, $1, $2) }
    }

    public func difference(_ other: MultiPolygon) throws -> MultiPolygon {
        try binaryOperation("difference", other) { GEOSDifference_r($0, $1, $2) }
    }

    /// The union of any areas, overlapping or not; empty for no input.
    public static func unionAll(_ areas: [MultiPolygon]) throws -> MultiPolygon {
        let context = try GEOSContext()
        let all = try context.collection(type: GEOS_MULTIPOLYGON, areas.flatMap(\.polygons).map(context.polygon))
        return MultiPolygon(try context.make("union") { GEOSUnaryUnion_r($0, all.raw) }.polygons())
    }

    /// The union of areas that form a clean coverage (edge-matched, not overlapping), much faster than
    /// `unionAll`; a tessellation's cells are such a coverage.
    public static func coverageUnion(_ areas: [MultiPolygon]) throws -> MultiPolygon {
        let context = try GEOSContext()
        let all = try context.collection(type: GEOS_MULTIPOLYGON, areas.flatMap(\.polygons).map(context.polygon))
        return MultiPolygon(try context.make("coverage union") { GEOSCoverageUnion_r($0, all.raw) }.polygons())
    }

    /// The outline of every ring.
    public func boundary() throws -> MultiLineString {
        let context = try GEOSContext()
        let geometry = try context.multiPolygon(self)
        return MultiLineString(try context.make("boundary") { GEOSBoundary_r($0, geometry.raw) }.lines())
    }

    public func contains(_ point: LonLat) throws -> Bool {
        let context = try GEOSContext()
        let geometry = try context.multiPolygon(self)
        let target = try context.point(point)
        return try context.predicate("contains") { GEOSContains_r($0, geometry.raw, target.raw) }
    }

    /// A point guaranteed inside the area (for labels); nil when the area is empty.
    public func pointOnSurface() throws -> LonLat? {
        guard !isEmpty else { return nil }
        let context = try GEOSContext()
        let geometry = try context.multiPolygon(self)
        let point = try context.make("point on surface") { GEOSPointOnSurface_r($0, geometry.raw) }
        var x = 0.0, y = 0.0
        try context.check("point on surface") { GEOSGeomGetX_r($0, point.raw, &x) }
        try context.check("point on surface") { GEOSGeomGetY_r($0, point.raw, &y) }
        return LonLat(x, y)
    }

    /// Fewer vertices within `toleranceDegrees`, keeping rings valid; for drawing and shipping data.
    public func simplified(toleranceDegrees: Double) throws -> MultiPolygon {
        try unaryOperation("simplify") { GEOSTopologyPreserveSimplify_r($0, $1, toleranceDegrees) }
    }

    private func unaryOperation(
        _ name: String, _ call: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?
    ) throws -> MultiPolygon {
        let context = try GEOSContext()
        let geometry = try context.multiPolygon(self)
        return MultiPolygon(try context.make(name) { call($0, geometry.raw) }.polygons())
    }

    private func binaryOperation(
        _ name: String, _ other: MultiPolygon,
        _ call: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws -> MultiPolygon {
        let context = try GEOSContext()
        let left = try context.multiPolygon(self)
        let right = try context.multiPolygon(other)
        return MultiPolygon(try context.make(name) { call($0, left.raw, right.raw) }.polygons())
    }
}

// MARK: - Lines

extension MultiLineString {
    /// The lines' parts inside an area.
    public func clipped(to area: MultiPolygon) throws -> MultiLineString {
        guard !isEmpty, !area.isEmpty else { return MultiLineString() }
        let context = try GEOSContext()
        let lines = try context.multiLineString(self)
        let region = try context.multiPolygon(area)
        return MultiLineString(try context.make("clip lines") { GEOSIntersection_r($0, lines.raw, region.raw) }.lines())
    }
}
