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
    /// village is left off instead, its ground still shown by its zone. Also returns the small patches of
    /// ground that labels kept off where they could.
    func draw(placer: inout LabelPlacer, view: MapView)
        -> (labels: [RenderedMap.Label], symbols: [RenderedMap.Symbol], patches: [Box]) {
        let marks = visibleMarks(view: view)
        let symbolBoxes = marks.map { Box(x: $0.x - $0.radius, y: $0.y - $0.radius, width: 2 * $0.radius,
                                          height: 2 * $0.radius) }
        let patches = smallPatches()
        let laterSymbols = BoxIndex(symbolBoxes)
        var shown = [Mark]()
        var shownBoxes = BoxIndex()
        var labelBoxes = BoxIndex()
        var labels = [RenderedMap.Label]()
        var labelFonts = [Font]()
        for (index, mark) in marks.enumerated() {
            let symbolBox = symbolBoxes[index]
            // A symbol under a label or over a more important symbol is left off; its zone still shows.
            guard !labelBoxes.intersects(symbolBox), !shownBoxes.intersects(symbolBox.expanded(by: 0.5)) else { continue }
            shownBoxes.insert(symbolBox)
            placer.block(symbolBox)
            shown.append(mark)
            let text = label(mark.place)
            let font = labelFont(mark.place)
            let size = canvas.measure(text, font: font)
            let candidates = LabelPlacer.candidates(x: mark.x, y: mark.y, radius: mark.radius, width: size.width,
                                                    height: size.height, rightToLeft: language == .ar)
            // Room that hides neither another place's small patch of ground nor another symbol first; then room
            // over a less important place's symbol; a patch is covered only when nothing else is left.
            let open = candidates.filter { candidate in
                !patches.contains { $0.intersects(candidate) && !$0.contains(x: mark.x, y: mark.y) }
            }
            let clear = { (boxes: [Box]) in
                boxes.filter { candidate in !laterSymbols.intersects(candidate, from: index + 1) }
            }
            guard let box = placer.place(clear(open)) ?? placer.place(open) ?? placer.place(clear(candidates))
                    ?? placer.place(candidates) else { continue }
            labelBoxes.insert(box)
            labelFonts.append(font)
            labels.append(.init(placeID: mark.place.id, text: text, x: box.x, y: box.y, width: box.width,
                                height: box.height))
        }
        canvas.layer("places") {
            for mark in shown.reversed() { drawSymbol(mark) }
        }
        canvas.layer("labels") {
            for (label, font) in zip(labels, labelFonts) {
                canvas.drawText(label.text, x: label.x, y: label.y, font: font, colour: style.ink,
                                halo: style.halo, alignment: language == .ar ? .right : .left)
            }
        }
        let symbols = shown.map { RenderedMap.Symbol(placeID: $0.place.id, x: $0.x, y: $0.y, radius: $0.radius,
                                                     fill: symbolColour($0.place).hex) }
        return (labels, symbols, patches)
    }

    /// In a city view, the names of the outlined places (neighbourhoods) in small grey type at their centres,
    /// largest first, where they have room after every place label: the basemap's names, not symbols.
    func drawQuarterNames(placer: inout LabelPlacer, view: MapView) -> [RenderedMap.Label] {
        guard view.showsQuarters else { return [] }
        let gazetteer = scenario.gazetteer
        let quarters = gazetteer.outlines.compactMap { id, outline -> (Place, Double)? in
            guard let place = gazetteer.place(id: id), view.envelope.contains(place.lonLat) else { return nil }
            return (place, Geodesic.areaKm2(outline))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        let font = Font(family: style.family(for: language), sizePt: style.quarterLabelSizePt)
        var labels = [RenderedMap.Label]()
        for (place, _) in quarters {
            guard let point = frame.point(place.lonLat) else { continue }
            let text = label(place)
            let size = canvas.measure(text, font: font)
            let box = Box(x: point.x - size.width / 2, y: point.y - size.height / 2, width: size.width,
                          height: size.height)
            guard let placed = placer.place([box]) else { continue }
            canvas.drawText(text, x: placed.x, y: placed.y, font: font, colour: style.quarterInk, halo: style.halo,
                            alignment: .centre)
            labels.append(.init(placeID: place.id, text: text, x: placed.x, y: placed.y, width: placed.width,
                                height: placed.height))
        }
        return labels
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

    /// Boxes around small patches of held or contested ground (an enclave, a besieged town): a name laid
    /// over one would hide whose it is.
    private func smallPatches() -> [Box] {
        let largestPt = 48.0
        return territory.zones.filter { $0.kind != .unreported }.flatMap(\.area.polygons).compactMap { polygon in
            guard let bounds = Envelope(covering: polygon.exterior), bounds.intersects(frame.envelope),
                  let corner = frame.point(LonLat(bounds.minLon, bounds.maxLat)),
                  let opposite = frame.point(LonLat(bounds.maxLon, bounds.minLat)) else { return nil }
            let box = Box(x: min(corner.x, opposite.x), y: min(corner.y, opposite.y), width: abs(opposite.x - corner.x),
                          height: abs(opposite.y - corner.y))
            return box.width < largestPt && box.height < largestPt ? box : nil
        }
    }

    // MARK: - Choosing places

    /// The places a view shows symbols for: mapped places inside it, neighbourhoods only in a city view and
    /// cities in every view; never an outlined place, whose outline and name the city view draws instead.
    /// As indices of the gazetteer's places: a view of tens of thousands of places is not copied place by place.
    static func candidatePlaces(scenario: Scenario, view: MapView) -> [Int] {
        let mapped = scenario.mappedPlaceIDs
        let detailed = view.showsQuarters
        let places = scenario.gazetteer.places
        return places.indices.filter { index in
            let kind = places[index].kind
            let isQuarter = kind == .neighbourhood || kind == .district || kind == .landmark
            guard isQuarter == detailed || (detailed && kind == .city), view.envelope.contains(places[index].lonLat)
            else { return false }
            let id = places[index].id
            return mapped.contains(id) && scenario.gazetteer.outlines[id] == nil
        }
    }

    private func visibleMarks(view: MapView) -> [Mark] {
        let recent = territory.snapshot.date.adding(days: -2)
        let changedInDiff = diff.map { Set($0.places.map(\.placeID)) }
        var marks = [Mark]()
        let places = scenario.gazetteer.places
        for index in PlaceLayer.candidatePlaces(scenario: scenario, view: view) {
            let place = places[index]
            guard let point = frame.point(place.lonLat) else { continue }
            let control = territory.snapshot.controls[place.id]
            let changed = changedInDiff.map { $0.contains(place.id) }
                ?? ((control?.since ?? .init(ordinal: 0)) >= recent && control?.since != scenario.dates.first)
            let priority = Double(place.kind.rank) * 10 + (changed ? 25 : 0)
                + Double(place.population ?? 0).squareRoot() / 300
            marks.append(Mark(place: place, x: point.x, y: point.y, radius: PlaceSymbol.radius(place.kind),
                              priority: priority))
        }
        // Indices sorted, not the marks themselves: a mark holds its whole place, and moving tens of thousands of
        // them through a sort's merges cost more than the comparisons.
        let order = marks.indices.sorted { a, b in
            marks[a].priority != marks[b].priority ? marks[a].priority > marks[b].priority
                : marks[a].place.id < marks[b].place.id
        }
        return order.map { marks[$0] }
    }

    // MARK: - Symbols and labels

    private func drawSymbol(_ mark: Mark) {
        PlaceSymbol(mark.place.kind).paint(symbolFill(mark.place), x: mark.x, y: mark.y, radius: mark.radius,
                                           canvas: canvas, style: style,
                                           outlineWidthPt: mark.place.kind == .city ? 1.1 : 0.7)
    }

    /// The holder's colour, the contesting actors' colours, or hollow when nobody is reported holding it.
    func symbolFill(_ place: Place) -> PlaceSymbol.Fill {
        switch territory.snapshot.controls[place.id]?.state {
        case .held(let actor)?: .held(colour(actor))
        case .shared(let among)?: .held(colour(among[0]))
        case .contested(let among)?: .contested(among.map(colour))
        case .abandoned?, nil: .unreported
        }
    }

    /// The colour a symbol shows at its centre: the holder's, white when contested or hollow.
    func symbolColour(_ place: Place) -> RGBA {
        if case .held(let colour) = symbolFill(place) { return colour }
        return .white
    }

    private func colour(_ actorID: String) -> RGBA {
        ActorColours.colour(id: actorID, in: scenario)
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
