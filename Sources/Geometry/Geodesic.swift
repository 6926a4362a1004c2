internal import CPROJ

/// Areas on the WGS84 ellipsoid, through PROJ's geodesic routines (Karney's algorithms).
public enum Geodesic {
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

    private static func ringAreaKm2(_ ring: [LonLat]) -> Double {
        let open = ring.count > 1 && ring.first == ring.last ? Array(ring.dropLast()) : ring
        guard open.count >= 3 else { return 0 }
        var geodesic = wgs84()
        var lats = open.map(\.lat)
        var lons = open.map(\.lon)
        var areaM2 = 0.0
        geod_polygonarea(&geodesic, &lats, &lons, Int32(open.count), &areaM2, nil)
        return abs(areaM2) / 1_000_000
    }

    private static func wgs84() -> geod_geodesic {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, 6_378_137, 1 / 298.257223563)
        return geodesic
    }
}
