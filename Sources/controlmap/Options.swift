import ArgumentParser
import Canvas
import Cartography
import Claims
import Foundation
import Gazetteer
import GIS
import Geometry
import Storage

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

    var paths: InputPaths { InputPaths(scenarioURL: scenarioURL, gazetteerURL: gazetteerURL) }
    var extraLayers: [URL] { paths.extraLayers }
}

/// Whether to use the caches.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Compute the gazetteer index and the cells afresh and neither read nor write the cache.")
    var noCache = false

    /// The user's cache folder, warning on stderr, or nil with `--no-cache`.
    var folder: CacheFolder? { noCache ? nil : .standard(warn: { printError($0) }) }
}

/// What a map shows and how large: shared by the commands that draw maps.
struct MapOptions: ParsableArguments {
    @Option(help: "View: syria, northwest, aleppo-city, or one from scenario.yaml.")
    var view: String?

    @Option(help: "Any other extent: minLon,minLat,maxLon,maxLat.")
    var bbox: BoundingBox?

    @Option(help: "Language of the map text: en, ar or both.")
    var lang: Language = .en

    @Option(help: "Width of a PNG in pixels.")
    var width: Int = 1600

    @Option(help: "Resolution of a PNG in dots per inch (text and lines scale with it).")
    var dpi: Double = 144

    func validate() throws {
        guard (100...12_000).contains(width) else { throw ValidationError("--width must be from 100 to 12000 pixels") }
        guard (36...1200).contains(dpi) else { throw ValidationError("--dpi must be from 36 to 1200") }
        if view != nil, bbox != nil { throw ValidationError("give either --view or --bbox, not both") }
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
