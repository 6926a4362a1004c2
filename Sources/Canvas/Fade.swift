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
            let steps = 12
            let strokes = stride(from: steps, to: 0, by: -1).map { step in
                let width = 2 * reachPt * Double(step) / Double(steps)
                // A wide faint stroke does not need vertices a fraction of its width apart.
                return (lines: lines.map { Self.thinned($0, spacing: width / 4) }, width: width,
                        alpha: 1 / Double(step))
            }
            if let svg { return recordSVGFade(svg, colour: colour, strokes: strokes, within: addArea) }
            clip(to: addArea)
            for stroke in strokes {
                for line in stroke.lines { addPolyline(line, close: false) }
                self.stroke(colour.withAlpha(stroke.alpha), widthPt: stroke.width)
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
        let size = (width: pixelWidth, height: pixelHeight)
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

    /// Paints the colour with the mask's opacities, placed in pixels whatever the transformation. The PNG's
    /// recording keeps a copy of each mask it is given: the mask goes as runs of the tiles that hold any opacity,
    /// a band along the lines rather than the box round them (as boxes, the 3,000-place map's fades held 5 MB).
    private func paint(_ colour: RGBA, through mask: DistanceMask) {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_identity_matrix(cairo)
        setSource(colour.withAlpha(1))
        mask.alpha.withUnsafeBufferPointer { alpha in
            let data = UnsafeMutablePointer(mutating: alpha.baseAddress!)
            for run in mask.runs(tile: Self.maskTile) {
                guard let surface = cairo_image_surface_create_for_data(
                    data + run.y * mask.stride + run.x, CAIRO_FORMAT_A8, Int32(run.width), Int32(run.height),
                    Int32(mask.stride)) else { continue }
                cairo_mask_surface(cairo, surface, Double(mask.x + run.x), Double(mask.y + run.y))
                cairo_surface_destroy(surface)
            }
        }
    }

    /// The side of a mask's tiles, in pixels: a multiple of 4 keeps each run's first byte aligned as Cairo wants.
    static let maskTile = 64

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
