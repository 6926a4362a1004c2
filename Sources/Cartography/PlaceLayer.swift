import Canvas
import Claims
import Gazetteer
import Geometry
import Territory

/// Place symbols filled by their controller, and their labels placed without overlaps.
struct PlaceLayer {
    let canvas: Canvas
    let frame: MapFrame
    let style: MapStyle
    let scenario: Scenario
    let territory: TerritoryMap
    let language: Language
    let diff: ControlDiff?

    /// A place as drawn: where, how big, and how important its label is.
    struct Mark {
        var place: Place
        var x: Double
        var y: Double
        var radius: Double
        var priority: Double
    }

    /// Draws symbols and labels, returning where they went. Places go in order of priority: each symbol must
    /// keep clear of the labels already placed, then its label looks for room clear of every symbol, and
    /// failing that for room over less important symbols only. A village dot never covers a city's name: the
    /// village is left off instead, its ground still shown by its zone.
    func draw(placer: inout LabelPlacer, view: MapView) -> (labels: [RenderedMap.Label], symbols: [RenderedMap.Symbol]) {
        let marks = visibleMarks(view: view)
        let symbolBoxes = marks.map { Box(x: $0.x - $0.radius, y: $0.y - $0.radius, width: 2 * $0.radius,
                                          height: 2 * $0.radius) }
        var shown = [Mark]()
        var labelBoxes = [Box]()
        var labels = [RenderedMap.Label]()
        var labelFonts = [Font]()
        for (index, mark) in marks.enumerated() {
            let symbolBox = symbolBoxes[index]
            guard !labelBoxes.contains(where: symbolBox.intersects) else { continue }
            placer.block(symbolBox)
            shown.append(mark)
            let text = label(mark.place)
            let font = labelFont(mark.place)
            let size = canvas.measure(text, font: font)
            let candidates = LabelPlacer.candidates(x: mark.x, y: mark.y, radius: mark.radius, width: size.width,
                                                    height: size.height, rightToLeft: language == .ar)
            // Room that covers no other symbol first; only then room over a less important place's symbol.
            let clear = candidates.filter { candidate in !symbolBoxes[(index + 1)...].contains(where: candidate.intersects) }
            guard let box = placer.place(clear) ?? placer.place(candidates) else { continue }
            labelBoxes.append(box)
            labelFonts.append(font)
            labels.append(.init(placeID: mark.place.id, text: text, x: box.x, y: box.y, width: box.width,
                                height: box.height))
        }
        for mark in shown.reversed() { drawSymbol(mark) }
        for (label, font) in zip(labels, labelFonts) {
            canvas.drawText(label.text, x: label.x, y: label.y, font: font, colour: style.ink,
                            halo: style.halo, alignment: language == .ar ? .right : .left)
        }
        let symbols = shown.map { RenderedMap.Symbol(placeID: $0.place.id, x: $0.x, y: $0.y,
                                                     fill: symbolColour($0.place).hex) }
        return (labels, symbols)
    }

    /// Names of neighbouring countries where they have room, after every place label.
    func drawNeighbourNames(_ basemap: Basemap, placer: inout LabelPlacer) {
        let viewArea = MultiPolygon([.rectangle(frame.envelope)])
        for neighbour in basemap.neighbours.sorted(by: { $0.id < $1.id }) {
            guard let visible = try? neighbour.area.intersection(with: viewArea),
                  Geodesic.areaKm2(visible) > Geodesic.areaKm2(viewArea) * 0.02,
                  let anchor = try? visible.pointOnSurface(), let point = frame.point(anchor) else { continue }
            let text = language == .ar ? neighbour.nameAr : neighbour.nameEn.uppercased()
            let font = Font(family: style.family(for: language), sizePt: 11, bold: false)
            let size = canvas.measure(text, font: font)
            let box = Box(x: point.x - size.width / 2, y: point.y - size.height / 2, width: size.width, height: size.height)
            guard placer.place([box]) != nil else { continue }
            canvas.drawText(text, x: box.x, y: box.y, font: font, colour: style.mutedInk.withAlpha(0.8))
        }
    }

