public import Gazetteer
public import Geometry
import Foundation
import Planar

/// The circle a place's cell is cut to (`PlaceKind.reachKm` around it), as the tessellation draws it: a
/// 48-gon on an ellipse in degrees.
public struct ReachCircle: Sendable {
    public var centre: LonLat
    let radii: (lon: Double, lat: Double)

    public init(centre: LonLat, radiusKm: Double) {
        self.centre = centre
        radii = Polygon.discRadii(centre: centre, radiusKm: radiusKm)
    }

    /// The circle of a place's reach, as its cell was cut.
    public init(place: Place) {
        self.init(centre: place.lonLat, radiusKm: place.kind.reachKm)
    }

    /// Whether the edge from `a` to `b` runs along the circle: both ends on it (a corner, or a point where
    /// another line cut one of its sides, which lies no further in than the middle of a side) and no longer
    /// than a side.
    func runsAlong(_ a: LonLat, _ b: LonLat) -> Bool {
        func scaled(_ point: LonLat) -> (x: Double, y: Double) {
            ((point.lon - centre.lon) / radii.lon, (point.lat - centre.lat) / radii.lat)
        }
        let (p, q) = (scaled(a), scaled(b))
        func onCircle(_ point: (x: Double, y: Double)) -> Bool {
            let radius = (point.x * point.x + point.y * point.y).squareRoot()
            return radius >= Self.sideMiddle - 1e-4 && radius <= 1 + 1e-4
        }
        let length = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        return onCircle(p) && onCircle(q) && length <= Self.side + 1e-4
    }

    /// The point on the line from the centre through `point`, `factor` times as far out.
    func scaled(_ point: LonLat, by factor: Double) -> LonLat {
        LonLat(centre.lon + (point.lon - centre.lon) * factor, centre.lat + (point.lat - centre.lat) * factor)
    }

    /// A side of the 48-gon and the distance of its middle from the centre, on the unit circle.
    private static let side = 2 * sin(Double.pi / 48)
    private static let sideMiddle = cos(Double.pi / 48)
}

/// Where a place's cell ends because its reach does, not because a neighbour's begins: no source draws that
/// edge. The map fades the zone there into what lies beyond (paper where nothing is reported, the neighbouring
/// zone otherwise), and no front runs along it. Found on the cells' topology: an edge of a cell that runs along
/// its own place's circle.
public struct ReachLimits: Sendable {
    /// A run of reach limit between a zone drawn from cells and the zone beyond.
    public struct Edge: Sendable {
        public var inside: Zone.Kind
        public var beyond: Zone.Kind
        public var line: MultiLineString
    }

    public var edges: [Edge]
    /// The limits as vertex pairs of the cells' topology (`edgeKey`), for the front tracer to pass over.
    let keys: Set<UInt64>
    /// Every limit, as lines, for fronts traced by overlay.
    let lines: MultiLineString

    /// Overlays node one edge apart by rounding: parts of fronts within 1e-6° (about 10 cm) of a limit count as
    /// running along it, and what is left shorter than 1e-4° (about 10 m) as crossing it.
    static let toleranceDegrees = 1e-6
    static let shortestRunDegrees = 1e-4

    /// `circles[c]` is cell c's circle and `kinds[c]` its ground (the topology's last cell, the ground no place
    /// reaches, is unreported). Where regions, outlines or area claims lie over the cells, `overlaid` holds the
    /// zones they made, and what lies on each side of a limit is looked up in them.
    init(cells: PlaceCells, circles: [ReachCircle?], kinds: [Zone.Kind], overlaid zones: [Zone]?) {
        let topology = cells.topology
        var found = [(inside: Zone.Kind, beyond: Zone.Kind, edge: (Int32, Int32))]()
        var keys = Set<UInt64>()
        var lookup: ZoneLookup?
        topology.forEachHalfEdge { cell, across, a, b in
            guard cell < circles.count, cell < kinds.count, let circle = circles[cell] else { return }
            let (p, q) = (topology.position(a), topology.position(b))
            guard circle.runsAlong(p, q) else { return }
            keys.insert(edgeKey(a, b))
            var inside = kinds[cell], beyond = across.map { $0 < kinds.count ? kinds[$0] : .unreported } ?? .unreported
            if let zones {
                if lookup == nil { lookup = ZoneLookup(zones) }
                let middle = LonLat((p.lon + q.lon) / 2, (p.lat + q.lat) / 2)
                guard let here = lookup!.kind(at: circle.scaled(middle, by: 0.999)) else { return }
                inside = here
                beyond = lookup!.kind(at: circle.scaled(middle, by: 1.001)) ?? .unreported
            }
            guard inside != beyond, inside != .unreported else { return }
            found.append((inside, beyond, (a, b)))
        }
        var groups = [String: (inside: Zone.Kind, beyond: Zone.Kind, edges: [(Int32, Int32)])]()
        for arc in found {
            groups[arc.inside.order + "|" + arc.beyond.order, default: (arc.inside, arc.beyond, [])].edges.append(arc.edge)
        }
        var chainer = Chainer(vertexCount: topology.vertexCount)
        edges = groups.sorted { $0.key < $1.key }.map { _, group in
            Edge(inside: group.inside, beyond: group.beyond,
                 line: MultiLineString(chainer.chain(group.edges).map { $0.map(topology.position) }))
        }
        self.keys = keys
        lines = MultiLineString(keys.sorted().map { key in
            [topology.position(Int32(bitPattern: UInt32(key >> 32))),
             topology.position(Int32(bitPattern: UInt32(key & 0xFFFF_FFFF)))]
        })
    }

    /// Fronts traced by overlay without their runs along reach limits.
    func trimming(_ fronts: [FrontLine]) throws -> [FrontLine] {
        guard !lines.isEmpty else { return fronts }
        let band = try lines.band(degrees: Self.toleranceDegrees)
        return try fronts.compactMap { front in
            let runs = try front.line.removing(band).lines.filter(Self.isRun)
            return runs.isEmpty ? nil : FrontLine(actors: front.actors, line: MultiLineString(runs))
        }
    }

    private static func isRun(_ line: [LonLat]) -> Bool {
        zip(line, line.dropFirst()).reduce(0) { total, pair in
            total + hypot(pair.1.lon - pair.0.lon, pair.1.lat - pair.0.lat)
        } >= shortestRunDegrees
    }
}

/// Which zone holds a point: the zones' envelopes first, then their outlines.
private struct ZoneLookup {
    private let zones: [(kind: Zone.Kind, envelope: Envelope, index: RegionIndex)]

    init(_ zones: [Zone]) {
        self.zones = zones.compactMap { zone in
            zone.area.envelope.map { (zone.kind, $0, RegionIndex(zone.area)) }
        }
    }

    func kind(at point: LonLat) -> Zone.Kind? {
        zones.first { $0.envelope.contains(point) && $0.index.contains(point) }?.kind
    }
}
