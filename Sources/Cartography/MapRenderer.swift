public import Canvas
public import Claims
public import Gazetteer
public import GIS
public import Territory

/// What to draw: a date (or two for a diff), where, in which language and format, and how large.
public struct MapRequest: Sendable {
    public var date: Day
    /// The earlier date of a diff map; nil for a snapshot map.
    public var diffFrom: Day?
    public var view: MapView
    public var language: Language
    public var format: ImageFormat
    public var widthPx: Int
    public var dpi: Double

    public init(date: Day, diffFrom: Day? = nil, view: MapView, language: Language = .en,
                format: ImageFormat = .png, widthPx: Int = 1600, dpi: Double = 144) {
        self.date = date
        self.diffFrom = diffFrom
        self.view = view
        self.language = language
        self.format = format
        self.widthPx = widthPx
        self.dpi = dpi
    }

    var pixelsPerPoint: Double { dpi / 72 }

    /// The same request for another date.
    func on(_ day: Day) -> MapRequest {
        var request = self
        request.date = day
        return request
    }
    var widthPt: Double { Double(widthPx) / pixelsPerPoint }
}

/// Draws dated control maps from a scenario, its basemap and its cached cells.
/// Layers, bottom to top: sea and land, neighbours, the country, zones, contested hatching, front lines,
/// water, borders, place symbols, labels; then title, date, legend, scale bar, inset and footer.
public struct MapRenderer: Sendable {
    public let scenario: Scenario
    public let basemap: Basemap
    public let territory: TerritoryModel
    public let style: MapStyle

    public init(basemap: Basemap, territory: TerritoryModel, style: MapStyle = MapStyle()) {
        self.scenario = territory.scenario
        self.basemap = basemap
        self.territory = territory
        self.style = style
    }

    /// Renders the request to the bytes of a PNG, SVG or PDF file; the same inputs give the same bytes.
    /// With a `series` whose period holds the date, the map takes the series' territory, legend and layout.
    public func render(_ request: MapRequest, series: MapSeries? = nil) throws -> [UInt8] {
        try renderWithLayout(request, series: series).bytes
    }

    /// Renders the request as a PNG and writes its pixels as a GeoTIFF in the view's projection.
    public func geoTIFF(_ request: MapRequest, series: MapSeries? = nil) throws -> [UInt8] {
        var raster = request
        raster.format = .png
        let map = try renderWithLayout(raster, series: series)
        return try RasterWriter.geoTIFF(png: map.bytes, georeference: map.georeference)
    }

    /// The stages a render goes through, in order, as `renderWithLayout` reports their ends.
    public static let stages = ["territory", "layout", "raster and labels", "encode"]

    /// Renders, and tells where each label and place symbol went (in points), for checks and image maps;
    /// `stageEnded` hears the name of each of `stages` as it ends, for the benchmark's figures.
    public func renderWithLayout(_ request: MapRequest, series: MapSeries? = nil,
                                 stageEnded: (String) -> Void = { _ in }) throws -> RenderedMap {
        if let series {
            precondition(series.period.contains(request.date) && request.diffFrom == nil && series.view == request.view,
                         "a series draws snapshot maps of its own view and days")
        }
        let territory = try series?.maps[request.date] ?? self.territory.map(at: request.date)
        var earlier: TerritoryMap?
        var diff: ControlDiff?
        if let from = request.diffFrom {
            let before = try self.territory.map(at: from)
            earlier = before
            diff = try ControlDiff(from: before, to: territory, actors: scenario.actors.map(\.id))
        }
        stageEnded(Self.stages[0])
        let layout = try PageLayout(request: request, scenario: scenario, territory: territory, diff: diff,
                                    earlierFronts: earlier?.fronts ?? [], basemap: basemap, style: style,
                                    series: series)
        stageEnded(Self.stages[1])
        let canvas = try Canvas(widthPt: layout.widthPt, heightPt: layout.heightPt, format: request.format,
                                pixelsPerPoint: request.pixelsPerPoint,
                                creationDate: "\(request.date)T00:00:00")
        canvas.paint(style.paper)
        let painter = LayerPainter(canvas: canvas, frame: layout.frame, style: style, scenario: scenario)
        canvas.withSavedState {
            layout.frame.addFrame(to: canvas)
            canvas.withClip {
                canvas.layer("basemap") { painter.basemap(basemap) }
                canvas.layer("zones") {
                    if let diff { painter.diffZones(territory, diff: diff) } else { painter.zones(territory) }
                }
                canvas.layer("quarters") { painter.quarters(scenario.gazetteer, basemap: basemap, view: request.view) }
                canvas.layer("fronts") {
                    if let earlier { painter.fronts(earlier.fronts, earlier: true) }
                    painter.fronts(territory.fronts, earlier: false)
                }
                canvas.layer("water") { painter.water(basemap, view: request.view) }
                canvas.layer("borders") { painter.borders(basemap) }
            }
        }
        var placer = LabelPlacer(bounds: layout.frame.box.insetBy(2))
        let furniture = Furniture(canvas: canvas, layout: layout, style: style, scenario: scenario, request: request)
        let places = PlaceLayer(canvas: canvas, frame: layout.frame, style: style, scenario: scenario,
                                territory: territory, language: request.language, diff: diff)
        let placed = places.draw(placer: &placer, view: request.view)
        let quarterLabels = places.drawQuarterNames(placer: &placer, view: request.view)
        canvas.layer("country-labels") { places.drawNeighbourNames(basemap, placer: &placer) }
        canvas.layer("frame") {
            canvas.withSavedState {
                layout.frame.addFrame(to: canvas)
                canvas.stroke(style.mutedInk, widthPt: 0.8)
            }
        }
        canvas.layer("legend") { furniture.draw(territory: territory, diff: diff, basemap: basemap) }
        stageEnded(Self.stages[2])
        let bytes = try canvas.finish()
        stageEnded(Self.stages[3])
        return RenderedMap(bytes: bytes, widthPt: layout.widthPt, heightPt: layout.heightPt,
                           labels: placed.labels + quarterLabels, symbols: placed.symbols, frame: layout.frame.box,
                           legend: layout.legendBox, patches: placed.patches,
                           georeference: layout.frame.georeference(pixelsPerPoint: request.pixelsPerPoint))
    }
}

/// A rendered file with the positions of what was placed on it, in points from the top left.
public struct RenderedMap: Sendable {
    public struct Label: Hashable, Sendable {
        public var placeID: String
        public var text: String
        public var x: Double, y: Double, width: Double, height: Double
    }

    public struct Symbol: Hashable, Sendable {
        public var placeID: String
        public var x: Double, y: Double
        /// Half the symbol's width, in points.
        public var radius: Double
        /// `#rrggbb` of its fill.
        public var fill: String
    }

    public var bytes: [UInt8]
    public var widthPt: Double
    public var heightPt: Double
    public var labels: [Label]
    public var symbols: [Symbol]
    /// The map frame: labels stay inside it.
    var frame: Box
    /// The legend, scale bar and inset band below the frame.
    var legend: Box
    /// Small patches of ground that labels of other places keep off.
    var patches: [Box]
    /// Where a PNG's pixels lie in the view's projection (for a world file); SVG and PDF points times the
    /// pixels per point of the request map the same way.
    public var georeference: Georeference
}
