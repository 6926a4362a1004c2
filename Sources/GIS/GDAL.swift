internal import CGDAL
internal import CGDALLoader

/// GDAL's process-wide set-up and error text, in one place.
enum GDAL {
    /// Opens libgdal and registers every driver, once; GDAL's own messages are collected rather than printed.
    /// Nil when ready, else why libgdal could not be opened.
    private static let opened: String? = {
        var message = [CChar](repeating: 0, count: 512)
        guard controlmap_gdal_load(&message, message.count) == 1 else {
            return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return nil
    }()

    /// Opens GDAL on first use; every entry point of this module calls it before any other GDAL function.
    static func open() throws(GISError) {
        if let reason = opened {
            throw GISError("GDAL is needed for this output and is not available: \(reason)",
                           advice: "install it (Debian: apt-get install -y libgdal-dev)")
        }
    }

    /// Clears the last error before a call whose failure is then read with `failure(_:)`.
    static func reset() {
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
        try open()
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
