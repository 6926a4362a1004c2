import Foundation

/// A position in degrees, longitude first as in GeoJSON.
public struct LonLat: Hashable, Sendable, Codable {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public init(_ lon: Double, _ lat: Double) {
        self.init(lon: lon, lat: lat)
    }
}

/// A polygon whose rings are closed (first position repeated last); the exterior first, then holes.
public struct Polygon: Hashable, Sendable {
    public var exterior: [LonLat]
    public var holes: [[LonLat]]

    public init(exterior: [LonLat], holes: [[LonLat]] = []) {
        self.exterior = Polygon.closed(exterior)
        self.holes = holes.map(Polygon.closed)
    }

    static func closed(_ ring: [LonLat]) -> [LonLat] {
        guard let first = ring.first, ring.last != first else { return ring }
        return ring + [first]
    }

    /// A regular polygon approximating a circle of `radiusKm` around `centre` on the sphere, for reach limits.
    public static func disc(centre: LonLat, radiusKm: Double, segments: Int = 48) -> Polygon {
        let (radiusLon, radiusLat) = discRadii(centre: centre, radiusKm: radiusKm)
        let unit = segments == 48 ? unitCircle48 : unitCircle(segments)
        let ring = unit.map { LonLat(centre.lon + radiusLon * $0.cos, centre.lat + radiusLat * $0.sin) }
        return Polygon(exterior: ring)
    }

    /// The half-axes in degrees (longitude, latitude) of the ellipse on which a disc's corners lie.
    public static func discRadii(centre: LonLat, radiusKm: Double) -> (lon: Double, lat: Double) {
        (radiusKm / (Geodesic.kmPerDegree * cos(centre.lat * .pi / 180)), radiusKm / Geodesic.kmPerDegree)
    }

    private static let unitCircle48 = unitCircle(48)

    private static func unitCircle(_ segments: Int) -> [(cos: Double, sin: Double)] {
        (0..<segments).map { step in
            let angle = Double(step) / Double(segments) * 2 * .pi
            return (cos(angle), sin(angle))
        }
    }

    /// An axis-aligned rectangle, counter-clockwise.
    public static func rectangle(_ envelope: Envelope) -> Polygon {
        Polygon(exterior: [
            LonLat(envelope.minLon, envelope.minLat), LonLat(envelope.maxLon, envelope.minLat),
            LonLat(envelope.maxLon, envelope.maxLat), LonLat(envelope.minLon, envelope.maxLat),
        ])
    }
}

/// Any polygonal area: zones, cells, countries. Empty means no area at all.
public struct MultiPolygon: Hashable, Sendable {
    public var polygons: [Polygon]

    public init(_ polygons: [Polygon] = []) {
        self.polygons = polygons
    }

    public var isEmpty: Bool { polygons.isEmpty }

    public var envelope: Envelope? {
        Envelope(covering: polygons.flatMap(\.exterior))
    }
}

/// Any linear feature: front lines, rivers. Empty means no line.
public struct MultiLineString: Hashable, Sendable {
    public var lines: [[LonLat]]

    public init(_ lines: [[LonLat]] = []) {
        self.lines = lines
    }

    public var isEmpty: Bool { lines.isEmpty }
}

/// A longitude/latitude bounding box.
public struct Envelope: Hashable, Sendable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding every position; nil when there is none.
    public init?(covering points: some Sequence<LonLat>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = Envelope(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let point = iterator.next() {
            box.minLon = min(box.minLon, point.lon)
            box.maxLon = max(box.maxLon, point.lon)
            box.minLat = min(box.minLat, point.lat)
            box.maxLat = max(box.maxLat, point.lat)
        }
        self = box
    }

    public func contains(_ point: LonLat) -> Bool {
        point.lon >= minLon && point.lon <= maxLon && point.lat >= minLat && point.lat <= maxLat
    }

    public func intersects(_ other: Envelope) -> Bool {
        other.minLon <= maxLon && other.maxLon >= minLon && other.minLat <= maxLat && other.maxLat >= minLat
    }

    public func expanded(byDegrees margin: Double) -> Envelope {
        Envelope(minLon: minLon - margin, minLat: minLat - margin, maxLon: maxLon + margin, maxLat: maxLat + margin)
    }

    public var centre: LonLat { LonLat((minLon + maxLon) / 2, (minLat + maxLat) / 2) }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minLon: min(minLon, other.minLon), minLat: min(minLat, other.minLat),
                 maxLon: max(maxLon, other.maxLon), maxLat: max(maxLat, other.maxLat))
    }
}

