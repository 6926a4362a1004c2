internal import CCairo
import Foundation

/// The kinds of file a canvas encodes to.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg, pdf
}

/// A drawing surface in points (1/72 inch), encoded to PNG, SVG or PDF by `finish()`.
/// A PNG has `widthPt × pixelsPerPoint` pixels; vector formats keep points.
public final class Canvas {
    public let widthPt: Double
    public let heightPt: Double
    public let format: ImageFormat
    let surface: OpaquePointer
    let cairo: OpaquePointer
    /// A PNG's size in pixels (the page in points for vector formats).
    let pixelWidth: Int, pixelHeight: Int
    private let sink = ByteSink()
    private var finished = false
    /// Texts and layers kept for an SVG canvas's own `<text>` and `<g id>`; nil for PNG and PDF.
    let svg: SVGDocument?
    /// Pango layouts made for this canvas, by font and settings, reused for every text that shares them.
    var layouts: [LayoutKey: OpaquePointer] = [:]
    /// Texts the map's own faces hold are laid out over them alone (`MapFonts`); off, every text takes the
    /// system's fonts, which gives the same pixels more slowly.
    var usesMapFonts = true

    /// - Parameters:
    ///   - pixelsPerPoint: PNG resolution (dpi / 72); ignored for SVG and PDF.
    ///   - creationDate: ISO 8601 date written into PDF metadata instead of the clock, so output is reproducible.
    public init(widthPt: Double, heightPt: Double, format: ImageFormat, pixelsPerPoint: Double = 1,
                creationDate: String = "2000-01-01T00:00:00") throws {
        guard widthPt >= 1, heightPt >= 1, widthPt <= 20_000, heightPt <= 20_000 else {
            throw CanvasError("canvas size \(widthPt)×\(heightPt) pt is out of range (1 to 20000)")
        }
        self.widthPt = widthPt
        self.heightPt = heightPt
        self.format = format
        svg = format == .svg ? SVGDocument() : nil
        // The sink is owned by this canvas and outlives the surface, which `deinit` destroys first.
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer?
        let pixels = format == .png ? pixelsPerPoint : 1
        pixelWidth = Int((widthPt * pixels).rounded())
        pixelHeight = Int((heightPt * pixels).rounded())
        switch format {
        case .png:
            // Drawn into a recording, in pixels, and played back a band at a time as the PNG is encoded: the
            // pixels of the whole page are never held at once (16 MB at 2000 px, 260 MB at 8000).
            var extents = cairo_rectangle_t(x: 0, y: 0, width: Double(pixelWidth), height: Double(pixelHeight))
            surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(ByteSink.write, closure, widthPt, heightPt)
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, widthPt, heightPt)
        }
        guard let surface else { throw CanvasError("Cairo could not create a \(format) surface") }
        try checkCairo(cairo_surface_status(surface), "creating a \(format) surface")
        if format == .pdf {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, creationDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ControlMap")
        }
        guard let cairo = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw CanvasError("Cairo could not create a drawing context")
        }
        self.surface = surface
        self.cairo = cairo
        if format == .png { cairo_scale(cairo, pixelsPerPoint, pixelsPerPoint) }
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_ROUND)
    }

    deinit {
        for layout in layouts.values { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    // MARK: - Paths

    public func moveTo(_ x: Double, _ y: Double) { cairo_move_to(cairo, x, y) }
    public func lineTo(_ x: Double, _ y: Double) { cairo_line_to(cairo, x, y) }
    public func closePath() { cairo_close_path(cairo) }
    public func newPath() { cairo_new_path(cairo) }

    public func rectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(cairo, x, y, width, height)
    }

    public func circle(x: Double, y: Double, radius: Double) {
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, x, y, radius, 0, 2 * .pi)
        cairo_close_path(cairo)
    }

    /// Adds a polyline (closed when `close`) to the current path; fewer than two points add nothing.
    public func addPolyline(_ points: [(x: Double, y: Double)], close: Bool) {
        guard let first = points.first, points.count >= 2 else { return }
        cairo_move_to(cairo, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
        if close { cairo_close_path(cairo) }
    }

    // MARK: - Painting

    /// Fills the current path with the even-odd rule, so holes stay empty; the path is kept when `preserve`.
    public func fill(_ colour: RGBA, preserve: Bool = false) {
        if let svg { return recordSVGPath(svg, paint: .fill(colour), preserve: preserve) }
        setSource(colour)
        cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD)
        preserve ? cairo_fill_preserve(cairo) : cairo_fill(cairo)
    }

    /// Strokes the current path; `dash` lengths in points, empty for a solid line.
    public func stroke(_ colour: RGBA, widthPt: Double, dash: [Double] = [], preserve: Bool = false) {
        if let svg { return recordSVGPath(svg, paint: .stroke(colour, widthPt: widthPt, dash: dash), preserve: preserve) }
        setSource(colour)
        cairo_set_line_width(cairo, widthPt)
        cairo_set_dash(cairo, dash, Int32(dash.count), 0)
        preserve ? cairo_stroke_preserve(cairo) : cairo_stroke(cairo)
        cairo_set_dash(cairo, nil, 0, 0)
    }

    public func paint(_ colour: RGBA) {
        setSource(colour)
        cairo_paint(cairo)
    }

    /// Runs `body` with drawing clipped to the current path (even-odd); the clip ends with `body`.
    public func withClip(_ body: () throws -> Void) rethrows {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD)
        cairo_clip(cairo)
        try body()
    }

    /// Runs `body` shown only inside the area that `addArea` adds to the path (even-odd), as `withClip` does.
    /// On a raster the drawing goes to a group bounded by the area's box and is painted through the area once:
    /// Cairo clips every stroke against a path of thousands of vertices anew, which costs far more than the
    /// strokes. Painting over is associative, so the pixels are those of the clipped strokes (up to rounding).
    /// Vector files keep the clip, which costs nothing there.
    public func withAreaClip(_ addArea: () -> Void, _ body: () throws -> Void) rethrows {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_new_path(cairo)
        addArea()
        cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD)
        guard format == .png else {
            cairo_clip(cairo)
            return try body()
        }
        var (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0)
        cairo_path_extents(cairo, &x0, &y0, &x1, &y1)
        cairo_new_path(cairo)
        guard x1 > x0, y1 > y0 else { return }
        cairo_rectangle(cairo, x0, y0, x1 - x0, y1 - y0)
        cairo_clip(cairo)
        cairo_push_group(cairo)
        do {
            try body()
        } catch {
            cairo_pattern_destroy(cairo_pop_group(cairo))
            throw error
        }
        cairo_pop_group_to_source(cairo)
        addArea()
        cairo_clip(cairo)
        cairo_paint(cairo)
    }

    /// Runs `body` inside a saved graphics state.
    public func withSavedState(_ body: () throws -> Void) rethrows {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        try body()
    }

    func setSource(_ colour: RGBA) {
        cairo_set_source_rgba(cairo, colour.red, colour.green, colour.blue, colour.alpha)
    }

    // MARK: - Output

    /// Finishes the drawing and returns the encoded file. A canvas can be finished once.
    public func finish() throws -> [UInt8] {
        guard !finished else { throw CanvasError("the canvas was already finished") }
        finished = true
        try checkCairo(cairo_status(cairo), "drawing")
        switch format {
        case .png:
            cairo_surface_flush(surface)
            try checkCairo(cairo_surface_status(surface), "drawing")
            let recording = surface
            sink.bytes = try PNGWriter.encode(width: pixelWidth, height: pixelHeight) { rows, image, stride in
                try Canvas.play(recording, rows: rows, into: image, width: pixelWidth, stride: stride)
            }
        case .svg, .pdf:
            cairo_surface_finish(surface)
            try checkCairo(cairo_surface_status(surface), "writing \(format)")
        }
        guard let svg else { return sink.bytes }
        return svg.replacingMarkers(in: Canvas.renumberingSurfaces(sink.bytes))
    }

    /// Plays the recorded drawing's `rows` into `image` (Cairo ARGB32, `stride` bytes a row), every pixel of
    /// them written and no other touched. The band is drawn where it lies in the whole image, under a clip, not
    /// moved to the origin: played through a translation, Cairo places glyphs without rounding them to whole
    /// pixels first and cuts off a column of some.
    private static func play(_ recording: OpaquePointer, rows: Range<Int>, into image: UnsafeMutableRawPointer,
                             width: Int, stride: Int) throws {
        guard let band = cairo_image_surface_create_for_data(image.assumingMemoryBound(to: UInt8.self),
                                                             CAIRO_FORMAT_ARGB32, Int32(width),
                                                             Int32(rows.upperBound), Int32(stride)) else {
            throw CanvasError("Cairo could not create a band of the PNG")
        }
        defer { cairo_surface_destroy(band) }
        guard let cairo = cairo_create(band) else { throw CanvasError("Cairo could not create a drawing context") }
        defer { cairo_destroy(cairo) }
        cairo_rectangle(cairo, 0, Double(rows.lowerBound), Double(width), Double(rows.count))
        cairo_clip(cairo)
        // Copying a recording plays its commands straight into the band, those that reach it only.
        cairo_set_operator(cairo, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(cairo, recording, 0, 0)
        cairo_paint(cairo)
        cairo_surface_flush(band)
        try checkCairo(cairo_status(cairo), "drawing a band of the PNG")
    }

    /// Cairo names SVG surfaces from a process-wide counter (`surface187`); numbering them from 1 in order of
    /// appearance makes the file depend only on the drawing.
    static func renumberingSurfaces(_ bytes: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var numbers = [ArraySlice<UInt8>: Int]()
        var copied = 0
        // The word is rare (a few times a file): found by memmem, the bytes between copied in runs.
        while let found = SVGDocument.find(word, in: bytes[copied...]) {
            let digits = bytes[found...].prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            result += bytes[copied..<found]
            copied = found + digits.count
            guard !digits.isEmpty else { continue }
            let number = numbers[digits] ?? (numbers.count + 1)
            numbers[digits] = number
            result += String(number).utf8
        }
        result += bytes[copied...]
        return result
    }
}
