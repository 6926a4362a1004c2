import Foundation
import Geometry

/// A grid over positions, for the nearest site to a point without testing them all.
struct PointIndex {
    private let cellSize = 0.25
    private let points: [LonLat]
    private var buckets: [Int64: [Int]] = [:]
    /// The grid squares that hold points: columns and rows from the lowest to the highest.
    private var columns = 0...0, rows = 0...0

    init(_ points: [LonLat]) {
        self.points = points
        for (index, point) in points.enumerated() {
            buckets[key(column(point.lon), column(point.lat)), default: []].append(index)
        }
        if let box = Envelope(covering: points) {
            (columns, rows) = (column(box.minLon)...column(box.maxLon), column(box.minLat)...column(box.maxLat))
        }
    }

    /// The nearest point's index (the lowest index among equals), searching rings of grid squares outwards
    /// until no unsearched square can hold anything nearer.
    func nearest(to target: LonLat) -> Int? {
        guard !points.isEmpty else { return nil }
        let (x, y) = (column(target.lon), column(target.lat))
        // Once the rings cover every square that holds a point, every point has been seen.
        let covering = max(x - columns.lowerBound, columns.upperBound - x, y - rows.lowerBound, rows.upperBound - y)
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
            if radius >= covering { return best?.index }
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
struct SegmentIndex {
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

    /// Whether a segment comes within the noder's snapping distance of the box.
    func touches(_ box: Envelope) -> Bool {
        let box = box.expanded(byDegrees: 2 * Arrangement.snapDistance)
        return keys(box).contains { key in buckets[key]?.contains { $0.intersects(box) } ?? false }
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

/// Disjoint groups of the numbers 0..<count, each named by its lowest member: how near-coincident vertices are
/// gathered into one.
struct LowestGroups {
    private var root: [Int]
    /// Whether any two groups were ever joined.
    private(set) var joinedAny = false

    init(count: Int) {
        root = Array(0..<count)
    }

    mutating func group(of member: Int) -> Int {
        var member = member
        while root[member] != member {
            root[member] = root[root[member]]
            member = root[member]
        }
        return member
    }

    mutating func join(_ a: Int, _ b: Int) {
        let (groupA, groupB) = (group(of: a), group(of: b))
        guard groupA != groupB else { return }
        root[max(groupA, groupB)] = min(groupA, groupB)
        joinedAny = true
    }
}
