internal import CCairo

extension Canvas {
    /// Paints `colour` inside the area that `addArea` adds to the path (even-odd), with an opacity that falls
    /// linearly from full on `lines` (polylines in points) to none `reachPt` away from them: a band that fades
    /// one ground into another. On a raster the opacity is each pixel's own distance to the lines, computed
    /// here, and painted through the area once. `colour` must be that of the ground beyond the lines: a
    /// pixel-wide line of it covers the area's antialiased edge along them. Vector files cannot hold such a
    /// mask, so there the band is nested strokes, widest and faintest first (a point covered by k of `steps`
    /// shows k/steps of the colour).
    public func fade(_ colour: RGBA, along lines: [[(x: Double, y: Double)]], reachPt: Double,
                     within addArea: () -> Void) {
        guard reachPt > 0, lines.contains(where: { $0.count >= 2 }) else { return }
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        guard format == .png else {
            clip(to: addArea)
            let steps = 12
            for step in stride(from: steps, to: 0, by: -1) {
                let width = 2 * reachPt * Double(step) / Double(steps)
                // A wide faint stroke does not need vertices a fraction of its width apart.
                for line in lines { addPolyline(Self.thinned(line, spacing: width / 4), close: false) }
                stroke(colour.withAlpha(1 / Double(step)), widthPt: width)
            }
            return
        }
        // The masks are computed in pixels, through whatever transformation the drawing is under.
        let pixels = lines.map { line in
            line.map { point -> (x: Double, y: Double) in
                var (x, y) = point
                cairo_user_to_device(cairo, &x, &y)
                return (x, y)
            }
        }
        var (reach, across) = (reachPt, 0.0)
        cairo_user_to_device_distance(cairo, &reach, &across)
        let size = (width: Int(cairo_image_surface_get_width(surface)),
                    height: Int(cairo_image_surface_get_height(surface)))
        guard let band = DistanceMask(lines: pixels, reach: (reach * reach + across * across).squareRoot(),
                                      width: size.width, height: size.height) else { return }
        cairo_save(cairo)
        clip(to: addArea)
        paint(colour, through: band)
        cairo_restore(cairo)
        // The area's own edge along the lines is antialiased: its pixels hold part of the area's fill, which
        // the clipped band covers only in part, and would show as a faint line. A pixel-wide line of the colour
        // over them, unclipped, covers it; beyond the lines the colour is that of the ground already there.
        if let seam = DistanceMask(lines: pixels, reach: 1.5, width: size.width, height: size.height) {
            paint(colour, through: seam)
        }
    }

    private func clip(to addArea: () -> Void) {
        cairo_new_path(cairo)
        addArea()
        cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_clip(cairo)
    }

    /// Paints the colour with the mask's opacities, placed in pixels whatever the transformation.
    private func paint(_ colour: RGBA, through mask: DistanceMask) {
        mask.alpha.withUnsafeBufferPointer { alpha in
            let data = UnsafeMutableRawPointer(mutating: alpha.baseAddress!).assumingMemoryBound(to: UInt8.self)
            guard let surface = cairo_image_surface_create_for_data(
                data, CAIRO_FORMAT_A8, Int32(mask.width), Int32(mask.height), Int32(mask.stride)) else { return }
            defer { cairo_surface_destroy(surface) }
            cairo_save(cairo)
            cairo_identity_matrix(cairo)
            setSource(colour.withAlpha(1))
            cairo_mask_surface(cairo, surface, Double(mask.x), Double(mask.y))
            cairo_restore(cairo)
        }
    }

    /// `points` without the vertices closer than `spacing` to the last one kept; the first and last stay.
    static func thinned(_ points: [(x: Double, y: Double)], spacing: Double) -> [(x: Double, y: Double)] {
        guard points.count > 2 else { return points }
        let limit = spacing * spacing
        var kept = [points[0]]
        kept.reserveCapacity(points.count)
        for point in points[1..<(points.count - 1)] {
            let last = kept[kept.count - 1]
            let (dx, dy) = (point.x - last.x, point.y - last.y)
            if dx * dx + dy * dy >= limit { kept.append(point) }
        }
        kept.append(points[points.count - 1])
        return kept
    }
}

/// Opacity 255 on the lines, falling linearly to 0 at `reach` pixels from them, over the pixels within reach
/// (a box of the image at `x`, `y`): for each segment, the pixels of its box get the opacity of their distance
/// to it, if higher than what they hold. Pixel centres sit at half-integers.
struct DistanceMask {
    let x: Int, y: Int, width: Int, height: Int, stride: Int
    private(set) var alpha: [UInt8]

    @_optimize(speed)  // also in debug builds: the loop runs over millions of pixels
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
    }
}
