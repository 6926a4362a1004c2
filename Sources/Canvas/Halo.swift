internal import CCairo

extension Canvas {
    /// Paints a halo of `colour` round the glyphs of `layout` (its origin at `start`), as far out as a stroke of
    /// `widthPt` along their outlines would reach. On a raster Cairo's stroker, run over every curve of every
    /// glyph, cost more than the rest of a label; here the glyphs are drawn once into a mask of the label's box
    /// and the mask is widened by a disc of the halo's radius (`HaloMask`). Vector outputs stroke.
    func paintHalo(_ layout: OpaquePointer, at start: (x: Double, y: Double), colour: RGBA, widthPt: Double) {
        guard format == .png else {
            cairo_move_to(cairo, start.x, start.y)
            pango_cairo_layout_path(cairo, layout)
            cairo_set_source_rgba(cairo, colour.red, colour.green, colour.blue, colour.alpha)
            cairo_set_line_width(cairo, widthPt)
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cairo)
            return
        }
        var (radiusX, radiusY) = (widthPt / 2, 0.0)
        cairo_user_to_device_distance(cairo, &radiusX, &radiusY)
        let radius = (radiusX * radiusX + radiusY * radiusY).squareRoot()
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        let box = (x: start.x + Double(ink.x) / scale, y: start.y + Double(ink.y) / scale,
                   width: Double(ink.width) / scale, height: Double(ink.height) / scale)
        guard box.width > 0, box.height > 0 else { return }
        var (minX, minY, maxX, maxY) = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
        for (x, y) in [(box.x, box.y), (box.x + box.width, box.y), (box.x, box.y + box.height),
                       (box.x + box.width, box.y + box.height)] {
            var (deviceX, deviceY) = (x, y)
            cairo_user_to_device(cairo, &deviceX, &deviceY)
            (minX, minY, maxX, maxY) = (min(minX, deviceX), min(minY, deviceY), max(maxX, deviceX), max(maxY, deviceY))
        }
        // The glyphs' own antialiased edge lies a pixel past their ink box; the halo reaches its radius further.
        let reach = Int(radius.rounded(.up)) + 2
        let left = max(0, Int(minX.rounded(.down)) - reach), top = max(0, Int(minY.rounded(.down)) - reach)
        let right = min(pixelWidth, Int(maxX.rounded(.up)) + reach)
        let bottom = min(pixelHeight, Int(maxY.rounded(.up)) + reach)
        guard right > left, bottom > top else { return }
        let (width, height) = (right - left, bottom - top)

        guard let glyphs = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(glyphs) }
        let context = cairo_create(glyphs)
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        matrix.x0 -= Double(left)
        matrix.y0 -= Double(top)
        cairo_set_matrix(context, &matrix)
        cairo_move_to(context, start.x, start.y)
        pango_cairo_show_layout(context, layout)
        cairo_destroy(context)
        cairo_surface_flush(glyphs)
        guard cairo_surface_status(glyphs) == CAIRO_STATUS_SUCCESS,
              let coverage = cairo_image_surface_get_data(glyphs) else { return }
        let stride = Int(cairo_image_surface_get_stride(glyphs))
        var (halo, haloStride) = HaloMask.widened(UnsafePointer(coverage), width: width, height: height, stride: stride,
                                                  radius: radius)
        halo.withUnsafeMutableBufferPointer { pixels in
            guard let mask = cairo_image_surface_create_for_data(pixels.baseAddress, CAIRO_FORMAT_A8, Int32(width),
                                                                 Int32(height), Int32(haloStride)) else { return }
            defer { cairo_surface_destroy(mask) }
            cairo_save(cairo)
            cairo_identity_matrix(cairo)
            cairo_set_source_rgba(cairo, colour.red, colour.green, colour.blue, colour.alpha)
            cairo_mask_surface(cairo, mask, Double(left), Double(top))
            cairo_restore(cairo)
        }
    }
}

