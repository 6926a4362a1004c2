internal import CCairo

/// An SVG canvas writes its fills and strokes itself, as `<path>` elements put in place by a marker, rather than
/// through Cairo's SVG surface: Cairo formats each coordinate with `printf("%f")` and writes a clip's outline
/// again for every drawing of other extents under it, which took nine tenths of an SVG map's time.
extension SVGDocument {
    /// The paint of one element: a fill (even-odd) or a stroke with round caps and joins, as the canvas draws.
    enum Paint {
        case fill(RGBA)
        case stroke(RGBA, widthPt: Double, dash: [Double])
    }

    /// `<path style="…" d="…"/>` for the points of `segments` (already in the page's points).
    static func appendPath(_ segments: PathSegments, paint: Paint, to bytes: inout [UInt8]) {
        bytes += #"<path style=""#.utf8
        appendStyle(paint, to: &bytes)
        bytes += #"" d=""#.utf8
        segments.appendData(to: &bytes)
        bytes += #""/>"#.utf8
    }

    static func appendStyle(_ paint: Paint, to bytes: inout [UInt8]) {
        switch paint {
        case .fill(let colour):
            bytes += "fill:\(colour.hex);fill-rule:evenodd".utf8
            if colour.alpha < 1 { bytes += ";fill-opacity:".utf8; appendNumber(colour.alpha, to: &bytes) }
        case .stroke(let colour, let width, let dash):
            bytes += "fill:none;stroke:\(colour.hex);stroke-width:".utf8
            appendNumber(width, to: &bytes)
            bytes += ";stroke-linecap:round;stroke-linejoin:round".utf8
            if colour.alpha < 1 { bytes += ";stroke-opacity:".utf8; appendNumber(colour.alpha, to: &bytes) }
            if !dash.isEmpty {
                bytes += ";stroke-dasharray:".utf8
                for (index, length) in dash.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    appendNumber(length, to: &bytes)
                }
            }
        }
    }

    /// `number(_:)`'s digits (three decimals at most, no trailing zeros) written straight into the bytes: a map
    /// writes tens of thousands.
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        let thousandths = (abs(value) * 1000).rounded()
        guard thousandths < 1e15 else {
            bytes += String(value).utf8
            return
        }
        var whole = Int(thousandths) / 1000
        var fraction = Int(thousandths) % 1000
        if value < 0 && thousandths > 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[15 - count] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                count += 1
            } while whole > 0
            bytes += buffer[(16 - count)...]
        }
        guard fraction > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}

/// A path's segments in page points, as Cairo holds the canvas's current path.
struct PathSegments {
    enum Segment {
        case move(Double, Double), line(Double, Double), curve(Double, Double, Double, Double, Double, Double), close
    }

    var segments: [Segment] = []

    var isEmpty: Bool { !segments.contains { if case .move = $0 { false } else { true } } }

    /// `M x y L x y C … Z` with spaces, as Cairo wrote it.
    func appendData(to bytes: inout [UInt8]) {
        var first = true
        func point(_ letter: Character, _ coordinates: Double...) {
            if !first { bytes.append(UInt8(ascii: " ")) }
            first = false
            bytes.append(letter.asciiValue!)
            for coordinate in coordinates {
                bytes.append(UInt8(ascii: " "))
                SVGDocument.appendNumber(coordinate, to: &bytes)
            }
        }
        for segment in segments {
            switch segment {
            case .move(let x, let y): point("M", x, y)
            case .line(let x, let y): point("L", x, y)
            case .curve(let x1, let y1, let x2, let y2, let x3, let y3): point("C", x1, y1, x2, y2, x3, y3)
            case .close: point("Z")
            }
        }
    }
}

