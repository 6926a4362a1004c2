internal import CCairo
import Dispatch

/// A font by Pango description, e.g. `Noto Sans Bold 11`; sizes in points.
public struct Font: Hashable, Sendable {
    public var family: String
    public var sizePt: Double
    public var bold: Bool

    public init(family: String = "Noto Sans", sizePt: Double, bold: Bool = false) {
        self.family = family
        self.sizePt = sizePt
        self.bold = bold
    }

    var description: String { "\(family)\(bold ? " Bold" : "") \(sizePt)px" }
}

/// The size of a laid-out text in points: `width` × `height` of its logical box.
public struct TextSize: Hashable, Sendable {
    public var width: Double
    public var height: Double
}

/// How the lines of a wrapped text line up.
public enum TextAlignment: Sendable {
    case left, centre, right
}

/// How a text box is placed relative to the given point.
public enum TextAnchor: Sendable {
    case topLeft, topRight, centre, left, right
}

extension Canvas {
    /// Starts fontconfig's set-up (its configuration and the system's font list read, a few milliseconds that the
    /// first text laid out would wait for) on another thread; a drawing command calls this as it starts.
    public static func prepareFontsInBackground() {
        DispatchQueue.global().async { _ = MapFonts.shared }
    }

    /// The logical size of `text` laid out by Pango, shaping and bidi included.
    /// Wraps at word boundaries when `maxWidth` (points) is given.
    public func measure(_ text: String, font: Font, maxWidth: Double? = nil) -> TextSize {
        withLayout(text, font: font, maxWidth: maxWidth, alignment: .left) { layout in
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            return TextSize(width: Double(logical.width) / Double(PANGO_SCALE),
                            height: Double(logical.height) / Double(PANGO_SCALE))
        }
    }

    /// Draws `text` with its box's `anchor` at (x, y), over a halo of `haloWidthPt` when given.
    public func drawText(_ text: String, x: Double, y: Double, anchor: TextAnchor = .topLeft, font: Font,
                         colour: RGBA, halo: RGBA? = nil, haloWidthPt: Double = 2.5, maxWidth: Double? = nil,
                         alignment: TextAlignment = .left) {
        withLayout(text, font: font, maxWidth: maxWidth, alignment: alignment) { layout in
            var ink = PangoRectangle()
            var logical = PangoRectangle()
            pango_layout_get_extents(layout, &ink, &logical)
            let width = Double(logical.width) / Double(PANGO_SCALE)
            let height = Double(logical.height) / Double(PANGO_SCALE)
            let origin: (x: Double, y: Double)
            switch anchor {
            case .topLeft: origin = (x, y)
            case .topRight: origin = (x - width, y)
            case .centre: origin = (x - width / 2, y - height / 2)
            case .left: origin = (x, y - height / 2)
            case .right: origin = (x - width, y - height / 2)
            }
            let start = (x: origin.x - Double(logical.x) / Double(PANGO_SCALE),
                         y: origin.y - Double(logical.y) / Double(PANGO_SCALE))
            if svg != nil {
                recordSVGText(layout, text: text, start: start, font: font, colour: colour, halo: halo,
                              haloWidthPt: haloWidthPt)
                return
            }
            withSavedState {
                if let halo { paintHalo(layout, at: start, colour: halo, widthPt: haloWidthPt) }
                cairo_move_to(cairo, start.x, start.y)
                cairo_set_source_rgba(cairo, colour.red, colour.green, colour.blue, colour.alpha)
                pango_cairo_show_layout(cairo, layout)
            }
        }
    }

    /// Lays out text with metrics independent of the output format, so PNG, SVG and PDF place it alike. One
    /// layout is kept per font and settings and given each text in turn: making a layout (a Pango context, its
    /// options, the font description parsed) cost more than shaping a short name, and a map measures thousands.
    private func withLayout<T>(_ text: String, font: Font, maxWidth: Double?, alignment: TextAlignment,
                               _ body: (OpaquePointer) -> T) -> T {
        // Pango takes the drawing's linear transformation into its context when the layout is made: a layout is
        // reused only under the same one.
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cairo, &matrix)
        // A PDF embeds a face once per font map that used it: its texts all take the system's fonts.
        let ownFonts = usesMapFonts && format != .pdf && MapFonts.shared?.covers(text, families: font.family) == true
        let key = LayoutKey(font: font, maxWidth: maxWidth, alignment: alignment,
                            linear: [matrix.xx, matrix.yx, matrix.xy, matrix.yy], ownFonts: ownFonts)
        let layout = layouts[key] ?? makeLayout(font: font, maxWidth: maxWidth, alignment: alignment,
                                                ownFonts: ownFonts)
        layouts[key] = layout
        pango_layout_set_text(layout, text, -1)
        return body(layout)
    }

    /// A layout over the map's own faces when `ownFonts` (see `MapFonts`), else over the system's fonts.
    private func makeLayout(font: Font, maxWidth: Double?, alignment: TextAlignment, ownFonts: Bool) -> OpaquePointer {
        let layout: OpaquePointer
        if ownFonts, let map = MapFonts.shared?.fontMap(), let own = pango_font_map_create_context(map) {
            pango_cairo_update_context(cairo, own)
            layout = pango_layout_new(own)
            g_object_unref(UnsafeMutableRawPointer(own))
        } else {
            layout = pango_cairo_create_layout(cairo)!
        }
        let context = pango_layout_get_context(layout)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        pango_cairo_context_set_resolution(context, 72)
        // Vector text keeps glyphs at their exact positions: rounded to whole points, small Arabic labels gain gaps
        // that PDF readers take for spaces, and copied text comes out as broken words. Pixels keep crisp rounding.
        pango_context_set_round_glyph_positions(context, format == .png ? 1 : 0)
        pango_layout_context_changed(layout)
        let description = pango_font_description_from_string(font.description)
        defer { pango_font_description_free(description) }
        pango_layout_set_font_description(layout, description)
        if let maxWidth {
            pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .centre: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_auto_dir(layout, 0)
        return layout
    }
}

/// What a kept layout was made for.
struct LayoutKey: Hashable {
    var font: Font
    var maxWidth: Double?
    var alignment: TextAlignment
    var linear: [Double]
    /// Laid out over the map's own faces (`MapFonts`).
    var ownFonts: Bool
}