/// Grey-level widening of an 8-bit mask by a disc.
enum HaloMask {
    /// Each pixel of the result is how much of it the mask's ink, widened by `radius`, covers: the most that any
    /// pixel near it gives. A source pixel d away (d ≥ 1) with coverage c holds its ink somewhere within it; taken
    /// halfway, the ink reaches `radius + (1 + c) / 2 - d` into the result's pixel (clamped to 0…1), so thin,
    /// faint strokes of small text still get a halo as solid as a stroke along their outline gives them. Rows of
    /// `stride` bytes in; out, rows of the returned stride (a multiple of 16).
    @_optimize(speed)  // also in debug builds: it runs over every label's pixels
    static func widened(_ coverage: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                        radius: Double) -> (pixels: [UInt8], stride: Int) {
        // Rows padded with zeros past the width, so that every row goes sixteen bytes at a time: the columns read
        // past the width hold nothing and change nothing, and those written there are not shown.
        let padded = (width + 31) & ~15
        var source = [UInt8](repeating: 0, count: padded * height)
        var output = [UInt8](repeating: 0, count: padded * height)
        // Rows with no ink (the margins above and below the glyphs) give nothing and are skipped.
        var inked = [Bool](repeating: false, count: height)
        source.withUnsafeMutableBufferPointer { source in
            for row in 0..<height {
                let line = UnsafeBufferPointer(start: coverage + row * stride, count: width)
                UnsafeMutableBufferPointer(rebasing: source[(row * padded)..<(row * padded + width)])
                    .update(fromContentsOf: line)
                inked[row] = line.contains { $0 != 0 }
            }
        }
        let span = Int((radius + 1).rounded(.down))
        // Per offset, the value's constant part in 1/255ths (the coverage adds half of itself).
        var offsets = [(dx: Int, dy: Int, base: Int16)]()
        for dy in -span...span {
            for dx in -span...span {
                let distance = Double(dx * dx + dy * dy).squareRoot()
                guard distance < radius + 1 else { continue }
                offsets.append((dx, dy, Int16(((radius + 0.5 - distance) * 255).rounded())))
            }
        }
        source.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { output in
                let (input, out) = (source.baseAddress!, output.baseAddress!)
                for (dx, dy, base) in offsets {
                    // Output pixels whose shifted source lies in the mask.
                    let (firstRow, endRow) = (max(0, -dy), min(height, height - dy))
                    let (firstColumn, endColumn) = (max(0, -dx), min(width, width - dx))
                    guard firstRow < endRow, firstColumn < endColumn else { continue }
                    let vectorBase = SIMD8<Int16>(repeating: base)
                    for row in firstRow..<endRow where inked[row + dy] {
                        let from = input + (row + dy) * padded + dx
                        let target = out + row * padded
                        var column = firstColumn
                        while column < endColumn {
                            let value = UnsafeRawPointer(from + column).loadUnaligned(as: SIMD16<UInt8>.self)
                            let current = UnsafeRawPointer(target + column).loadUnaligned(as: SIMD16<UInt8>.self)
                            UnsafeMutableRawPointer(target + column).storeBytes(
                                of: higher(current, reach(value, vectorBase)), as: SIMD16<UInt8>.self)
                            column += 16
                        }
                    }
                }
            }
        }
        return (output, padded)
    }

    // Lane-wise arithmetic on masks made by shifting the sign across the lane, on the even and the odd bytes as
    // 16-bit lanes (reinterpreted, not converted: the generic conversions between SIMD types run lane by lane).

    /// `value / 2 + base` for each byte, clamped to 0…255, and 0 where the byte is 0.
    @inline(__always) @_optimize(speed)
    private static func reach(_ bytes: SIMD16<UInt8>, _ base: SIMD8<Int16>) -> SIMD16<UInt8> {
        let lanes = unsafeBitCast(bytes, to: SIMD8<Int16>.self)
        let low = SIMD8<Int16>(repeating: 0xFF)
        let even = reach(lanes & low, base), odd = reach((lanes &>> 8) & low, base)
        return unsafeBitCast(even | (odd &<< 8), to: SIMD16<UInt8>.self)
    }

    @inline(__always) @_optimize(speed)
    private static func reach(_ value: SIMD8<Int16>, _ base: SIMD8<Int16>) -> SIMD8<Int16> {
        var reach = value &>> 1 &+ base
        reach &= ~(reach &>> 15)  // negative to 0
        let below = (reach &- 255) &>> 15  // all ones under 255
        reach = (reach & below) | (SIMD8(repeating: 255) & ~below)
        let empty = (value &- 1) &>> 15  // all ones where the value is 0
        return reach & ~empty
    }

    /// The higher of each pair of bytes.
    @inline(__always) @_optimize(speed)
    private static func higher(_ a: SIMD16<UInt8>, _ b: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let (x, y) = (unsafeBitCast(a, to: SIMD8<Int16>.self), unsafeBitCast(b, to: SIMD8<Int16>.self))
        let low = SIMD8<Int16>(repeating: 0xFF)
        let even = higher(x & low, y & low), odd = higher((x &>> 8) & low, (y &>> 8) & low)
        return unsafeBitCast(even | (odd &<< 8), to: SIMD16<UInt8>.self)
    }

    @inline(__always) @_optimize(speed)
    private static func higher(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD8<Int16> {
        let aLower = (a &- b) &>> 15
        return (b & aLower) | (a & ~aLower)
    }
}
