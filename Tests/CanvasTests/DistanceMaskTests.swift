import Foundation
import Testing
@testable import Canvas

/// The fade's mask, painted band by band and wedge by wedge, is the mask of every segment's whole reach, byte for
/// byte: on dense and sparse lines, zigzags, closed rings, repeated points, lines crossing and lines off the image.
struct DistanceMaskTests {
    /// SplitMix64: the same lines on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            let mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            return ((mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB) ^ (mixed >> 31)
        }
    }

    static func line(_ random: inout Generator, kind: Int) -> [(x: Double, y: Double)] {
        var point = (x: Double.random(in: -20...140, using: &random), y: Double.random(in: -20...100, using: &random))
        var heading = Double.random(in: 0...(2 * .pi), using: &random)
        var points = [point]
        for step in 0..<Int.random(in: 1...60, using: &random) {
            switch kind {
            case 0: heading += Double.random(in: -0.3...0.3, using: &random)  // a front drawn densely
            case 1: heading += step % 2 == 0 ? 2.5 : -2.5  // a zigzag of sharp turns
            default: heading = Double.random(in: 0...(2 * .pi), using: &random)  // anything
            }
            let length = kind == 2 ? Double.random(in: 0...30, using: &random) : Double.random(in: 0.3...4, using: &random)
            point = (point.x + length * cos(heading), point.y + length * sin(heading))
            points.append(point)
            if kind == 2, step % 7 == 3 { points.append(point) }  // a point repeated
        }
        if kind == 1 { points.append(points[0]) }  // closed
        return points
    }

    @Test(arguments: 0..<400)
    func bandsAndWedgesGiveEverySegmentsReach(seed: Int) throws {
        var random = Generator(state: UInt64(seed) + 1)
        let lines = (0..<Int.random(in: 1...4, using: &random)).map { _ in
            Self.line(&random, kind: Int.random(in: 0...2, using: &random))
        }
        let reach = [1.5, 4, 12.7, 30][seed % 4]
        let mask = DistanceMask(lines: lines, reach: reach, width: 120, height: 90)
        guard let mask else { return }
        let reference = CapsuleMask.alpha(lines: lines, reach: reach, box: mask)
        let differing = zip(mask.alpha, reference).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) pixels differ (seed \(seed), reach \(reach))")
    }
}

extension DistanceMaskTests {
    /// Lines on pixel centres and along the grid, where distances tie: rows, columns, diagonals, a right angle,
    /// a line turning back on itself, a point drawn twice, a segment a hair off the vertical.
    static let aligned: [[(x: Double, y: Double)]] = [
        [(10.5, 20.5), (90.5, 20.5)], [(30.5, 5.5), (30.5, 80.5)], [(10.5, 10.5), (60.5, 60.5)],
        [(20, 20), (80, 20), (80, 70)], [(20.5, 40.5), (70.5, 40.5), (30.5, 40.5), (60.5, 41)],
        [(50.5, 50.5), (50.5, 50.5)], [(40, 40), (41, 40), (41, 41), (40, 41), (40, 40)],
        [(0.5, -400.5), (0.5 + 2.3e-16, 60.5), (1.5, 61.5)],  // all but vertical: bounds past any integer
    ]

