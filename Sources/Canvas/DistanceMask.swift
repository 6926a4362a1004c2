internal import CCairo

/// Opacity 255 on the lines, falling linearly to 0 at `reach` pixels from them, over the pixels within reach
/// (a box of the image at `x`, `y`). Pixel centres sit at half-integers.
///
/// A pixel's opacity is that of its distance to the nearest point of the lines, which lies either inside a
/// segment (the pixel projects onto it) or at a vertex (the pixel lies beyond the segments on both sides of it).
/// Each segment therefore paints only the band of pixels that project onto it, and each vertex only the wedge
/// beyond both of its segments, with the distances to that vertex both segments give: each pixel is worked out
/// about once, where painting every segment's whole reach worked out the pixels near a densely drawn line as many
/// times as there were segments within reach (the same bytes, a fraction of the time).
struct DistanceMask {
    let x: Int, y: Int, width: Int, height: Int, stride: Int
    private(set) var alpha: [UInt8]

    @_optimize(speed)  // also in debug builds: the loops run over millions of pixels
    init?(lines: [[(x: Double, y: Double)]], reach: Double, width imageWidth: Int, height imageHeight: Int) {
        let points = lines.flatMap { $0 }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return nil }
        x = max(0, Int((minX - reach).rounded(.down)))
        y = max(0, Int((minY - reach).rounded(.down)))
        let right = min(imageWidth, Int((maxX + reach).rounded(.up)) + 1)
        let bottom = min(imageHeight, Int((maxY + reach).rounded(.up)) + 1)
        guard right > x, bottom > y else { return nil }
        width = right - x
        height = bottom - y
        stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_A8, Int32(width)))
        alpha = [UInt8](repeating: 0, count: stride * height)
        let box = (x: x, y: y, right: right, bottom: bottom, stride: stride)
        alpha.withUnsafeMutableBufferPointer { alpha in
            var painter = Painter(alpha: alpha, box: box, reach: reach)
            for line in lines {
                // Vertices closer than a pixel add segments, not precision. A segment of no length (a line's last
                // point on the one before) paints its disc as the line's end.
                let line = Canvas.thinned(line, spacing: 1)
                guard line.count >= 2 else { continue }
                let segments = zip(line, line.dropFirst()).map { Segment(a: $0, b: $1) }
                for segment in segments { painter.paintBand(of: segment) }
                painter.paintWedge(before: nil, after: segments[0])
                for (before, after) in zip(segments, segments.dropFirst()) {
                    painter.paintWedge(before: before, after: after)
                }
                painter.paintWedge(before: segments[segments.count - 1], after: nil)
            }
        }
    }

    /// Boxes (in the mask's own pixels) that together hold every pixel of any opacity: on each row of `tile` ×
    /// `tile` tiles, each run of tiles side by side that are not all zero, top to bottom and left to right.
    func runs(tile: Int) -> [(x: Int, y: Int, width: Int, height: Int)] {
        var runs = [(x: Int, y: Int, width: Int, height: Int)]()
        let columns = (width + tile - 1) / tile
        alpha.withUnsafeBufferPointer { alpha in
            for top in Swift.stride(from: 0, to: height, by: tile) {
                let rows = min(tile, height - top)
                var start: Int?
                for column in 0...columns {
                    let left = column * tile
                    let inked = column < columns && (top..<(top + rows)).contains { row in
                        let first = row * stride + left
                        return alpha[first..<(first + min(tile, width - left))].contains { $0 != 0 }
                    }
                    if inked, start == nil { start = left }
                    if !inked, let first = start {
                        runs.append((x: first, y: top, width: min(left, width) - first, height: rows))
                        start = nil
                    }
                }
            }
        }
        return runs
    }

    /// A segment and what projecting a pixel centre onto it takes.
    struct Segment {
        let a: (x: Double, y: Double), b: (x: Double, y: Double)
        let dx: Double, dy: Double, lengthSquared: Double

        init(a: (x: Double, y: Double), b: (x: Double, y: Double)) {
            (self.a, self.b) = (a, b)
            (dx, dy) = (b.x - a.x, b.y - a.y)
            lengthSquared = dx * dx + dy * dy
        }

        /// (c − a)·(b − a): from 0 at `a` to `lengthSquared` at `b` along the segment.
        @inline(__always)
        func along(_ cx: Double, _ cy: Double) -> Double { (cx - a.x) * dx + (cy - a.y) * dy }

        /// The squared distance from the centre to the segment's point at `t` (0 at `a`, 1 at `b`).
        @inline(__always)
        func distanceSquared(_ cx: Double, _ cy: Double, t: Double) -> Double {
            let (ex, ey) = (cx - a.x - t * dx, cy - a.y - t * dy)
            return ex * ex + ey * ey
        }

        /// The columns (as pixel-centre abscissas) of row `cy` where `along` lies in `range`, a pixel wider on
        /// each side (the pixels are then tested one by one); nil for none.
        func columns(row cy: Double, along range: ClosedRange<Double>) -> ClosedRange<Double>? {
            // Along a vertical segment, `along` does not change with the column.
            guard dx != 0 else { return range.contains((cy - a.y) * dy) ? -Double.infinity...Double.infinity : nil }
            let across = (cy - a.y) * dy
            let (u, v) = ((range.lowerBound - across) / dx + a.x, (range.upperBound - across) / dx + a.x)
            return (min(u, v) - 1)...(max(u, v) + 1)
        }
    }

    /// Writes opacities into the mask, each the highest offered.
    struct Painter {
        let alpha: UnsafeMutableBufferPointer<UInt8>
        let box: (x: Int, y: Int, right: Int, bottom: Int, stride: Int)
        let reach: Double, reachSquared: Double

        init(alpha: UnsafeMutableBufferPointer<UInt8>, box: (x: Int, y: Int, right: Int, bottom: Int, stride: Int),
             reach: Double) {
            (self.alpha, self.box, self.reach, reachSquared) = (alpha, box, reach, reach * reach)
        }

        /// The rows within reach of `low`…`high` (ordinates), clipped to the box.
        func rows(_ low: Double, _ high: Double) -> Range<Int> {
            let top = max(box.y, Int((low - reach).rounded(.down)))
            let foot = min(box.bottom, Int((high + reach).rounded(.up)) + 1)
            return top..<max(top, foot)
        }

        /// The columns whose centres lie in `centres`, clipped to `low`…`high` (abscissas) within reach and the box.
        func columns(_ centres: ClosedRange<Double>, _ low: Double, _ high: Double) -> Range<Int> {
            var first = max(box.x, Int((low - reach).rounded(.down)))
            var end = min(box.right, Int((high + reach).rounded(.up)) + 1)
            guard first < end else { return first..<first }
            // Clamped to those columns before converting: a nearly vertical segment's bounds lie far past any
            // column (or at infinity), further than an integer holds.
            let lower = min(max(centres.lowerBound - 0.5, Double(first)), Double(end))
            let upper = min(max(centres.upperBound - 0.5, Double(first)), Double(end))
            first = max(first, Int(lower.rounded(.down)))
            end = min(end, Int(upper.rounded(.up)) + 1)
            return first..<max(first, end)
        }

        @inline(__always)
        func offer(_ distanceSquared: Double, at index: Int) {
            guard distanceSquared < reachSquared else { return }
            // Half added and cut off: rounding a non-negative value without a call to the library.
            let value = UInt8(255 * (1 - distanceSquared.squareRoot() / reach) + 0.5)
            if value > alpha[index] { alpha[index] = value }
        }

        /// The pixels that project onto the segment (0 ≤ along ≤ length²) and lie within reach of its line.
        mutating func paintBand(of segment: Segment) {
            let s = segment
            guard s.lengthSquared > 0 else { return }
            let length = s.lengthSquared.squareRoot()
            for row in rows(min(s.a.y, s.b.y), max(s.a.y, s.b.y)) {
                let cy = Double(row) + 0.5
                guard var centres = s.columns(row: cy, along: 0...s.lengthSquared) else { continue }
                if s.dy != 0 {
                    // |(c − a) × (b − a)| < reach · length, solved for the column on this row.
                    let across = (cy - s.a.y) * s.dx
                    let (x0, x1) = ((across - reach * length) / s.dy + s.a.x, (across + reach * length) / s.dy + s.a.x)
                    let (low, high) = (max(centres.lowerBound, min(x0, x1) - 1), min(centres.upperBound, max(x0, x1) + 1))
                    guard low <= high else { continue }
                    centres = low...high
                }
                let offset = (row - box.y) * box.stride - box.x
                for column in columns(centres, min(s.a.x, s.b.x), max(s.a.x, s.b.x)) {
                    let cx = Double(column) + 0.5
                    let along = s.along(cx, cy)
                    guard along >= 0, along <= s.lengthSquared else { continue }
                    offer(s.distanceSquared(cx, cy, t: along / s.lengthSquared), at: offset + column)
                }
            }
        }

        /// The pixels past the end of `before` and before the start of `after` (the vertex they share), or past a
        /// line's last or before its first vertex: each gets the distance to the vertex as each segment gives it.
        mutating func paintWedge(before: Segment?, after: Segment?) {
            guard let vertex = after?.a ?? before?.b else { return }
            for row in rows(vertex.y, vertex.y) {
                let cy = Double(row) + 0.5
                var centres = -Double.infinity...Double.infinity
                if let before {
                    guard let past = before.columns(row: cy, along: before.lengthSquared...Double.infinity) else {
                        continue
                    }
                    centres = max(centres.lowerBound, past.lowerBound)...min(centres.upperBound, past.upperBound)
                }
                if let after {
                    guard let ahead = after.columns(row: cy, along: -Double.infinity...0) else { continue }
                    guard max(centres.lowerBound, ahead.lowerBound) <= min(centres.upperBound, ahead.upperBound) else {
                        continue
                    }
                    centres = max(centres.lowerBound, ahead.lowerBound)...min(centres.upperBound, ahead.upperBound)
                }
                let offset = (row - box.y) * box.stride - box.x
                for column in columns(centres, vertex.x, vertex.x) {
                    let cx = Double(column) + 0.5
                    if let before, before.along(cx, cy) > before.lengthSquared || before.lengthSquared == 0 {
                        if let after, after.along(cx, cy) >= 0 && after.lengthSquared > 0 { continue }
                        offer(before.distanceSquared(cx, cy, t: 1), at: offset + column)
                        if let after { offer(after.distanceSquared(cx, cy, t: 0), at: offset + column) }
                    } else if before == nil, let after, after.along(cx, cy) < 0 {
                        offer(after.distanceSquared(cx, cy, t: 0), at: offset + column)
                    }
                }
            }
        }
    }
}
