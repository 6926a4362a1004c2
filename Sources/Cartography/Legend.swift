import Canvas
import Claims
import Gazetteer
import Geometry
import Territory

/// One entry of the legend: a swatch and its words.
struct LegendItem {
    enum Swatch {
        case fill(RGBA)
        /// Thin stripes with paper between: contested ground, ground that changed hands.
        case hatch([RGBA])
        /// Wide stripes edge to edge: ground allies of one side share.
        case bands([RGBA])
        /// A fill that fades to paper at one end: the uncertain margin.
        case fade(RGBA)
        case line(earlier: Bool)
        /// A plain line of a colour and width: a neighbourhood's outline, a city's edge.
        case stroke(RGBA, Double)
        case symbol(PlaceSymbol, PlaceSymbol.Fill)
    }

    var swatch: Swatch
    var text: String
}

/// Everything the map draws, explained: the sides' fills (with their gains and losses on a diff map), the
/// other kinds of ground, the lines, and each kind of place symbol shown.
struct Legend {
    let scenario: Scenario
    let territory: TerritoryMap
    let diff: ControlDiff?
    /// The earlier date's fronts on a diff map.
    let earlierFronts: [FrontLine]
    let view: MapView
    let language: Language
    let style: MapStyle

    var items: [LegendItem] {
        let onMap = zonesOnMap
        var items = sides(onMap: onMap)
        if diff == nil, onMap.contains(where: { if case .contested = $0.kind { true } else { false } }) {
            items.append(LegendItem(swatch: .hatch([style.mutedInk]),
                                    text: Wording.text("Contested", "متنازع عليه", language)))
        }
        if diff == nil, let shared = onMap.first(where: { if case .shared = $0.kind { true } else { false } }) {
            items.append(LegendItem(swatch: .bands(shared.kind.actors.map { ActorColours.colour(id: $0, in: scenario) }),
                                    text: Wording.text("Shared by allies", "مشتركة بين حلفاء", language)))
        }
        if diff == nil, onMap.contains(where: { $0.kind == .abandoned }) {
            items.append(LegendItem(swatch: .fill(style.mutedInk.withAlpha(0.2)),
                                    text: Wording.text("Abandoned: withdrawal reported, no holder since",
                                                       "أُخليت: انسحاب مُبلَّغ عنه دون مسيطر بعده", language)))
        }
        let toNobody = diff?.transfers.filter { $0.change == .withdrawal }.map(\.areaKm2).reduce(0, +) ?? 0
        if toNobody > 0 {
            items.append(LegendItem(swatch: .hatch([style.mutedInk]),
                                    text: Wording.text("Left with no reported holder \(Numbers.km2(toNobody)) km²",
                                                       "لم يُبلَّغ عن مسيطر عليها \(Numbers.km2(toNobody)) كم²", language)))
        }
        if onMap.contains(where: { $0.kind == .unreported }) && onMap.contains(where: { $0.kind != .unreported }) {
            items.append(LegendItem(swatch: .fade(style.mutedInk.withAlpha(style.zoneAlpha)),
                                    text: Wording.text("Uncertain edge: no report beyond",
                                                       "حافة غير مؤكدة: لا تقارير أبعد منها", language)))
        }
        if reachesView(territory.fronts) {
            items.append(LegendItem(swatch: .line(earlier: false),
                                    text: Wording.text("Front line", "خط الجبهة", language)))
        }
        if let diff, reachesView(earlierFronts) {
            items.append(LegendItem(swatch: .line(earlier: true),
                                    text: Wording.text("Front line on ", "خط الجبهة في ", language)
                                        + Wording.date(diff.from, language == .both ? .en : language)))
        }
        return items + quarters + symbols
    }

