import Canvas
import Claims
import Gazetteer
import Geometry
import Territory

/// Draws the area and line layers inside the map frame.
struct LayerPainter {
    let canvas: Canvas
    let frame: MapFrame
    let style: MapStyle
    let scenario: Scenario

    func basemap(_ basemap: Basemap) {
        canvas.paint(style.sea)
        fill(basemap.land, style.land)
        for neighbour in basemap.neighbours {
            fill(neighbour.area, style.neighbour)
        }
        fill(basemap.country.area, style.country)
    }

    func zones(_ territory: TerritoryMap) {
        for zone in territory.zones {
            switch zone.kind {
            case .held(let actor):
                fill(zone.area, colour(actor).withAlpha(style.zoneAlpha))
            case .shared(let among):
                fill(zone.area, colour(among[0]).withAlpha(style.zoneAlpha))
                hatch(zone.area, colours: among.dropFirst().map(colour))
            case .contested(let among):
                hatch(zone.area, colours: among.map(colour))
            case .abandoned, .unreported:
                continue
            }
        }
    }

    /// Today's zones faintly, and ground that changed hands hatched in the gaining actor's colour.
    func diffZones(_ territory: TerritoryMap, diff: ControlDiff) {
        for zone in territory.zones {
            if let actor = zone.actor { fill(zone.area, colour(actor).withAlpha(style.zoneAlpha * 0.55)) }
        }
        for transfer in diff.transfers {
            guard let gainer = transfer.to else { continue }
            hatch(transfer.area, colours: [colour(gainer)])
            frame.addPath(transfer.area, to: canvas)
            canvas.stroke(colour(gainer), widthPt: 0.8)
        }
    }

    func fronts(_ fronts: [FrontLine], dashed: Bool) {
        for front in fronts {
            frame.addPath(front.line, to: canvas)
            if dashed {
                canvas.stroke(style.front.withAlpha(0.75), widthPt: style.frontWidthPt * 0.8, dash: [4, 3])
            } else {
                canvas.stroke(style.frontCasing, widthPt: style.frontWidthPt + 1.6, preserve: true)
                canvas.stroke(style.front, widthPt: style.frontWidthPt)
            }
        }
    }

    func water(_ basemap: Basemap) {
        fill(basemap.lakes, style.water)
        frame.addPath(basemap.rivers, to: canvas)
        canvas.stroke(style.water, widthPt: style.riverWidthPt)
    }

    func borders(_ basemap: Basemap) {
        for neighbour in basemap.neighbours {
            frame.addPath(neighbour.area, to: canvas)
            canvas.stroke(style.neighbourBorder, widthPt: 0.6)
        }
        frame.addPath(basemap.country.area, to: canvas)
        canvas.stroke(style.countryBorder, widthPt: style.countryBorderWidthPt, dash: [6, 2, 1.5, 2])
    }

    /// Diagonal stripes clipped to the area, cycling through the colours (one per actor involved).
    func hatch(_ area: MultiPolygon, colours: [RGBA]) {
        guard !area.isEmpty, !colours.isEmpty else { return }
        canvas.withSavedState {
            frame.addPath(area, to: canvas)
            canvas.withClip {
                let box = frame.box
                let spacing = style.hatchSpacingPt
                var index = 0
                var offset = -box.height
                while offset < box.width {
                    canvas.moveTo(box.x + offset, box.maxY)
                    canvas.lineTo(box.x + offset + box.height, box.y)
                    canvas.stroke(colours[index % colours.count].withAlpha(0.85), widthPt: style.hatchWidthPt)
                    offset += spacing
                    index += 1
                }
            }
        }
    }

    private func fill(_ area: MultiPolygon, _ colour: RGBA) {
        frame.addPath(area, to: canvas)
        canvas.fill(colour)
    }

    private func colour(_ actorID: String) -> RGBA {
        scenario.actor(id: actorID).map(ActorColours.colour) ?? style.unheldSymbol
    }
}
