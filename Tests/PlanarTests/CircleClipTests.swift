import Foundation
import Testing
import Geometry
@testable import Planar

/// A reach circle is cut to its own cell before the arrangement: what is kept must be exactly the part inside.
struct CircleClipTests {
    /// The unit square, counter-clockwise and closed.
    let cell = [LonLat(0, 0), LonLat(1, 0), LonLat(1, 1), LonLat(0, 1), LonLat(0, 0)]

    /// A regular polygon of `sides` round `centre`, counter-clockwise and closed.
    func ring(_ centre: LonLat, radius: Double, sides: Int = 48) -> [LonLat] {
        let open = (0..<sides).map { k -> LonLat in
            let angle = 2 * Double.pi * Double(k) / Double(sides)
            return LonLat(centre.lon + radius * cos(angle), centre.lat + radius * sin(angle))
        }
        return open + [open[0]]
    }

    func inside(_ point: LonLat) -> Bool {
        point.lon >= -1e-12 && point.lon <= 1 + 1e-12 && point.lat >= -1e-12 && point.lat <= 1 + 1e-12
    }

    func onBorder(_ point: LonLat) -> Bool {
        [point.lon, 1 - point.lon, point.lat, 1 - point.lat].contains { abs($0) < 1e-12 }
    }

    @Test func aRingInsideTheCellIsKeptWhole() {
        #expect(Tessellation.clip(ring: ring(LonLat(0.5, 0.5), radius: 0.3), to: cell) == .whole)
    }

    @Test func aRingOutsideTheCellLeavesNothing() {
        #expect(Tessellation.clip(ring: ring(LonLat(3, 3), radius: 0.5), to: cell) == .arcs([]))
    }

    /// A circle round the square's middle wider than it but within its corners leaves four arcs, one per corner,
    /// each entering and leaving on the square's sides.
    @Test func aRingLargerThanTheCellLeavesOneArcPerCorner() throws {
        guard case .arcs(let arcs) = Tessellation.clip(ring: ring(LonLat(0.5, 0.5), radius: 0.6), to: cell) else {
            Issue.record("the ring was kept whole")
            return
        }
        #expect(arcs.count == 4)
        for arc in arcs {
            #expect(arc.allSatisfy(inside))
            #expect(onBorder(arc.first!) && onBorder(arc.last!))
            #expect(arc.dropFirst().dropLast().allSatisfy { !onBorder($0) })
        }
    }

    /// The ring's closing point inside the cell: the run through it is one arc, not two.
    @Test func theRunThroughTheClosingPointIsOneArc() throws {
        // The ring's first position is its easternmost, inside the square; its west half lies outside.
        guard case .arcs(let arcs) = Tessellation.clip(ring: ring(LonLat(0.1, 0.5), radius: 0.3), to: cell) else {
            Issue.record("the ring was kept whole")
            return
        }
        #expect(arcs.count == 1)
        let arc = try #require(arcs.first)
        #expect(arc.allSatisfy(inside))
        #expect(arc.first!.lon == 0 && arc.last!.lon == 0)
        #expect(arc.first!.lat < 0.5 && arc.last!.lat > 0.5, "counter-clockwise, from the south crossing to the north")
        #expect(arc.contains(LonLat(0.4, 0.5)))
    }
}