    /// In a city view with outlined neighbourhoods, their outlines and the city's edge.
    private var quarters: [LegendItem] {
        guard view.showsQuarters, scenario.gazetteer.outlines.values.contains(where: {
            $0.envelope.map(view.envelope.intersects) ?? false
        }) else { return [] }
        return [LegendItem(swatch: .stroke(style.quarterOutline, 0.8),
                           text: Wording.text("Neighbourhood (UN OCHA)", "حي (أوتشا)", language)),
                LegendItem(swatch: .stroke(style.cityEdge, style.cityEdgeWidthPt),
                           text: Wording.text("City edge", "حدود المدينة", language))]
    }

    /// Whether some front line's extent reaches into the view.
    private func reachesView(_ fronts: [FrontLine]) -> Bool {
        fronts.contains { front in
            front.line.lines.contains { Envelope(covering: $0)?.intersects(view.envelope) ?? false }
        }
    }

    /// Zones with some ground inside the view, not merely their bounding box.
    private var zonesOnMap: [Zone] {
        let visible = MultiPolygon([.rectangle(view.envelope)])
        return territory.zones.filter { zone in
            guard zone.area.envelope.map(view.envelope.intersects) ?? false else { return false }
            return !((try? zone.area.intersection(with: visible).isEmpty) ?? false)
        }
    }

    /// A side's fill when it holds ground on the map; on a diff map also every side that gained or lost
    /// ground, with how much.
    private func sides(onMap: [Zone]) -> [LegendItem] {
        let shown = Set(onMap.compactMap(\.actor))
        var items = [LegendItem]()
        for actor in scenario.actors {
            let colour = ActorColours.colour(of: actor)
            let name = Wording.text(actor.nameEn, actor.nameAr, language)
            guard let diff else {
                if shown.contains(actor.id) {
                    items.append(LegendItem(swatch: .fill(colour.withAlpha(style.zoneAlpha)), text: name))
                }
                continue
            }
            // Changes of hands only: ground first reported or left to nobody is neither gained nor lost.
            let account = diff.actors.first { $0.actor == actor.id }
            let gained = account?.gainedKm2 ?? 0, lost = account?.lostKm2 ?? 0
            guard gained >= 0.5 || lost >= 0.5 else {
                if shown.contains(actor.id) {
                    items.append(LegendItem(swatch: .fill(colour.withAlpha(style.zoneAlpha)), text: name))
                }
                continue
            }
            // Arabic says gained and lost in words: signs beside figures reorder in right-to-left text.
            let balance = Wording.text("+\(Numbers.km2(gained)) / −\(Numbers.km2(lost)) km²",
                                       "كسب \(Numbers.km2(gained)) كم² وخسر \(Numbers.km2(lost)) كم²", language)
            items.append(LegendItem(swatch: gained > 0 ? .hatch([colour]) : .fill(colour.withAlpha(style.zoneAlpha)),
                                    text: "\(name) \(balance)"))
        }
        return items
    }

    /// One entry per symbol shape on the map, then hollow symbols when some place has no reported holder.
    private var symbols: [LegendItem] {
        let places = PlaceLayer.candidatePlaces(scenario: scenario, view: view)
        let shapes = Set(places.map { PlaceSymbol($0.kind) })
        let neutral = PlaceSymbol.Fill.held(RGBA(hex: "#b8b8b8")!)
        var items = PlaceSymbol.allCases.filter(shapes.contains).map { symbol in
            LegendItem(swatch: .symbol(symbol, neutral), text: symbol.name(language))
        }
        let states = places.map { territory.snapshot.controls[$0.id]?.state }
        if states.contains(where: { $0 == nil || $0 == .abandoned }) {
            items.append(LegendItem(swatch: .symbol(.settlement, .unreported),
                                    text: Wording.text("No holder reported", "لم يُبلَّغ عن مسيطر", language)))
        }
        if states.contains(where: { if case .contested? = $0 { true } else { false } }) {
            let colours = [RGBA(hex: "#b8b8b8")!, RGBA(hex: "#5a5a5a")!]
            items.append(LegendItem(swatch: .symbol(.settlement, .contested(colours)),
                                    text: Wording.text("Contested place", "مكان متنازع عليه", language)))
        }
        return items
    }
}
