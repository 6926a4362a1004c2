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
                hatch(zone.area, colours: among.map(colour), solid: true)
            case .contested(let among):
                hatch(zone.area, colours: among.map(colour))
            case .abandoned:
                fill(zone.area, style.mutedInk.withAlpha(0.2))
            case .unreported:
                continue
            }
        }
        uncertainMargins(territory)
    }

    /// Today's zones faintly, ground that changed hands hatched in the gaining actor's colour, and ground that
    /// went to no reported holder hatched grey.
    func diffZones(_ territory: TerritoryMap, diff: ControlDiff) {
        for zone in territory.zones {
            if let actor = zone.actor { fill(zone.area, colour(actor).withAlpha(style.zoneAlpha * 0.55)) }
        }
        for transfer in diff.transfers {
            let colour = transfer.to.map(colour) ?? style.mutedInk
            hatch(transfer.area, colours: [colour])
            frame.addPath(transfer.area, to: canvas)
            canvas.stroke(colour, widthPt: 0.8, dash: transfer.to == nil ? [2, 2] : [])
        }
        uncertainMargins(territory)
    }

    /// Where a zone drawn from its places' cells ends at their reach, the edge is not a line any source draws:
    /// the zone fades over a band along that edge into what lies beyond (paper where nothing is reported, the
    /// neighbouring zone's fill otherwise).
    private func uncertainMargins(_ territory: TerritoryMap) {
        let areas = Dictionary(territory.zones.map { ($0.kind, $0.area) }, uniquingKeysWith: { first, _ in first })
        for edge in territory.reachLimits.edges {
            guard let inside = areas[edge.inside] else { continue }
            canvas.fade(appearance(of: edge.beyond), along: frame.projected(edge.line), reachPt: style.uncertainMarginPt,
                        within: { frame.addPath(inside, to: canvas) })
        }
    }

    /// How ground of a kind looks once drawn, as one opaque colour: a held zone's fill over the paper, else the
    /// paper (hatched and muted ground fades to paper).
    private func appearance(of kind: Zone.Kind) -> RGBA {
        guard case .held(let actor) = kind else { return style.country }
        return style.country.blended(with: colour(actor), alpha: style.zoneAlpha)
    }

    /// Today's fronts solid over a light casing; the earlier date's fronts dotted, a style no border uses.
    func fronts(_ fronts: [FrontLine], earlier: Bool) {
        for front in fronts {
            frame.addPath(front.line, to: canvas)
            if earlier {
                canvas.stroke(style.earlierFront, widthPt: style.earlierFrontWidthPt, dash: style.earlierFrontDash)
            } else {
                canvas.stroke(style.frontCasing, widthPt: style.frontWidthPt + 1.6, preserve: true)
                canvas.stroke(style.front, widthPt: style.frontWidthPt)
            }
        }
    }

    /// In a city view, the outlines of the outlined places (neighbourhoods) thin over the zones, and each city's
    /// edge over them.
    func quarters(_ gazetteer: Gazetteer, basemap: Basemap, view: MapView) {
        guard view.showsQuarters else { return }
        for (_, outline) in gazetteer.outlines.sorted(by: { $0.key < $1.key })
        where outline.envelope.map(view.envelope.intersects) ?? false {
            frame.addPath(outline, to: canvas)
        }
        canvas.stroke(style.quarterOutline, widthPt: style.quarterOutlineWidthPt)
        for (_, edge) in basemap.cityEdges.sorted(by: { $0.key < $1.key })
        where edge.envelope.map(view.envelope.intersects) ?? false {
            frame.addPath(edge, to: canvas)
        }
        canvas.stroke(style.cityEdge, widthPt: style.cityEdgeWidthPt)
    }

    /// Lakes and rivers; in a city view the rivers unsimplified where the basemap has them, and wider.
    func water(_ basemap: Basemap, view: MapView) {
        fill(basemap.lakes, style.water)
        let detailed = view.showsQuarters && basemap.cityRivers.lines.contains {
            Envelope(covering: $0)?.intersects(view.envelope) ?? false
        }
        frame.addPath(detailed ? basemap.cityRivers : basemap.rivers, to: canvas)
        canvas.stroke(style.water, widthPt: style.riverWidthPt * (view.showsQuarters ? 2.5 : 1))
    }

    func borders(_ basemap: Basemap) {
        for neighbour in basemap.neighbours {
            frame.addPath(neighbour.area, to: canvas)
            canvas.stroke(style.neighbourBorder, widthPt: 0.6)
        }
        frame.addPath(basemap.country.area, to: canvas)
        canvas.stroke(style.countryBorder, widthPt: style.countryBorderWidthPt, dash: [6, 2, 1.5, 2])
    }

    /// Diagonal stripes clipped to the area, cycling through the colours (one per actor involved): thin with
    /// paper between for contested ground, or `solid` bands edge to edge for ground allies share.
    func hatch(_ area: MultiPolygon, colours: [RGBA], solid: Bool = false) {
        guard !area.isEmpty, !colours.isEmpty else { return }
        canvas.withAreaClip({ frame.addPath(area, to: canvas) }) {
            let box = frame.box
            let spacing = style.hatchSpacingPt
            // The stripes of one colour never overlap, so they are stroked as one path.
            for (index, colour) in colours.enumerated() {
                var offset = -box.height + Double(index) * spacing
                while offset < box.width {
                    canvas.moveTo(box.x + offset, box.maxY)
                    canvas.lineTo(box.x + offset + box.height, box.y)
                    offset += spacing * Double(colours.count)
                }
                canvas.stroke(solid ? colour.withAlpha(style.zoneAlpha) : colour.withAlpha(0.85),
                              widthPt: solid ? spacing * 0.75 : style.hatchWidthPt)
            }
        }
    }

    private func fill(_ area: MultiPolygon, _ colour: RGBA) {
        frame.addPath(area, to: canvas)
        canvas.fill(colour)
    }

    private func colour(_ actorID: String) -> RGBA {
        ActorColours.colour(id: actorID, in: scenario)
    }
}
