public import Canvas
public import Claims
import Foundation
public import Territory

/// A line chart of the ground each holder has, day by day, in the map's colours and language. In Arabic the
/// page reads right to left: time runs from right to left and the km² axis stands on the right.
public struct AreaChart: Sendable {
    public let scenario: Scenario
    public let series: AreaSeries
    public let language: Language
    public let style: MapStyle

    public init(scenario: Scenario, series: AreaSeries, language: Language, style: MapStyle = MapStyle()) {
        self.scenario = scenario
        self.series = series
        self.language = language
        self.style = style
    }

    static let widthPt = 760.0
    static let plotHeightPt = 250.0

    /// The chart as PNG `widthPx` wide, or SVG; the same inputs give the same bytes.
    public func render(format: ImageFormat, widthPx: Int = 1600) throws -> [UInt8] {
        let pixelsPerPoint = format == .png ? Double(widthPx) / AreaChart.widthPt : 1
        let family = style.family(for: language)
        let font = { (size: Double, bold: Bool) in Font(family: family, sizePt: size, bold: bold) }
        let measurer = try Canvas(widthPt: 10, heightPt: 10, format: .png)
        let margin = style.marginPt, width = AreaChart.widthPt
        let rtl = language == .ar
        let title = Wording.text("Ground held, km²", "المساحة تحت السيطرة، كم²", language)
        let subtitle = Wording.heading(scenario.title, language)
        let titleHeight = measurer.measure(title, font: font(14, true), maxWidth: width - 2 * margin).height
        let subtitleTop = margin + titleHeight + 2
        let subtitleHeight = measurer.measure(subtitle, font: font(10, false), maxWidth: width - 2 * margin).height
        let entries = legendRows(measurer: measurer, font: font(9, false), available: width - 2 * margin)
        let legendTop = subtitleTop + subtitleHeight + 8
        let plotTop = legendTop + Double(entries.count) * PageLayout.legendRowPt + 12
        let axisLabelWidth = 56.0
        let plot = Box(x: rtl ? margin : margin + axisLabelWidth, y: plotTop,
                       width: width - 2 * margin - axisLabelWidth, height: AreaChart.plotHeightPt)
        let height = (plot.maxY + 40 + margin).rounded(.up)
        let firstDate = series.dates.first.map(String.init(describing:)) ?? "2000-01-01"
        let canvas = try Canvas(widthPt: width, heightPt: height, format: format, pixelsPerPoint: pixelsPerPoint,
                                creationDate: "\(firstDate)T00:00:00")
        canvas.paint(style.paper)
        let edge = rtl ? width - margin : margin
        let anchor: TextAnchor = rtl ? .topRight : .topLeft
        let alignment: TextAlignment = rtl ? .right : .left
        canvas.drawText(title, x: edge, y: margin, anchor: anchor, font: font(14, true), colour: style.ink,
                        maxWidth: width - 2 * margin, alignment: alignment)
        canvas.drawText(subtitle, x: edge, y: subtitleTop, anchor: anchor, font: font(10, false),
                        colour: style.mutedInk, maxWidth: width - 2 * margin, alignment: alignment)
        drawLegend(entries, top: legendTop, edge: edge, canvas: canvas, font: font(9, false))
        let maxKm2 = series.rows.map(\.areaKm2).max() ?? 0
        let step = AreaChart.tickStep(maxKm2)
        let top = max(step, (maxKm2 / step).rounded(.up) * step)
        drawAxes(canvas: canvas, plot: plot, top: top, step: step, font: font)
        let x = { (index: Int) -> Double in
            let fraction = self.series.dates.count > 1 ? Double(index) / Double(self.series.dates.count - 1) : 0.5
            return rtl ? plot.maxX - fraction * plot.width : plot.x + fraction * plot.width
        }
        let y = { (km2: Double) in plot.maxY - km2 / top * plot.height }
        for holder in series.holders {
            let points = series.rows.filter { $0.holder == holder }.enumerated()
                .map { (x: x($0.offset), y: y($0.element.areaKm2)) }
            let (colour, dash) = look(of: holder)
            canvas.addPolyline(points, close: false)
            canvas.stroke(colour, widthPt: 2, dash: dash)
            for point in points {
                canvas.circle(x: point.x, y: point.y, radius: 2.4)
                canvas.fill(colour)
            }
        }
        return try canvas.finish()
    }