    // MARK: - Choosing places

    private func visibleMarks(view: MapView) -> [Mark] {
        let mapped = scenario.mappedPlaceIDs
        let detailed = view.widthKm < 80
        let recent = territory.snapshot.date.adding(days: -2)
        var marks = [Mark]()
        for place in scenario.gazetteer.places where mapped.contains(place.id) && view.envelope.contains(place.lonLat) {
            let isQuarter = [.neighbourhood, .district, .landmark].contains(place.kind)
            if isQuarter != detailed && !(detailed && place.kind == .city) { continue }
            guard let point = frame.point(place.lonLat) else { continue }
            let control = territory.snapshot.controls[place.id]
            let changed = diff.map { $0.places.contains { $0.placeID == place.id } }
                ?? ((control?.since ?? .init(ordinal: 0)) >= recent && control?.since != scenario.dates.first)
            let priority = Double(place.kind.rank) * 10 + (changed ? 25 : 0)
                + Double(place.population ?? 0).squareRoot() / 300
            marks.append(Mark(place: place, x: point.x, y: point.y, radius: radius(place.kind), priority: priority))
        }
        return marks.sorted { $0.priority != $1.priority ? $0.priority > $1.priority : $0.place.id < $1.place.id }
    }

    private func radius(_ kind: PlaceKind) -> Double {
        switch kind {
        case .city: 4.4
        case .town: 3.3
        case .airport, .airbase, .base: 3.8
        case .neighbourhood, .district: 3.0
        default: 2.5
        }
    }

    // MARK: - Symbols and labels

    private func drawSymbol(_ mark: Mark) {
        let r = mark.radius
        switch mark.place.kind {
        case .airport, .airbase:
            canvas.addPolyline([(mark.x, mark.y - r), (mark.x + r, mark.y), (mark.x, mark.y + r), (mark.x - r, mark.y)],
                               close: true)
        case .base, .neighbourhood, .district:
            canvas.rectangle(x: mark.x - r * 0.8, y: mark.y - r * 0.8, width: r * 1.6, height: r * 1.6)
        case .landmark, .prison, .crossing:
            canvas.addPolyline([(mark.x, mark.y - r), (mark.x + r, mark.y + r * 0.8), (mark.x - r, mark.y + r * 0.8)],
                               close: true)
        default:
            canvas.circle(x: mark.x, y: mark.y, radius: r)
        }
        canvas.fill(symbolColour(mark.place), preserve: true)
        canvas.stroke(mark.place.kind == .city ? style.ink : style.ink.withAlpha(0.85),
                      widthPt: mark.place.kind == .city ? 1.1 : 0.7)
    }

    /// The controller's colour; white for contested, grey for unheld.
    func symbolColour(_ place: Place) -> RGBA {
        switch territory.snapshot.controls[place.id]?.state {
        case .held(let actor)?: scenario.actor(id: actor).map(ActorColours.colour) ?? style.unheldSymbol
        case .shared(let among)?: scenario.actor(id: among[0]).map(ActorColours.colour) ?? style.unheldSymbol
        case .contested?: .white
        case .abandoned?, nil: style.unheldSymbol
        }
    }

    private func label(_ place: Place) -> String {
        let arabic = place.nameAr.isEmpty ? place.nameEn : place.nameAr
        switch language {
        case .en: return place.nameEn
        case .ar: return arabic
        case .both: return place.nameAr.isEmpty ? place.nameEn : "\(place.nameEn)\n\(arabic)"
        }
    }

    private func labelFont(_ place: Place) -> Font {
        let family = style.family(for: language)
        switch place.kind {
        case .city: return Font(family: family, sizePt: style.majorLabelSizePt, bold: true)
        case .town, .airport, .airbase, .base: return Font(family: family, sizePt: style.labelSizePt)
        default: return Font(family: family, sizePt: style.labelSizePt - 1)
        }
    }
}
