import Foundation

/// Horizontal bands over a region's rings, each listing the ring edges that cross it: an even-odd test of a point
/// looks at one band's edges instead of every edge of the outline. Build it once to test many points.
public struct RegionIndex: Sendable {
    private let minLat: Double
    private let bandHeight: Double
    private var bands: [[(LonLat, LonLat)]]

    public init(_ region: MultiPolygon) {
        let rings = region.polygons.flatMap { [$0.exterior] + $0.holes }
        let edges = rings.flatMap { ring in zip(ring, ring.dropFirst()).filter { $0.0 != $0.1 } }
        let box = Envelope(covering: rings.joined()) ?? Envelope(minLon: 0, minLat: 0, maxLon: 0, maxLat: 0)
        minLat = box.minLat
        let count = max(edges.count / 4, 1)
        bandHeight = max((box.maxLat - box.minLat) / Double(count), 1e-9)
        bands = [[(LonLat, LonLat)]](repeating: [], count: count)
        for (p, q) in edges {
            for band in self.band(min(p.lat, q.lat))...self.band(max(p.lat, q.lat)) { bands[band].append((p, q)) }
        }
    }

    public func contains(_ point: LonLat) -> Bool {
        guard point.lat >= minLat, point.lat <= minLat + bandHeight * Double(bands.count) else { return false }
        var inside = false
        for (p, q) in bands[band(point.lat)] where point.rayEastCrosses(p, q) { inside.toggle() }
        return inside
    }

    private func band(_ lat: Double) -> Int {
        min(max(Int((lat - minLat) / bandHeight), 0), bands.count - 1)
    }
}
