import Canvas
import Claims
import Gazetteer
import Geometry
import Territory

/// Title, date stamp, legend, scale bar, locator inset and footer.
struct Furniture {
    let canvas: Canvas
    let layout: PageLayout
    let style: MapStyle
    let scenario: Scenario
    let request: MapRequest

    private var language: Language { request.language }
    private var rtl: Bool { layout.rightToLeft }
    private var left: Double { style.marginPt }
    private var right: Double { layout.widthPt - style.marginPt }

    func draw(territory: TerritoryMap, diff: ControlDiff?, basemap: Basemap) {
        title()
        legend()
        scaleBar()
        if let box = layout.insetBox { inset(box, basemap: basemap) }
        canvas.drawText(layout.footer, x: rtl ? right : left, y: layout.footerTop, anchor: rtl ? .topRight : .topLeft,
                        font: layout.font(7, false), colour: style.mutedInk, maxWidth: right - left,
                        alignment: rtl ? .right : .left)
    }

    private func title() {
        canvas.drawText(layout.title, x: rtl ? right : left, y: layout.titleTop,
                        anchor: rtl ? .topRight : .topLeft, font: layout.font(style.titleSizePt, true),
                        colour: style.ink, maxWidth: layout.titleWidth, alignment: rtl ? .right : .left)
        let dateOnLeft = rtl == layout.dateBesideTitle
        canvas.drawText(layout.dateText, x: dateOnLeft ? left : right, y: layout.dateTop,
                        anchor: dateOnLeft ? .topLeft : .topRight, font: layout.font(style.titleSizePt - 1, true),
                        colour: style.ink)
        canvas.drawText(layout.subtitle, x: rtl ? right : left, y: layout.subtitleTop,
                        anchor: rtl ? .topRight : .topLeft, font: layout.font(10.5, false), colour: style.mutedInk,
                        maxWidth: right - left, alignment: rtl ? .right : .left)
    }

    private func legend() {
        let swatch = PageLayout.swatchPt
        for (rowIndex, row) in layout.legendRows.enumerated() {
            let y = layout.legendTop + Double(rowIndex) * PageLayout.legendRowPt
            var x = rtl ? right : left
            for entry in row {
                let swatchX = rtl ? x - swatch : x
                drawSwatch(entry.item.swatch, box: Box(x: swatchX, y: y + 1, width: swatch, height: swatch * 0.75))
                let textX = rtl ? swatchX - 5 : swatchX + swatch + 5
                canvas.drawText(entry.item.text, x: textX, y: y + 1 + swatch * 0.375, anchor: rtl ? .right : .left,
                                font: layout.font(9, false), colour: style.ink)
                x += rtl ? -entry.width : entry.width
            }
        }
    }

    private func drawSwatch(_ swatch: LegendItem.Swatch, box: Box) {
        let outline = { (canvas: Canvas) in
            canvas.rectangle(x: box.x, y: box.y, width: box.width, height: box.height)
            canvas.stroke(style.mutedInk, widthPt: 0.5)
        }
        switch swatch {
        case .fill(let colour):
            canvas.rectangle(x: box.x, y: box.y, width: box.width, height: box.height)
            canvas.fill(colour)
            outline(canvas)
        case .hatch(let colours), .bands(let colours):
            let solid = if case .bands = swatch { true } else { false }
            canvas.withSavedState {
                canvas.rectangle(x: box.x, y: box.y, width: box.width, height: box.height)
                canvas.withClip {
                    var offset = -box.height
                    var index = 0
                    while offset < box.width {
                        canvas.moveTo(box.x + offset, box.maxY)
                        canvas.lineTo(box.x + offset + box.height, box.y)
                        let colour = colours[index % colours.count]
                        canvas.stroke(solid ? colour.withAlpha(style.zoneAlpha) : colour, widthPt: solid ? 3.6 : 1.4)
                        offset += 3.5
                        index += 1
                    }
                }
            }
            outline(canvas)
        case .fade(let colour):
            let steps = 8
            for step in 0..<steps {
                let width = box.width / Double(steps)
                canvas.rectangle(x: box.x + Double(step) * width, y: box.y, width: width + 0.2, height: box.height)
                canvas.fill(colour.withAlpha(colour.alpha * Double(rtl ? step + 1 : steps - step) / Double(steps)))
            }
            outline(canvas)
        case .line(let earlier):
            canvas.moveTo(box.x, box.y + box.height / 2)
            canvas.lineTo(box.maxX, box.y + box.height / 2)
            if earlier {
                canvas.stroke(style.earlierFront, widthPt: style.earlierFrontWidthPt, dash: style.earlierFrontDash)
            } else {
                canvas.stroke(style.front, widthPt: style.frontWidthPt)
            }
        case .stroke(let colour, let width):
            canvas.moveTo(box.x, box.y + box.height / 2)
            canvas.lineTo(box.maxX, box.y + box.height / 2)
            canvas.stroke(colour, widthPt: width)
        case .symbol(let symbol, let fill):
            symbol.paint(fill, x: box.x + box.width / 2, y: box.y + box.height / 2, radius: 3.8, canvas: canvas,
                         style: style, outlineWidthPt: 0.8)
        }
    }

    /// A bar of a round number of km, measured geodesically along the map's middle.
    private func scaleBar() {
        let box = layout.frame.box
        let midY = box.y + box.height / 2
        guard let west = layout.frame.position(x: box.x, y: midY),
              let east = layout.frame.position(x: box.maxX, y: midY) else { return }
        let kmPerPt = Geodesic.distanceKm(west, east) / box.width
        let target = 110 * kmPerPt
        let magnitude = pow(10, (log10(target)).rounded(.down))
        let km = [1, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let length = km / kmPerPt
        let y = layout.scaleBarTop
        let insetSpace = layout.insetBox.map { $0.width + 12 } ?? 0
        let x0 = rtl ? left + insetSpace : right - insetSpace - length
        canvas.rectangle(x: x0, y: y, width: length, height: 4)
        canvas.fill(.white, preserve: true)
        canvas.stroke(style.ink, widthPt: 0.8)
        canvas.rectangle(x: x0, y: y, width: length / 2, height: 4)
        canvas.fill(style.ink)
        let label = (km >= 1 ? String(Int(km)) : String(km)) + " " + Wording.text("km", "كم", language)
        canvas.drawText(label, x: x0 + length / 2, y: y + 14, anchor: .centre, font: layout.font(8, false),
                        colour: style.ink)
    }

    /// The country small, with the view's extent outlined, beside the legend.
    private func inset(_ box: Box, basemap: Basemap) {
        guard let country = basemap.country.area.envelope?.expanded(byDegrees: 0.3),
              let frame = try? MapFrame(view: .custom(country), x: box.x + 3, y: box.y + 3, widthPt: box.width - 6)
        else { return }
        canvas.rectangle(x: box.x, y: box.y, width: box.width, height: box.height)
        canvas.fill(style.paper.withAlpha(0.92), preserve: true)
        canvas.stroke(style.mutedInk, widthPt: 0.6)
        frame.addPath(basemap.country.area, to: canvas)
        canvas.fill(style.land, preserve: true)
        canvas.stroke(style.countryBorder, widthPt: 0.5)
        let view = request.view.envelope
        let corners = [LonLat(view.minLon, view.minLat), LonLat(view.maxLon, view.minLat),
                       LonLat(view.maxLon, view.maxLat), LonLat(view.minLon, view.maxLat)]
        canvas.addPolyline(corners.compactMap(frame.point), close: true)
        canvas.stroke(RGBA(hex: "#c0392b")!, widthPt: 1.2)
    }
}

import Foundation