extension Canvas {
    /// The current path in page points (Cairo keeps it in the user space of the transformation in force).
    func currentPathSegments() -> PathSegments {
        var result = PathSegments()
        guard let path = cairo_copy_path(cairo) else { return result }
        defer { cairo_path_destroy(path) }
        guard path.pointee.status == CAIRO_STATUS_SUCCESS, let data = path.pointee.data else { return result }
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        func device(_ index: Int) -> (Double, Double) {
            var (x, y) = (data[index].point.x, data[index].point.y)
            cairo_matrix_transform_point(&matrix, &x, &y)
            return (x, y)
        }
        var index = 0
        while index < Int(path.pointee.num_data) {
            let header = data[index].header
            switch header.type {
            case CAIRO_PATH_MOVE_TO:
                let (x, y) = device(index + 1)
                result.segments.append(.move(x, y))
            case CAIRO_PATH_LINE_TO:
                let (x, y) = device(index + 1)
                result.segments.append(.line(x, y))
            case CAIRO_PATH_CURVE_TO:
                let (x1, y1) = device(index + 1), (x2, y2) = device(index + 2), (x3, y3) = device(index + 3)
                result.segments.append(.curve(x1, y1, x2, y2, x3, y3))
            default:
                result.segments.append(.close)
            }
            index += max(1, Int(header.length))
        }
        return result
    }

    /// The fill or stroke of the current path as an element of the SVG's own, marked where Cairo would have
    /// drawn it; the path is kept when `preserve`, as Cairo's `fill_preserve` keeps it.
    func recordSVGPath(_ svg: SVGDocument, paint: SVGDocument.Paint, preserve: Bool) {
        let segments = currentPathSegments()
        guard !segments.isEmpty else {
            if !preserve { cairo_new_path(cairo) }
            return
        }
        var scaled = paint
        if case .stroke(let colour, let width, let dash) = paint {
            // Widths in the page's points, whatever the transformation (uniform in this canvas).
            var (across, down) = (width, 0.0)
            cairo_user_to_device_distance(cairo, &across, &down)
            scaled = .stroke(colour, widthPt: (across * across + down * down).squareRoot(), dash: dash)
        }
        let index = svg.addElement { SVGDocument.appendPath(segments, paint: scaled, to: &$0) }
        // The marker is a path of its own, filled: it leaves no current path behind.
        if preserve { withPreservedPath { drawMarker(.element, index) } } else { drawMarker(.element, index) }
    }

    /// Runs `body`, which may replace the current path, and puts the path back afterwards.
    private func withPreservedPath(_ body: () -> Void) {
        guard let path = cairo_copy_path(cairo) else { return body() }
        defer { cairo_path_destroy(path) }
        body()
        cairo_new_path(cairo)
        cairo_append_path(cairo, path)
    }

    /// The vector fade of `fade(_:along:reachPt:within:)` as one group of the SVG's own: the area's outline as a
    /// clip path written once, and the nested strokes under it.
    func recordSVGFade(_ svg: SVGDocument, colour: RGBA, strokes: [(lines: [[(x: Double, y: Double)]], width: Double,
                                                                   alpha: Double)], within addArea: () -> Void) {
        cairo_new_path(cairo)
        addArea()
        let area = currentPathSegments()
        cairo_new_path(cairo)
        guard !area.isEmpty else { return }
        let id = svg.newClipID()
        let index = svg.addElement { bytes in
            bytes += "<clipPath id=\"\(id)\"><path clip-rule=\"evenodd\" d=\"".utf8
            area.appendData(to: &bytes)
            bytes += "\"/></clipPath>\n<g clip-path=\"url(#\(id))\">".utf8
            for stroke in strokes {
                var segments = PathSegments()
                for line in stroke.lines where line.count >= 2 {
                    for (index, point) in line.enumerated() {
                        var (x, y) = point
                        cairo_user_to_device(cairo, &x, &y)
                        segments.segments.append(index == 0 ? .move(x, y) : .line(x, y))
                    }
                }
                guard !segments.isEmpty else { continue }
                bytes.append(UInt8(ascii: "\n"))
                SVGDocument.appendPath(segments, paint: .stroke(colour.withAlpha(stroke.alpha), widthPt: stroke.width,
                                                                dash: []), to: &bytes)
            }
            bytes += "\n</g>".utf8
        }
        drawMarker(.element, index)
    }
}
