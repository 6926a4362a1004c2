internal import CGEOS

// MARK: - Swift values to GEOS

extension GEOSContext {
    func ring(_ points: [LonLat]) throws -> GEOSGeometryRef {
        let closed = Polygon.closed(points)
        guard closed.count >= 4 else {
            throw GeometryError(operation: "ring", message: "a ring needs at least 3 distinct positions")
        }
        var buffer = [Double]()
        buffer.reserveCapacity(closed.count * 2)
        for point in closed {
            buffer.append(point.lon)
            buffer.append(point.lat)
        }
        clearMessages()
        guard let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(closed.count), 0, 0) else {
            throw failure("ring")
        }
        // GEOSGeom_createLinearRing_r owns the sequence from here, even when it fails.
        return try make("ring") { GEOSGeom_createLinearRing_r($0, sequence) }
    }

    func polygon(_ polygon: Polygon) throws -> GEOSGeometryRef {
        let shell = try ring(polygon.exterior)
        let holes = try polygon.holes.map(ring)
        var rawHoles: [OpaquePointer?] = holes.map { $0.release() }
        // GEOSGeom_createPolygon_r owns the shell and the holes from here.
        let shellRaw = shell.release()
        return try make("polygon") { GEOSGeom_createPolygon_r($0, shellRaw, &rawHoles, UInt32(rawHoles.count)) }
    }

    func multiPolygon(_ area: MultiPolygon) throws -> GEOSGeometryRef {
        try collection(type: GEOS_MULTIPOLYGON, area.polygons.map(polygon))
    }

    func lineString(_ points: [LonLat]) throws -> GEOSGeometryRef {
        guard points.count >= 2 else {
            throw GeometryError(operation: "line", message: "a line needs at least 2 positions")
        }
        let buffer = points.flatMap { [$0.lon, $0.lat] }
        clearMessages()
        guard let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(points.count), 0, 0) else {
            throw failure("line")
        }
        return try make("line") { GEOSGeom_createLineString_r($0, sequence) }
    }

    func multiLineString(_ lines: MultiLineString) throws -> GEOSGeometryRef {
        try collection(type: GEOS_MULTILINESTRING, lines.lines.map(lineString))
    }

    func point(_ point: LonLat) throws -> GEOSGeometryRef {
        try make("point") { GEOSGeom_createPointFromXY_r($0, point.lon, point.lat) }
    }

    /// A collection of `type` that takes ownership of every member.
    func collection(type: GEOSGeomTypes, _ members: [GEOSGeometryRef]) throws -> GEOSGeometryRef {
        var raws: [OpaquePointer?] = members.map { $0.release() }
        return try make("collection") {
            GEOSGeom_createCollection_r($0, Int32(type.rawValue), &raws, UInt32(raws.count))
        }
    }
}

// MARK: - GEOS to Swift values

extension GEOSGeometryRef {
    /// Every polygonal part, flattening collections; points and lines are ignored.
    func polygons() throws -> [Polygon] {
        try withExtendedLifetime(self) { try context.polygons(of: raw) }
    }

    /// Every linear part, flattening collections; polygons give nothing (take their boundary first).
    func lines() throws -> [[LonLat]] {
        try withExtendedLifetime(self) { try context.lines(of: raw) }
    }
}

extension GEOSContext {
    /// Members of a collection are borrowed: GEOS frees them with their parent, which the caller keeps alive.
    func members(of geometry: OpaquePointer) throws -> [OpaquePointer] {
        let count = GEOSGetNumGeometries_r(handle, geometry)
        guard count >= 0 else { throw failure("members") }
        return try (0..<count).map { index in
            guard let member = GEOSGetGeometryN_r(handle, geometry, index) else { throw failure("member") }
            return member
        }
    }

    func polygons(of geometry: OpaquePointer) throws -> [Polygon] {
        let type = GEOSGeomTypeId_r(handle, geometry)
        if type == Int32(GEOS_POLYGON.rawValue) {
            if GEOSisEmpty_r(handle, geometry) == 1 { return [] }
            guard let shell = GEOSGetExteriorRing_r(handle, geometry) else { throw failure("exterior ring") }
            let holeCount = GEOSGetNumInteriorRings_r(handle, geometry)
            let holes = try (0..<max(holeCount, 0)).map { index -> [LonLat] in
                guard let hole = GEOSGetInteriorRingN_r(handle, geometry, index) else { throw failure("hole") }
                return try positions(of: hole)
            }
            return [Polygon(exterior: try positions(of: shell), holes: holes)]
        }
        if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            return try members(of: geometry).flatMap { try polygons(of: $0) }
        }
        return []
    }

    func lines(of geometry: OpaquePointer) throws -> [[LonLat]] {
        let type = GEOSGeomTypeId_r(handle, geometry)
        if type == Int32(GEOS_LINESTRING.rawValue) || type == Int32(GEOS_LINEARRING.rawValue) {
            return GEOSisEmpty_r(handle, geometry) == 1 ? [] : [try positions(of: geometry)]
        }
        if type == Int32(GEOS_MULTILINESTRING.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            return try members(of: geometry).flatMap { try lines(of: $0) }
        }
        return []
    }

    func positions(of geometry: OpaquePointer) throws -> [LonLat] {
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, geometry) else { throw failure("coordinates") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw failure("coordinates") }
        var buffer = [Double](repeating: 0, count: Int(size) * 2)
        guard GEOSCoordSeq_copyToBuffer_r(handle, sequence, &buffer, 0, 0) != 0 else {
            throw failure("coordinates")
        }
        return (0..<Int(size)).map { LonLat(buffer[2 * $0], buffer[2 * $0 + 1]) }
    }
}
