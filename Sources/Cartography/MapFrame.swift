import Canvas
import GIS
import Geometry

/// A rectangle on the canvas, in points.
struct Box: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func intersects(_ other: Box) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The box grown by `margin` on every side.
    func expanded(by margin: Double) -> Box {
        Box(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
    }

    func contains(_ other: Box) -> Bool {
        other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
    }

    func contains(x: Double, y: Double) -> Bool {
        x >= self.x && x <= maxX && y >= self.y && y <= maxY
    }

    func insetBy(_ amount: Double) -> Box {
        Box(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// Places projected positions in a box of the canvas: the view's projected extent scaled to fit `box.width`.
final class MapFrame {
    let projection: Projection
    let box: Box
    let envelope: Envelope
    private let minX: Double
    private let maxY: Double
    /// Points per projected metre.
    let scale: Double

    /// The frame for a view at `origin` and `widthPt`; its height follows from the view's shape.
    init(view: MapView, x: Double, y: Double, widthPt: Double) throws {
        projection = try Projection(view.projectionDefinition)
        envelope = view.envelope
        let projected = MapFrame.outline(view.envelope).compactMap(projection.project)
        let xs = projected.map(\.x), ys = projected.map(\.y)
        minX = xs.min() ?? 0
        maxY = ys.max() ?? 0
        let spanX = max((xs.max() ?? 1) - minX, 1), spanY = max(maxY - (ys.min() ?? 0), 1)
        scale = widthPt / spanX
        box = Box(x: x, y: y, width: widthPt, height: spanY * scale)
    }

    /// The canvas position of a longitude/latitude, or nil where the projection fails.
    func point(_ position: LonLat) -> (x: Double, y: Double)? {
        guard let projected = projection.project(position) else { return nil }
        return (box.x + (projected.x - minX) * scale, box.y + (maxY - projected.y) * scale)
    }

    /// The longitude/latitude under a canvas position.
    func position(x: Double, y: Double) -> LonLat? {
        projection.unproject(ProjectedPoint(x: minX + (x - box.x) / scale, y: maxY - (y - box.y) / scale))
    }

    /// Where the pixels of a raster of the whole page lie in the projection: the frame's linear mapping holds
    /// across the page, so the title and legend bands just map to ground outside the view.
    func georeference(pixelsPerPoint: Double) -> Georeference {
        Georeference(projection: projection.definition, originX: minX - box.x / scale, originY: maxY + box.y / scale,
                     pixelWidth: 1 / (scale * pixelsPerPoint), pixelHeight: 1 / (scale * pixelsPerPoint))
    }

    /// Adds the polygons that reach into the view to the canvas path.
    func addPath(_ area: MultiPolygon, to canvas: Canvas) {
        let visible = envelope.expanded(byDegrees: 0.5)
        for polygon in area.polygons {
            guard let bounds = Envelope(covering: polygon.exterior), bounds.intersects(visible) else { continue }
            for ring in [polygon.exterior] + polygon.holes {
                canvas.addPolyline(ring.compactMap(point), close: true)
            }
        }
    }

    /// Adds lines that reach into the view to the canvas path.
    func addPath(_ lines: MultiLineString, to canvas: Canvas) {
        let visible = envelope.expanded(byDegrees: 0.5)
        for line in lines.lines {
            guard let bounds = Envelope(covering: line), bounds.intersects(visible) else { continue }
            canvas.addPolyline(line.compactMap(point), close: false)
        }
    }

    /// The lines that reach into the view, in canvas points, for drawing one line several times.
    func projected(_ lines: MultiLineString) -> [[(x: Double, y: Double)]] {
        let visible = envelope.expanded(byDegrees: 0.5)
        return lines.lines.compactMap { line in
            guard let bounds = Envelope(covering: line), bounds.intersects(visible) else { return nil }
            return line.compactMap(point)
        }
    }

    /// The box's outline, for clipping.
    func addFrame(to canvas: Canvas) {
        canvas.rectangle(x: box.x, y: box.y, width: box.width, height: box.height)
    }

    /// Positions along the envelope's edges, so curved projected edges are measured too.
    private static func outline(_ envelope: Envelope) -> [LonLat] {
        let steps = 16
        var points = [LonLat]()
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            let lon = envelope.minLon + t * (envelope.maxLon - envelope.minLon)
            let lat = envelope.minLat + t * (envelope.maxLat - envelope.minLat)
            points += [LonLat(lon, envelope.minLat), LonLat(lon, envelope.maxLat),
                       LonLat(envelope.minLon, lat), LonLat(envelope.maxLon, lat)]
        }
        return points
    }
}
