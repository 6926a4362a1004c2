import Canvas
import Claims
import Gazetteer
import Geometry
import Territory

/// Where everything goes on the page: title band, map frame, legend rows and footer, in points.
struct PageLayout {
    let widthPt: Double
    let heightPt: Double
    let frame: MapFrame
    let titleTop: Double
    /// The title wraps within this width, beside the date stamp or above it.
    let titleWidth: Double
    let titleHeight: Double
    let title: String
    let dateText: String
    /// Where the date stamp's top is: level with the title when it fits beside it, else on a line of its own.
    let dateTop: Double
    let dateBesideTitle: Bool
    let subtitle: String
    let subtitleTop: Double
    let legendTop: Double
    /// Everything between the frame and the footer: legend rows, scale bar and inset.
    var legendBox: Box { Box(x: 0, y: frame.box.maxY + 1, width: widthPt, height: footerTop - frame.box.maxY - 1) }
    let legendRows: [[(item: LegendItem, width: Double)]]
    /// Top of the scale bar: level with the legend, or under it when a legend entry is too wide to share a row.
    let scaleBarTop: Double
    let footerTop: Double
    let footer: String
    let font: (Double, Bool) -> Font
    let rightToLeft: Bool
    /// The locator inset beside the legend; nil for views that already show the whole country.
    let insetBox: Box?
    /// The width the legend's rows have beside the inset: no row may be wider.
    let besideInset: Double

    static let swatchPt = 14.0
    static let legendRowPt = 17.0
    static let scaleBarPt = 150.0

