import Canvas
import Claims
import Gazetteer

/// The symbol of a place: its shape says what kind of place it is, its size how important, its fill who holds it.
enum PlaceSymbol: CaseIterable {
    case settlement, airfield, base, quarter, site

    init(_ kind: PlaceKind) {
        switch kind {
        case .city, .town, .village, .camp: self = .settlement
        case .airport, .airbase: self = .airfield
        case .base: self = .base
        case .neighbourhood, .district: self = .quarter
        case .landmark, .prison, .crossing: self = .site
        }
    }

    static func radius(_ kind: PlaceKind) -> Double {
        switch kind {
        case .city: 4.4
        case .town: 3.3
        case .airport, .airbase, .base: 3.8
        case .neighbourhood, .district: 3.0
        default: 2.5
        }
    }

    /// What the legend calls it.
    func name(_ language: Language) -> String {
        switch self {
        case .settlement: Wording.text("City, town or village (by size)", "مدينة أو بلدة أو قرية (حسب الحجم)", language)
        case .airfield: Wording.text("Airport or air base", "مطار أو قاعدة جوية", language)
        case .base: Wording.text("Military base", "قاعدة عسكرية", language)
        case .quarter: Wording.text("Neighbourhood or district", "حي أو منطقة", language)
        case .site: Wording.text("Landmark, prison or crossing", "معلم أو سجن أو معبر", language)
        }
    }

    /// Adds the symbol's outline centred on (x, y) to the canvas's path; quarters are smaller squares than bases.
    func addPath(x: Double, y: Double, radius r: Double, to canvas: Canvas) {
        switch self {
        case .airfield:
            canvas.addPolyline([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], close: true)
        case .base:
            canvas.rectangle(x: x - r * 0.8, y: y - r * 0.8, width: r * 1.6, height: r * 1.6)
        case .quarter:
            canvas.rectangle(x: x - r * 0.7, y: y - r * 0.7, width: r * 1.4, height: r * 1.4)
        case .site:
            canvas.addPolyline([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], close: true)
        case .settlement:
            canvas.circle(x: x, y: y, radius: r)
        }
    }

    /// Draws the symbol filled with the holder's colour, halves of the contesting sides' colours, or hollow
    /// (paper) when nobody is reported holding the place; then outlines it.
    func paint(_ fill: Fill, x: Double, y: Double, radius r: Double, canvas: Canvas, style: MapStyle,
               outlineWidthPt: Double) {
        addPath(x: x, y: y, radius: r, to: canvas)
        switch fill {
        case .held(let colour):
            canvas.fill(colour, preserve: true)
            canvas.stroke(style.ink.withAlpha(0.85), widthPt: outlineWidthPt)
        case .contested(let colours):
            canvas.withClip {
                // Upright bands, one per side, across the symbol's box.
                let band = 2 * r / Double(max(colours.count, 1))
                for (index, colour) in colours.enumerated() {
                    canvas.rectangle(x: x - r + Double(index) * band, y: y - r, width: band, height: 2 * r)
                    canvas.fill(colour)
                }
            }
            addPath(x: x, y: y, radius: r, to: canvas)
            canvas.stroke(style.ink.withAlpha(0.85), widthPt: outlineWidthPt)
        case .unreported:
            canvas.fill(style.paper, preserve: true)
            canvas.stroke(style.mutedInk, widthPt: outlineWidthPt + 0.3)
        }
    }

    enum Fill {
        case held(RGBA)
        case contested([RGBA])
        case unreported
    }
}
