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
/// zone otherwise), and no front runs along it. Found on the ground's planar map: an edge of a cell, or of a piece of one, that runs along
/// its own place's circle.
public struct ReachLimits: Sendable {
    /// A run of reach limit between a zone drawn from cells and the zone beyond.
    public struct Edge: Sendable {
        public var inside: Zone.Kind
        public var beyond: Zone.Kind
        public var line: MultiLineString
    }

    public var edges: [Edge]
    /// The limits as vertex pairs of the ground's planar map (`edgeKey`), for the front tracer to pass over.
    let keys: Set<UInt64>

    /// `cellOfFace[f]` is the cell face f lies in (-1 for none), `circles[c]` the circle cell c was cut to, and
    /// `kinds[f]` face f's state (nil outside the country).
    init(map: some FaceMap, cellOfFace: [Int32], circles: [ReachCircle?], kinds: [Zone.Kind?]) {
        var found = [(inside: Zone.Kind, beyond: Zone.Kind, edge: (Int32, Int32))]()
        var keys = Set<UInt64>()
        if !circles.isEmpty {
            map.forEachHalfEdge { face, across, a, b in
                let cell = Int(cellOfFace[face])
                guard cell >= 0, cell < circles.count, let circle = circles[cell] else { return }
                guard circle.runsAlong(map.position(a), map.position(b)) else { return }
                keys.insert(edgeKey(a, b))
                guard let inside = kinds[face] else { return }
                let beyond = across.flatMap { kinds[$0] } ?? .unreported
                guard inside != beyond, inside != .unreported else { return }
                found.append((inside, beyond, (a, b)))
            }
        }
        var groups = [String: (inside: Zone.Kind, beyond: Zone.Kind, edges: [(Int32, Int32)])]()
        for arc in found {
            groups[arc.inside.order + "|" + arc.beyond.order, default: (arc.inside, arc.beyond, [])].edges.append(arc.edge)
        }
        var chainer = Chainer(vertexCount: map.vertexCount)
        edges = groups.sorted { $0.key < $1.key }.map { _, group in
            Edge(inside: group.inside, beyond: group.beyond,
                 line: MultiLineString(chainer.chain(group.edges).map { $0.map(map.position) }))
        }
        self.keys = keys
    }
}