    /// The colour and dash of a holder's line: actors in their own colour, other ground in greys.
    private func look(of holder: AreaSeries.Holder) -> (RGBA, [Double]) {
        switch holder {
        case .actor(let id): (ActorColours.colour(id: id, in: scenario), [])
        case .shared: (style.mutedInk, [6, 3])
        case .contested: (style.ink, [2, 3])
        case .abandoned: (style.mutedInk.withAlpha(0.6), [])
        case .unreported: (RGBA(hex: "#b8b8b8")!, [])
        }
    }

    private func name(of holder: AreaSeries.Holder) -> String {
        switch holder {
        case .actor(let id):
            scenario.actor(id: id).map { Wording.text($0.nameEn, $0.nameAr, language) } ?? id
        case .shared: Wording.text("Shared by allies", "مشتركة بين حلفاء", language)
        case .contested: Wording.text("Contested", "متنازع عليه", language)
        case .abandoned: Wording.text("Abandoned", "أُخليت", language)
        case .unreported: Wording.text("No reported holder", "لم يُبلَّغ عن مسيطر", language)
        }
    }

    private func legendRows(measurer: Canvas, font: Font, available: Double)
        -> [[(holder: AreaSeries.Holder, width: Double)]] {
        var rows = [[(holder: AreaSeries.Holder, width: Double)]]()
        var rowWidth = 0.0
        for holder in series.holders {
            let width = 22 + 5 + measurer.measure(name(of: holder), font: font).width + 14
            if rows.isEmpty || rowWidth + width > available {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append((holder, width))
            rowWidth += width
        }
        return rows
    }

    private func drawLegend(_ rows: [[(holder: AreaSeries.Holder, width: Double)]], top: Double, edge: Double,
                            canvas: Canvas, font: Font) {
        let rtl = language == .ar
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * PageLayout.legendRowPt + 7
            var x = edge
            for entry in row {
                let (colour, dash) = look(of: entry.holder)
                let lineStart = rtl ? x - 22 : x
                canvas.moveTo(lineStart, y)
                canvas.lineTo(lineStart + 22, y)
                canvas.stroke(colour, widthPt: 2, dash: dash)
                canvas.drawText(name(of: entry.holder), x: rtl ? lineStart - 5 : lineStart + 27, y: y,
                                anchor: rtl ? .right : .left, font: font, colour: style.ink)
                x += rtl ? -entry.width : entry.width
            }
        }
    }

    /// Grid lines and km² figures every `step`, and each date under the plot: its day, with the month from the
    /// first day of each month shown.
    private func drawAxes(canvas: Canvas, plot: Box, top: Double, step: Double, font: (Double, Bool) -> Font) {
        let rtl = language == .ar
        var value = 0.0
        while value <= top + step / 2 {
            let y = plot.maxY - value / top * plot.height
            canvas.moveTo(plot.x, y)
            canvas.lineTo(plot.maxX, y)
            canvas.stroke(value == 0 ? style.mutedInk : style.mutedInk.withAlpha(0.25), widthPt: value == 0 ? 0.8 : 0.5)
            canvas.drawText(Numbers.km2(value), x: rtl ? plot.maxX + 6 : plot.x - 6, y: y, anchor: rtl ? .left : .right,
                            font: font(8, false), colour: style.mutedInk)
            value += step
        }
        let dates = series.dates
        let every = max(1, Int((Double(dates.count) / 16).rounded(.up)))
        var lastMonth: Int?
        for (index, date) in dates.enumerated() where index % every == 0 {
            let fraction = dates.count > 1 ? Double(index) / Double(dates.count - 1) : 0.5
            let x = rtl ? plot.maxX - fraction * plot.width : plot.x + fraction * plot.width
            canvas.moveTo(x, plot.maxY)
            canvas.lineTo(x, plot.maxY + 4)
            canvas.stroke(style.mutedInk, widthPt: 0.8)
            canvas.drawText(String(date.day), x: x, y: plot.maxY + 12, anchor: .centre, font: font(8, false),
                            colour: style.ink)
            if date.month != lastMonth {
                let month = (language == .ar ? Wording.monthsAr : Wording.monthsEn)[date.month - 1] + " \(date.year)"
                // The month starts at its first day's tick and runs the way the text reads.
                canvas.drawText(month, x: x, y: plot.maxY + 20, anchor: rtl ? .topRight : .topLeft,
                                font: font(8, false), colour: style.mutedInk)
                lastMonth = date.month
            }
        }
    }

    /// A round step (1, 2 or 5 times a power of ten) that gives four to eight grid lines up to `maximum`.
    static func tickStep(_ maximum: Double) -> Double {
        guard maximum > 0 else { return 1 }
        let rough = maximum / 5
        let magnitude = pow(10, log10(rough).rounded(.down))
        return [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
    }
}
