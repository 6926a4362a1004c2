internal import CGDAL

/// GDAL's process-wide set-up and error text, in one place.
enum GDAL {
    /// Registers every driver once; GDAL's own messages are collected rather than printed.
    static let ready: Void = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
    }()

    /// Clears the last error before a call whose failure is then read with `failure(_:)`.
    static func reset() {
        _ = ready
        CPLErrorReset()
    }

    /// GDAL's last message about `operation`, as an error.
    static func failure(_ operation: String, advice: String) -> GISError {
        let message = String(cString: CPLGetLastErrorMsg())
        return GISError(operation + (message.isEmpty ? "" : ": " + message), advice: advice)
    }

    /// True when the last call left an error (warnings do not count).
    static var failed: Bool {
        let type = CPLGetLastErrorType()
        return type == CE_Failure || type == CE_Fatal
    }

    /// The driver called `name`, or an error naming the package that provides it.
    static func driver(_ name: String) throws(GISError) -> GDALDriverH {
        _ = ready
        guard let driver = GDALGetDriverByName(name) else {
            throw GISError("GDAL has no \(name) driver",
                           advice: "install a GDAL build with it (Debian: apt-get install -y libgdal32 gdal-plugins), "
                               + "and check that GDAL_SKIP does not name it")
        }
        return driver
    }

    /// A NULL-terminated `NAME=VALUE` list for GDAL, freed after `body`.
    static func withOptions<T>(_ options: [(String, String)], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
        throws(GISError) -> T) throws(GISError) -> T
    {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for (name, value) in options { list = CSLSetNameValue(list, name, value) }
        defer { CSLDestroy(list) }
        return try body(list)
    }

    /// WGS 84 with longitude first, as GeoJSON and world files have it; released by the caller with `OSRRelease`.
    static func wgs84() throws(GISError) -> OGRSpatialReferenceH {
        guard let srs = OSRNewSpatialReference(nil) else {
            throw GISError("GDAL could not make a spatial reference", advice: "check the free memory")
        }
        guard OSRImportFromEPSG(srs, 4326) == OGRERR_NONE else {
            OSRRelease(srs)
            throw failure("EPSG:4326 is unknown to PROJ", advice: "install proj-data (apt-get install -y proj-data)")
        }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        return srs
    }
}
