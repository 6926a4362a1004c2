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

/// What a snapshot map shows that its legend explains. A series of maps takes the union over its dates, so every
/// date has one legend listing everything any of them shows.
struct LegendContent: Hashable, Sendable {
    /// Actors holding ground inside the view.
    var holders: Set<String> = []
    var contested = false
    /// The allies of the first shared zone on the map, for the swatch's stripes.
    var sharedAmong: [String]?
    var abandoned = false
    /// Ground drawn from cells beside ground beyond their reach: the edge that fades.
    var uncertainEdge = false
    var front = false
    var symbols: Set<PlaceSymbol> = []
    var noHolder = false
    var contestedPlace = false

    init(territory: TerritoryMap, view: MapView, scenario: Scenario) {
        let visible = MultiPolygon([.rectangle(view.envelope)])
        // Zones with some ground inside the view, not merely their bounding box.
        let onMap = territory.zones.filter { zone in
            guard zone.area.envelope.map(view.envelope.intersects) ?? false else { return false }
            return !((try? zone.area.intersection(with: visible).isEmpty) ?? false)
        }
        holders = Set(onMap.compactMap(\.actor))
        contested = onMap.contains { if case .contested = $0.kind { true } else { false } }
        sharedAmong = onMap.first { if case .shared = $0.kind { true } else { false } }?.kind.actors
        abandoned = onMap.contains { $0.kind == .abandoned }
        uncertainEdge = territory.reachLimits.edges.contains { edge in
            edge.line.lines.contains { line in line.contains(where: view.envelope.contains) }
        }
        front = Legend.reach(territory.fronts, view: view)
        let all = scenario.gazetteer.places
        let places = PlaceLayer.candidatePlaces(scenario: scenario, view: view)
        symbols = Set(places.map { PlaceSymbol(all[$0].kind) })
        let states = places.map { territory.snapshot.controls[all[$0].id]?.state }
        noHolder = states.contains { $0 == nil || $0 == .abandoned }
        contestedPlace = states.contains { if case .contested? = $0 { true } else { false } }
    }

    /// Everything either shows; the shared swatch keeps this content's allies when both have some.
    func union(_ other: LegendContent) -> LegendContent {
        var union = self
        union.holders.formUnion(other.holders)
        union.contested = contested || other.contested
        union.sharedAmong = sharedAmong ?? other.sharedAmong
        union.abandoned = abandoned || other.abandoned
        union.uncertainEdge = uncertainEdge || other.uncertainEdge
        union.front = front || other.front
        union.symbols.formUnion(other.symbols)
        union.noHolder = noHolder || other.noHolder
        union.contestedPlace = contestedPlace || other.contestedPlace
        return union
    }
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
    /// What to explain; nil for what this map shows.
    var content: LegendContent?

    var items: [LegendItem] {
        let shown = content ?? LegendContent(territory: territory, view: view, scenario: scenario)
        var items = sides(holders: shown.holders)
        if diff == nil, shown.contested {
            items.append(LegendItem(swatch: .hatch([style.mutedInk]),
                                    text: Wording.text("Contested", "متنازع عليه", language)))
        }
        if diff == nil, let among = shown.sharedAmong {
            items.append(LegendItem(swatch: .bands(among.map { ActorColours.colour(id: $0, in: scenario) }),
                                    text: Wording.text("Shared by allies", "مشتركة بين حلفاء", language)))
        }
        if diff == nil, shown.abandoned {
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
        if shown.uncertainEdge {
            items.append(LegendItem(swatch: .fade(style.mutedInk.withAlpha(style.zoneAlpha)),
                                    text: Wording.text("Uncertain edge: extent not reported",
                                                       "حافة غير مؤكدة: الامتداد غير مُبلَّغ عنه", language)))
        }
        if shown.front {
            items.append(LegendItem(swatch: .line(earlier: false),
                                    text: Wording.text("Front line", "خط الجبهة", language)))
        }
        if let diff, Legend.reach(earlierFronts, view: view) {
            items.append(LegendItem(swatch: .line(earlier: true),
                                    text: Wording.text("Front line on ", "خط الجبهة في ", language)
                                        + Wording.date(diff.from, language == .both ? .en : language)))
        }
        return items + quarters + symbols(shown)
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
    static func reach(_ fronts: [FrontLine], view: MapView) -> Bool {
        fronts.contains { front in
            front.line.lines.contains { Envelope(covering: $0)?.intersects(view.envelope) ?? false }
        }
    }

    /// A side's fill when it holds ground on the map; on a diff map also every side that gained or lost
    /// ground, with how much.
    private func sides(holders shown: Set<String>) -> [LegendItem] {
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
    private func symbols(_ shown: LegendContent) -> [LegendItem] {
        let neutral = PlaceSymbol.Fill.held(RGBA(hex: "#b8b8b8")!)
        var items = PlaceSymbol.allCases.filter(shown.symbols.contains).map { symbol in
            LegendItem(swatch: .symbol(symbol, neutral), text: symbol.name(language))
        }
        if shown.noHolder {
            items.append(LegendItem(swatch: .symbol(.settlement, .unreported),
                                    text: Wording.text("No holder reported", "لم يُبلَّغ عن مسيطر", language)))
        }
        if shown.contestedPlace {
            let colours = [RGBA(hex: "#b8b8b8")!, RGBA(hex: "#5a5a5a")!]
            items.append(LegendItem(swatch: .symbol(.settlement, .contested(colours)),
                                    text: Wording.text("Contested place", "مكان متنازع عليه", language)))
        }
        return items
    }
}
