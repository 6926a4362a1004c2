import Foundation
import Geometry

/// Decides whose ground each face of the arrangement is, from a point on one of its edges: a face is bounded by
/// the edges that change its holder, so the edge's own label answers for the side it bounds, and any other
/// question (inside the region? within the reach?) has one answer anywhere along the edge.
struct FaceHolders {
    let sites: [LonLat]
    let topLevel: [Int]
    let families: [Int: [Int]]
    let discs: Reaches
    let circled: Set<Int>
    let dirty: Set<Int>
    let nearestTop: PointIndex
    let region: RegionIndex

    init(sites: [LonLat], topLevel: [Int], families: [Int: [Int]], discs: Reaches, circled: Set<Int>,
         dirty: Set<Int>, region: MultiPolygon) {
        (self.sites, self.topLevel, self.families, self.discs) = (sites, topLevel, families, discs)
        (self.circled, self.dirty) = (circled, dirty)
        nearestTop = PointIndex(topLevel.map { sites[$0] })
        self.region = RegionIndex(region)
    }

    /// Each face's holder: a site's index, `unreached`, or -1 for ground outside the region or in a clean cell.
    func groups(of arrangement: Arrangement, labels: [Boundary], unreached: Int) -> [Int32] {
        // One edge per face, a side of the diagram where there is one, since it names the face's top-level site;
        // and a piece of the outline where there is one, since it says exactly whether the face is in the region.
        var representative = [Int32](repeating: -1, count: arrangement.faceCount)
        var outlineSide = [Int8](repeating: 0, count: arrangement.faceCount)
        for h in 0..<arrangement.face.count {
            let face = Int(arrangement.face[h])
            if outlineSide[face] == 0, arrangement.hasSeveralLabels(h) || labels[Int(arrangement.label(h))].isOutline,
               let inside = Self.inside(beside: arrangement.labels(h), labels) {
                outlineSide[face] = inside ? 1 : -1
            }
            if representative[face] < 0 { representative[face] = Int32(h); continue }
            if case .voronoi = labels[Int(arrangement.label(h))],
               case .voronoi = labels[Int(arrangement.label(Int(representative[face])))] { continue }
            if case .voronoi = labels[Int(arrangement.label(h))] { representative[face] = Int32(h) }
        }
        return representative.indices.map { face in
            let h = Int(representative[face])
            let sides = arrangement.labels(h).map { (boundary: labels[Int($0.label)], leftSide: $0.leftSide) }
            let inside: Bool? = outlineSide[face] == 0 ? nil : outlineSide[face] > 0
            return Int32(holder(at: arrangement.midpoint(h), beside: sides, inside: inside, unreached: unreached))
        }
    }

    /// Whether the ground on a half-edge's left is in the region, when the half-edge lies on the outline: on the
    /// left of the outline it is; an outline run both ways (two of the region's polygons sharing an edge) has the
    /// region on both sides. Nil off the outline.
    private static func inside(beside sides: [(label: Int32, leftSide: Bool)], _ labels: [Boundary]) -> Bool? {
        var answer: Bool?
        for side in sides {
            guard case .outline = labels[Int(side.label)] else { continue }
            answer = answer == nil ? side.leftSide : (answer! || side.leftSide)
        }
        return answer
    }

    /// The holder of the ground beside `point`, a point on an edge that bounds it; `sides` are what the edge is
    /// (several things when lines coincide), each with whether the ground lies on its left, and `inside` whether
    /// the face is in the region when one of its edges is on the outline. What the edges say about their sides
    /// is exact; only questions they cannot answer are asked of the point.
    private func holder(at point: LonLat, beside sides: [(boundary: Boundary, leftSide: Bool)], inside: Bool?,
                        unreached: Int) -> Int {
        var owner: Int?, circles = [Int: Bool](), family: (left: Int, right: Int, leftSide: Bool)?
        for (boundary, leftSide) in sides {
            switch boundary {
            case .outline: break  // answered for the whole face by `inside`
            case .voronoi(let left, let right): owner = leftSide ? left : right
            case .circle(let site): circles[site] = leftSide
            case .family(let left, let right): family = (left, right, leftSide)
            }
        }
        guard inside ?? region.contains(point) else { return -1 }
        if owner == nil {
            guard let nearest = nearestTop.nearest(to: point) else { return unreached }  // no sites at all
            owner = topLevel[nearest]
        }
        guard let owner, owner >= 0 else { return unreached }
        guard dirty.contains(owner) else { return -1 }  // a clean cell stays as the diagram drew it
        func within(_ site: Int) -> Bool { circles[site] ?? discs.contains(site, point) }
        if circled.contains(owner) && !within(owner) { return unreached }
        guard let children = families[owner] else { return owner }
        let member: Int
        if let family, children.contains(family.left) || family.left == owner {
            member = family.leftSide ? family.left : family.right
        } else {
            member = ([owner] + children).min {
                Tessellation.planarDistance(sites[$0], point) < Tessellation.planarDistance(sites[$1], point)
            }!
        }
        return member != owner && within(member) ? member : owner
    }
}

/// Each site's reach in the local plane: the disc polygon cells are cut to, tested first against the ellipse its
/// corners lie on. The polygon is a regular 48-gon in coordinates scaled by the ellipse's half-axes, so a point
/// well inside its inscribed circle is in, a point outside the ellipse is out, and only the thin band between
/// needs the polygon.
struct Reaches {
    private let sites: [LonLat]
    private let reachKm: [Double]
    private let plane: LocalPlane
    private let centres: [LonLat]
    private let radii: [(lon: Double, lat: Double)]
    private static let inner = cos(Double.pi / 48) * cos(Double.pi / 48) * (1 - 1e-9)
    private static let outer = 1 + 1e-9

    /// `sites` in degrees; the discs are drawn on the ground and carried into `plane`.
    init(sites: [LonLat], reachKm: [Double], plane: LocalPlane) {
        (self.sites, self.reachKm, self.plane) = (sites, reachKm, plane)
        centres = sites.map(plane.forward)
        radii = sites.indices.map {
            let radii = Polygon.discRadii(centre: sites[$0], radiusKm: reachKm[$0])
            return (radii.lon * plane.scale, radii.lat)
        }
    }

    /// The disc's closed ring, counter-clockwise.
    func ring(_ site: Int) -> [LonLat] {
        Polygon.disc(centre: sites[site], radiusKm: reachKm[site]).exterior.map(plane.forward)
    }

    func contains(_ site: Int, _ point: LonLat) -> Bool {
        let u = (point.lon - centres[site].lon) / radii[site].lon
        let v = (point.lat - centres[site].lat) / radii[site].lat
        let scaled = u * u + v * v
        if scaled < Reaches.inner { return true }
        if scaled > Reaches.outer { return false }
        return ring(site).ringContains(point)
    }
}
