internal import CPROJ

/// Areas on the WGS84 ellipsoid, through PROJ's geodesic routines (Karney's algorithms).
public enum Geodesic {
    /// Kilometres in a degree of latitude (and of longitude at the equator) on a sphere of the Earth's mean size:
    /// the scale of reach discs and local planes, where a few tenths of a percent do not matter.
    public static let kmPerDegree = 111.32

    /// The area of a polygonal region in km², holes subtracted; 0 for an empty one.
    public static func areaKm2(_ area: MultiPolygon) -> Double {
        area.polygons.reduce(0) { total, polygon in
            total + ringAreaKm2(polygon.exterior) - polygon.holes.reduce(0) { $0 + ringAreaKm2($1) }
        }
    }

    /// The geodesic distance between two positions in km.
    public static func distanceKm(_ from: LonLat, _ to: LonLat) -> Double {
        var geodesic = wgs84()
        var metres = 0.0
        geod_inverse(&geodesic, from.lat, from.lon, to.lat, to.lon, &metres, nil, nil)
        return metres / 1000
    }

    /// Longest edge, in degrees, taken as a geodesic as it stands. Maps, GEOS and the cells treat an edge as
    /// straight in longitude and latitude; a geodesic between far-apart points bows away from that line (along
    /// Syria's 300 km desert borders by several km), so longer edges are measured through points along it.
    static let maxEdgeDegrees = 0.05

    private static func ringAreaKm2(_ ring: [LonLat]) -> Double {
        let open = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
        guard open.count >= 3 else { return 0 }
        var geodesic = wgs84()
        var lats = [Double](), lons = [Double]()
        lats.reserveCapacity(open.count)
        lons.reserveCapacity(open.count)
        for (index, point) in open.enumerated() {
            let next = open[(index + 1) % open.count]
            let steps = Int((max(abs(next.lon - point.lon), abs(next.lat - point.lat)) / maxEdgeDegrees).rounded(.up))
            for step in 0..<max(steps, 1) {
                let fraction = Double(step) / Double(max(steps, 1))
                lats.append(point.lat + (next.lat - point.lat) * fraction)
                lons.append(point.lon + (next.lon - point.lon) * fraction)
            }
        }
        var areaM2 = 0.0
        geod_polygonarea(&geodesic, &lats, &lons, Int32(lats.count), &areaM2, nil)
        return abs(areaM2) / 1_000_000
    }

    /// The area term of one edge in m², the edge taken as the maps draw it (straight in longitude and latitude,
    /// measured through points along it when long): summed round a ring, the terms give the ring's area, negative
    /// when the ring runs counter-clockwise. An edge walked the other way has the opposite term, so the cells of a
    /// coverage, whose inner edges come in such pairs, need each edge measured only once.
    public static func edgeAreaTermM2(_ from: LonLat, _ to: LonLat) -> Double {
        let steps = max(Int((max(abs(to.lon - from.lon), abs(to.lat - from.lat)) / maxEdgeDegrees).rounded(.up)), 1)
        var total = 0.0
        var previous = from
        for step in 1...steps {
            let fraction = Double(step) / Double(steps)
            let next = step == steps ? to : LonLat(from.lon + (to.lon - from.lon) * fraction,
                                                   from.lat + (to.lat - from.lat) * fraction)
            var term = 0.0
            geod_geninverse(ellipsoid, previous.lat, previous.lon, next.lat, next.lon, nil, nil, nil, nil, nil, nil, &term)
            total += term
            previous = next
        }
        return total
    }

    /// Set up once and only read after: the edge terms are asked for one by one, by the hundred thousand, from
    /// several threads.
    nonisolated(unsafe) private static let ellipsoid: UnsafePointer<geod_geodesic> = {
        let pointer = UnsafeMutablePointer<geod_geodesic>.allocate(capacity: 1)
        pointer.initialize(to: wgs84())
        return UnsafePointer(pointer)
    }()

    private static func wgs84() -> geod_geodesic {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, 6_378_137, 1 / 298.257223563)
        return geodesic
    }
}
