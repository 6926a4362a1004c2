internal import CGDAL
import Foundation

/// Georeferenced images through GDAL.
public enum RasterWriter {
    /// A GeoTIFF (deflate-compressed) of the pixels of a PNG, placed on the ground by `georeference`.
    public static func geoTIFF(png: [UInt8], georeference: Georeference) throws(GISError) -> [UInt8] {
        let tiffDriver = try GDAL.driver("GTiff")
        let vrtDriver = try GDAL.driver("VRT")
        _ = try GDAL.driver("PNG")
        let name = "/vsimem/controlmap-\(UUID().uuidString)"
        let input = name + ".png", output = name + ".tif"
        let wkt = try georeference.wkt(esri: false)
        GDAL.reset()
        guard !png.isEmpty, let copy = VSIMalloc(png.count) else {
            throw GISError("no memory for the map's PNG", advice: "check the free memory, or try a smaller --width")
        }
        png.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        // The memory file owns the copy from here on (last argument 1) and frees it when unlinked.
        guard let file = VSIFileFromMemBuffer(input, copy.assumingMemoryBound(to: GByte.self),
                                              vsi_l_offset(png.count), 1) else {
            VSIFree(copy)
            throw GDAL.failure("GDAL cannot read the PNG from memory", advice: "check the free memory")
        }
        _ = VSIFCloseL(file)
        defer { VSIUnlink(input) }
        guard let source = GDALOpen(input, GA_ReadOnly) else {
            throw GDAL.failure("GDAL cannot decode the map's PNG", advice: "report this")
        }
        defer { GDALClose(source) }
        // A virtual copy takes the georeference that the PNG itself cannot hold.
        guard let virtual = GDALCreateCopy(vrtDriver, "", source, 0, nil, nil, nil) else {
            throw GDAL.failure("GDAL cannot copy the map's pixels", advice: "check the free memory")
        }
        defer { GDALClose(virtual) }
        var transform = georeference.geoTransform
        guard GDALSetGeoTransform(virtual, &transform) == CE_None, GDALSetProjection(virtual, wkt) == CE_None else {
            throw GDAL.failure("GDAL cannot georeference the map", advice: "report this")
        }
        let created = try GDAL.withOptions([("COMPRESS", "DEFLATE"), ("PREDICTOR", "2")]) {
            options throws(GISError) in GDALCreateCopy(tiffDriver, output, virtual, 0, options, nil, nil)
        }
        guard let created else {
            throw GDAL.failure("GDAL cannot write the GeoTIFF", advice: "check the free memory")
        }
        GDALClose(created)
        defer { VSIUnlink(output) }
        var length: vsi_l_offset = 0
        guard let data = VSIGetMemFileBuffer(output, &length, 0) else {
            throw GDAL.failure("GDAL lost the GeoTIFF it wrote", advice: "report this")
        }
        return Array(UnsafeBufferPointer(start: data, count: Int(length)))
    }
}