    /// With a `series`, the legend is the series' and the header and footer leave room for any of its days.
    init(request: MapRequest, scenario: Scenario, territory: TerritoryMap, diff: ControlDiff?,
         earlierFronts: [FrontLine], basemap: Basemap, style: MapStyle, series: MapSeries? = nil) throws {
        let language = request.language
        let family = style.family(for: language)
        font = { size, bold in Font(family: family, sizePt: size, bold: bold) }
        rightToLeft = language == .ar
        widthPt = request.widthPt
        let margin = style.marginPt
        let measurer = try Canvas(widthPt: 10, heightPt: 10, format: .png)
        titleTop = margin
        // In both languages, headings take a line per language: one line mixing scripts reorders around its
        // separator.
        dateText = PageLayout.stamp(request)
        let dateFont = font(style.titleSizePt - 1, true)
        // A series keeps room for its widest date, so that the title wraps alike on every day.
        let stamps = series.map { $0.days.map { PageLayout.stamp(request.on($0)) } } ?? [dateText]
        let dateSizes = stamps.map { measurer.measure($0, font: dateFont) }
        let dateSize = (width: dateSizes.map(\.width).max()!, height: dateSizes.map(\.height).max()!)
        title = Wording.heading(scenario.title, language)
        let titleFont = font(style.titleSizePt, true)
        let fullWidth = widthPt - 2 * margin
        let besideWidth = fullWidth - dateSize.width - 16
        let lineHeight = measurer.measure("Ag", font: titleFont).height
        let besideHeight = measurer.measure(title, font: titleFont, maxWidth: besideWidth).height
        // Beside the title when that leaves it two lines at most; a long date range goes below instead.
        dateBesideTitle = besideWidth >= widthPt * 0.3 && besideHeight <= 2.2 * lineHeight
        titleWidth = dateBesideTitle ? besideWidth : fullWidth
        titleHeight = dateBesideTitle ? besideHeight : measurer.measure(title, font: titleFont, maxWidth: fullWidth).height
        dateTop = dateBesideTitle ? margin : margin + titleHeight + 2
        var subtitle = Wording.heading(request.view.name, language)
        if diff != nil {
            let legend = Wording.text("territory that changed hands, hatched in the gaining side's colour",
                                      "الأراضي التي تبدلت السيطرة عليها، مظللة بلون الطرف الذي كسبها", language)
            subtitle = subtitle.isEmpty ? legend : subtitle + " — " + legend
        }
        self.subtitle = subtitle
        subtitleTop = dateBesideTitle ? margin + titleHeight + 2 : dateTop + dateSize.height + 2
        let subtitleHeight = measurer.measure(subtitle.isEmpty ? "Ag" : subtitle, font: font(10.5, false),
                                              maxWidth: fullWidth).height
        let headerHeight = subtitleTop - margin + subtitleHeight + 8
        frame = try MapFrame(view: request.view, x: margin, y: margin + headerHeight, widthPt: widthPt - 2 * margin)
        let items = Legend(scenario: scenario, territory: territory, diff: diff, earlierFronts: earlierFronts,
                           view: request.view, language: language, style: style, content: series?.legend).items
        let legendTop = frame.box.maxY + 9
        var insetBox: Box?
        if request.view.widthKm < 450, let country = basemap.country.area.envelope {
            let inset = try MapFrame(view: .custom(country.expanded(byDegrees: 0.3)), x: 0, y: 0, widthPt: 104)
            let x = rightToLeft ? margin : widthPt - margin - inset.box.width - 6
            insetBox = Box(x: x, y: legendTop, width: inset.box.width + 6, height: inset.box.height + 6)
        }
        var besideInset = widthPt - 2 * margin - (insetBox.map { $0.width + 12 } ?? 0) - 10
        let legendFont = font(9, false)
        let widths = items.map { PageLayout.swatchPt + 5 + measurer.measure($0.text, font: legendFont).width + 14 }
        // An entry wider than the room beside the inset (a narrow page, two languages): the legend takes the whole
        // width, and the inset and the scale bar go below it.
        let insetBelow = insetBox != nil && widths.contains { $0 > besideInset }
        if insetBelow { besideInset = widthPt - 2 * margin - 10 }
        self.besideInset = besideInset
        // The scale bar sits beside the legend unless an entry needs its room; then it goes below the legend.
        let scaleBarBelow = insetBelow || widths.contains { $0 > besideInset - PageLayout.scaleBarPt }
        let available = scaleBarBelow ? besideInset : besideInset - PageLayout.scaleBarPt
        var rows = [[(item: LegendItem, width: Double)]]()
        var rowWidth = 0.0
        for (item, width) in zip(items, widths) {
            if rows.isEmpty || rowWidth + width > available {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append((item, width))
            rowWidth += width
        }
        legendRows = rows
        self.legendTop = legendTop
        footer = PageLayout.footerText(scenario: scenario, date: request.date, language: language)
        let legendHeight = Double(rows.count) * PageLayout.legendRowPt
        scaleBarTop = scaleBarBelow ? legendTop + legendHeight + 4 : legendTop + 4
        if insetBelow, let box = insetBox {
            insetBox = Box(x: box.x, y: legendTop + legendHeight + 4, width: box.width, height: box.height)
            footerTop = legendTop + legendHeight + 4 + max(28, box.height) + 6
        } else {
            footerTop = legendTop + max(legendHeight + (scaleBarBelow ? 28 : 0), 30, insetBox?.height ?? 0) + 6
        }
        self.insetBox = insetBox
        let footers = series?.days.map { PageLayout.footerText(scenario: scenario, date: $0, language: language) }
            ?? [footer]
        let footerWidth = widthPt - 2 * margin, footerFont = font(7, false)
        let footerHeight = footers.map { measurer.measure($0, font: footerFont, maxWidth: footerWidth).height }.max()!
        heightPt = (footerTop + footerHeight + margin).rounded(.up)
    }

    /// The date, or the two dates of a diff; in both languages, a line each.
    private static func stamp(_ request: MapRequest) -> String {
        request.language == .both
            ? stamp(request, .en) + "\n" + stamp(request, .ar)
            : stamp(request, request.language)
    }

    private static func stamp(_ request: MapRequest, _ language: Language) -> String {
        // Arabic runs right to left, so its arrow points left, from the earlier date to the later.
        request.diffFrom.map { Wording.date($0, language) + (language == .ar ? " ← " : " → ") + Wording.date(request.date, language) }
            ?? Wording.date(request.date, language)
    }

    private static func footerText(scenario: Scenario, date: Day, language: Language) -> String {
        // By index: claims copied out one by one (tens of thousands in a large scenario) cost more than the rest.
        let claims = scenario.claims
        var seen = Set<String>()
        for index in claims.indices where claims[index].date <= date { seen.insert(claims[index].citation.source) }
        let sources = seen.sorted()
        let english = "Sources: " + sources.joined(separator: "; ")
            + ". Data: GeoNames (CC BY 4.0); OCHA; Digital Chart of the World; GSHHG. Zones: nearest reported place."
        let arabic = "المصادر: " + sources.joined(separator: "؛ ")
            + ". البيانات: GeoNames (CC BY 4.0)؛ OCHA؛ Digital Chart of the World؛ GSHHG. المناطق: أقرب مكان مُبلَّغ عنه."
        return Wording.text(english, arabic, language == .both ? .en : language)
    }
}

/// Numbers as maps print them.
enum Numbers {
    static func km2(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        var digits = String(rounded)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped
    }
}

/// Actor colours from the scenario, with a neutral grey for a colour that does not parse.
enum ActorColours {
    static func colour(of actor: Actor) -> RGBA {
        RGBA(hex: actor.colour) ?? RGBA(hex: "#888888")!
    }

    /// The colour of the actor with this id; the neutral grey for an id the scenario does not list.
    static func colour(id: String, in scenario: Scenario) -> RGBA {
        scenario.actor(id: id).map(colour(of:)) ?? RGBA(hex: "#888888")!
    }
}
