import ArgumentParser
import Canvas
import Cartography
import Claims
import Foundation
import Gazetteer
import GIS
import Geometry

/// Where the inputs are: shared by every subcommand.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Scenario folder (scenario.yaml, claims.csv); default: the bundled Scenarios/aleppo-2024.",
        valueName: "folder"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp(
        "Gazetteer folder (geonames/, curated/, basemap/); default: the installed one, or $CONTROLMAP_DATA/Gazetteer.",
        valueName: "folder"))
    var gazetteer: String?

    var scenarioURL: URL {
        scenario.map { URL(fileURLWithPath: $0) } ?? DataFolder.root.appendingPathComponent("Scenarios/aleppo-2024")
    }
    var gazetteerURL: URL {
        gazetteer.map { URL(fileURLWithPath: $0) } ?? DataFolder.root.appendingPathComponent("Gazetteer")
    }

    /// The scenario folder as the user named it, or the bundled scenario's.
    var scenarioName: String { scenario ?? GazetteerLoader.displayName(scenarioURL) }

    /// The scenario's own `places.csv`, when it has one: a gazetteer layer above the others.
    var extraLayers: [URL] {
        let places = scenarioURL.appendingPathComponent("places.csv")
        return FileManager.default.fileExists(atPath: places.path) ? [places] : []
    }
}

/// Machine or human output of `snapshot`, or its layers in a GIS format.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, geojson, gpkg, shp, kml, csv

    /// The GIS format GDAL writes, or nil for the formats written here.
    var vector: VectorFormat? { VectorFormat(rawValue: rawValue) }
}

/// Machine or human output of the commands that write no geometry.
enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Language: ExpressibleByArgument {}
extension ImageFormat: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

/// `minLon,minLat,maxLon,maxLat`
struct BoundingBox: ExpressibleByArgument {
    var envelope: Envelope

    init?(argument: String) {
        let numbers = argument.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4, numbers[0] < numbers[2], numbers[1] < numbers[3] else { return nil }
        envelope = Envelope(minLon: numbers[0], minLat: numbers[1], maxLon: numbers[2], maxLat: numbers[3])
    }
}
