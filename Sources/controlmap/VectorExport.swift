import ArgumentParser
import Claims
import Foundation
import GIS
import Storage
import Territory

extension VectorFormat: ExpressibleByArgument {}
extension LayerKind: ExpressibleByArgument {}

/// Writes map layers in a GIS format whole or not at all, and says where they went.
enum VectorExport {
    /// The layers of `kind`, or all of them when `kind` is nil.
    static func select(_ layers: [FeatureLayer], _ kind: LayerKind?) -> [FeatureLayer] {
        guard let kind else { return layers }
        return layers.filter { $0.name == kind.rawValue }
    }

    /// Writes `layers` to `path`; a folder format replaces the folder, its files named after the layers.
    static func write(_ layers: [FeatureLayer], format: VectorFormat, to path: String, date: Day) throws {
        try OutputFile.produce(path, folder: format.isFolder) { scratch in
            for warning in try VectorWriter.write(layers, format: format, to: scratch, timestamp: "\(date)T00:00:00Z") {
                printError("warning: " + warning + "; the GeoPackage and GeoJSON keep them whole")
            }
        }
        printError("wrote \(path) (layers \(layers.map(\.name).joined(separator: ", ")))")
    }

    /// `Output/NAME.gpkg`, `Output/NAME.kml`, or the folder `Output/NAME-shp` or `Output/NAME-csv`.
    static func defaultPath(_ name: String, format: VectorFormat) -> String {
        "Output/" + name + (format.isFolder ? "-" : ".") + format.rawValue
    }
}
