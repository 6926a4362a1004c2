internal import CGDAL
import Foundation

/// Where an image's pixels lie on the ground: an affine transform from pixel to projected coordinates (metres) and
/// the projection, as world files and GeoTIFFs record it.
public struct Georeference: Hashable, Sendable {
    /// The PROJ definition of the projection the image is drawn in.
    public var projection: String
    /// Projected x and y of the top-left corner of the top-left pixel.
    public var originX: Double
    public var originY: Double
    /// Projected metres per pixel, across and down.
    public var pixelWidth: Double
    public var pixelHeight: Double

    public init(projection: String, originX: Double, originY: Double, pixelWidth: Double, pixelHeight: Double) {
        self.projection = projection
        self.originX = originX
        self.originY = originY
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// The six lines of an ESRI world file (`.pgw`): pixel size, two rotations, the negated pixel height, and the
    /// centre of the top-left pixel.
    public var worldFile: String {
        [pixelWidth, 0, 0, -pixelHeight, originX + pixelWidth / 2, originY - pixelHeight / 2]
            .map { String(format: "%.10f", $0) }.joined(separator: "\n") + "\n"
    }

    /// GDAL's sidecar (`NAME.png.aux.xml`): GDAL, and so QGIS, read a PNG's coordinate system from it and not
    /// from the `.prj`, which ArcGIS and older tools read.
    public func auxXML() throws(GISError) -> String {
        let escaped = try wkt(esri: false).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">\(escaped)</SRS>\n</PAMDataset>\n"
    }

    /// GDAL's geotransform: origin and pixel size, no rotation.
    var geoTransform: [Double] { [originX, pixelWidth, 0, originY, 0, -pixelHeight] }

    /// The projection as ESRI WKT, what a `.prj` beside a world file holds; an error when PROJ cannot
    /// turn the definition into a coordinate reference system.
    public func prj() throws(GISError) -> String {
        try wkt(esri: true)
    }

    func wkt(esri: Bool) throws(GISError) -> String {
        try GDAL.open()
        GDAL.reset()
        guard let srs = OSRNewSpatialReference(nil) else {
            throw GISError("GDAL could not make a spatial reference", advice: "check the free memory")
        }
        defer { OSRRelease(srs) }
        guard OSRImportFromProj4(srs, projection) == OGRERR_NONE else {
            throw GDAL.failure("the map's projection \(projection) has no coordinate reference system",
                               advice: "draw the map in a view whose projection PROJ knows")
        }
        if esri { OSRMorphToESRI(srs) }
        var text: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(srs, &text) == OGRERR_NONE, let text else {
            throw GDAL.failure("GDAL cannot write the projection \(projection) as WKT", advice: "report this")
        }
        // OSRExportToWkt hands the string over; VSIFree releases it.
        defer { VSIFree(text) }
        return String(cString: text)
    }
}