// MARK: - Planar tests on rings, in degrees

extension LonLat {
    /// Whether the ray from this position due east crosses the edge from `a` to `b` (its upper end excluded):
    /// the step of every even-odd test of a point against rings.
    public func rayEastCrosses(_ a: LonLat, _ b: LonLat) -> Bool {
        guard (a.lat > lat) != (b.lat > lat) else { return false }
        return lon < a.lon + (lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon)
    }
}

extension Array where Element == LonLat {
    /// Even-odd test of a point against this ring (closed or not), in degrees: the plane GEOS works in.
    public func ringContains(_ point: LonLat) -> Bool {
        guard var previous = last else { return false }
        var inside = false
        for current in self {
            if point.rayEastCrosses(current, previous) { inside.toggle() }
            previous = current
        }
        return inside
    }

    /// Twice the planar signed area of this closed ring in square degrees, positive when counter-clockwise.
    /// Measured from the first position, so that a thin sliver far from (0, 0) keeps its sign.
    public var ringSignedArea: Double {
        guard let origin = first else { return 0 }
        return zip(self, dropFirst()).reduce(0) { total, edge in
            let (a, b) = (edge.0, edge.1)
            return total + (a.lon - origin.lon) * (b.lat - origin.lat) - (b.lon - origin.lon) * (a.lat - origin.lat)
        }
    }
}

extension MultiPolygon {
    /// Traced rings as polygons: counter-clockwise rings are shells, clockwise ones holes of the smallest shell
    /// around them.
    public init(rings: [[LonLat]]) {
        var shells = [(ring: [LonLat], area: Double, envelope: Envelope)]()
        var holes = [[LonLat]]()
        for ring in rings {
            let area = ring.ringSignedArea
            if area > 0 { shells.append((ring, area, Envelope(covering: ring)!)) } else if area < 0 { holes.append(ring) }
        }
        var holesOfShell = [[[LonLat]]](repeating: [], count: shells.count)
        for hole in holes {
            let probe = LonLat((hole[0].lon + hole[1].lon) / 2, (hole[0].lat + hole[1].lat) / 2)
            let owner = shells.indices
                .filter { shells[$0].envelope.contains(probe) && shells[$0].ring.ringContains(probe) }
                .min { shells[$0].area < shells[$1].area }
            if let owner { holesOfShell[owner].append(hole) }
        }
        self.init(shells.indices.map { Polygon(exterior: shells[$0].ring, holes: holesOfShell[$0]) })
    }
}

/// Cuts a closed walk of vertex numbers that passes through a vertex more than once into simple rings, one per
/// loop: where a zone touches itself at a point (a reach circle tangent to the border), a valid polygon has two
/// rings meeting there, not one ring crossing its own path.
public struct RingSplitter {
    /// Per vertex, its place in the walk so far; -1 when not on it.
    private var placeOf: [Int32]

    public init(vertexCount: Int) {
        placeOf = [Int32](repeating: -1, count: vertexCount)
    }

    /// `walk` is closed (its first vertex repeated last); rings of fewer than three vertices are dropped.
    public mutating func split(_ walk: [Int32]) -> [[Int32]] {
        var rings = [[Int32]](), path = [Int32]()
        path.reserveCapacity(walk.count)
        for vertex in walk {
            let place = Int(placeOf[Int(vertex)])
            guard place >= 0 else {
                placeOf[Int(vertex)] = Int32(path.count)
                path.append(vertex)
                continue
            }
            let loop = Array(path[place...]) + [vertex]
            if loop.count >= 4 { rings.append(loop) }
            for dropped in path[(place + 1)...] { placeOf[Int(dropped)] = -1 }
            path.removeSubrange((place + 1)...)
        }
        for vertex in path { placeOf[Int(vertex)] = -1 }
        return rings
    }
}