    /// The runs a mask is recorded as hold every pixel of any opacity, never overlap, and hold no tile that is all
    /// zero: a long front's mask is recorded as the band along it, not as its box.
    @Test(arguments: 0..<60, [4, 16])
    func runsHoldEveryInkedPixelAndNoEmptyTile(seed: Int, tile: Int) throws {
        var random = Generator(state: UInt64(seed) + 1000)
        let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.line(&random, kind: seed % 3) }
        guard let mask = DistanceMask(lines: lines, reach: Double.random(in: 1.5...9, using: &random), width: 120,
                                      height: 90) else { return }
        let runs = mask.runs(tile: tile)
        var covered = [Int](repeating: 0, count: mask.width * mask.height)
        for run in runs {
            #expect(run.x % tile == 0 && run.y % tile == 0, "runs start on the tiles")
            #expect(run.x + run.width <= mask.width && run.y + run.height <= mask.height)
            for left in stride(from: run.x, to: run.x + run.width, by: tile) {
                let inked = (run.y..<(run.y + run.height)).contains { row in
                    (left..<min(left + tile, run.x + run.width)).contains { mask.alpha[row * mask.stride + $0] != 0 }
                }
                #expect(inked, "tile at \(left), \(run.y) of seed \(seed) holds some opacity")
            }
            for row in run.y..<(run.y + run.height) {
                for column in run.x..<(run.x + run.width) { covered[row * mask.width + column] += 1 }
            }
        }
        for row in 0..<mask.height {
            for column in 0..<mask.width {
                let count = covered[row * mask.width + column]
                #expect(count <= 1, "pixel \(column), \(row) lies in one run at most")
                if mask.alpha[row * mask.stride + column] != 0 {
                    #expect(count == 1, "pixel \(column), \(row) of seed \(seed) lies in a run")
                }
            }
        }
    }

    @Test(arguments: aligned.indices, [1.5, 2, 7.5, 20])
    func alignedLinesToo(line: Int, reach: Double) throws {
        let lines = [Self.aligned[line]]
        let mask = try #require(DistanceMask(lines: lines, reach: reach, width: 100, height: 90))
        #expect(mask.alpha == CapsuleMask.alpha(lines: lines, reach: reach, box: mask))
    }
}

/// The mask as it was first computed, every segment over its whole reach (each pixel near a line visited by
/// every segment whose capsule holds it), over the box `DistanceMask` chose: the reference it must match byte
/// for byte.
enum CapsuleMask {
    static func alpha(lines: [[(x: Double, y: Double)]], reach: Double, box mask: DistanceMask) -> [UInt8] {
        let (x, y, stride) = (mask.x, mask.y, mask.stride)
        let (right, bottom) = (mask.x + mask.width, mask.y + mask.height)
        var alpha = [UInt8](repeating: 0, count: stride * mask.height)
        let reachSquared = reach * reach
        for line in lines {
            // Vertices closer than a pixel add segments, not precision.
            let line = Canvas.thinned(line, spacing: 1)
            for (a, b) in zip(line, line.dropFirst()) {
                let (dx, dy) = (b.x - a.x, b.y - a.y)
                let lengthSquared = dx * dx + dy * dy
                let (left, top) = (max(x, Int((min(a.x, b.x) - reach).rounded(.down))),
                                   max(y, Int((min(a.y, b.y) - reach).rounded(.down))))
                let (end, foot) = (min(right, Int((max(a.x, b.x) + reach).rounded(.up)) + 1),
                                   min(bottom, Int((max(a.y, b.y) + reach).rounded(.up)) + 1))
                // A segment whose reach lies off the image has no pixels to give.
                guard left < end, top < foot else { continue }
                let length = lengthSquared.squareRoot()
                alpha.withUnsafeMutableBufferPointer { alpha in
                    for row in top..<foot {
                        let cy = Double(row) + 0.5
                        let offset = (row - y) * stride - x
                        // Only the columns within reach of the segment's line can be within reach of the segment:
                        // |(c - a) × (b - a)| < reach · length, solved for the column on this row.
                        var (first, last) = (left, end)
                        if dy != 0 {
                            let across = (cy - a.y) * dx
                            let (x0, x1) = ((across - reach * length) / dy + a.x, (across + reach * length) / dy + a.x)
                            first = max(left, Int((min(x0, x1) - 0.5).rounded(.down)))
                            last = min(end, Int((max(x0, x1) - 0.5).rounded(.up)) + 1)
                        }
                        guard first < last else { continue }
                        for column in first..<last {
                            let cx = Double(column) + 0.5
                            var t = lengthSquared > 0 ? ((cx - a.x) * dx + (cy - a.y) * dy) / lengthSquared : 0
                            t = min(max(t, 0), 1)
                            let (ex, ey) = (cx - a.x - t * dx, cy - a.y - t * dy)
                            let distanceSquared = ex * ex + ey * ey
                            guard distanceSquared < reachSquared else { continue }
                            // Half added and cut off: rounding a non-negative value without a call to the library.
                            let value = UInt8(255 * (1 - distanceSquared.squareRoot() / reach) + 0.5)
                            if value > alpha[offset + column] { alpha[offset + column] = value }
                        }
                    }
                }
            }
        }
        return alpha
    }
}
