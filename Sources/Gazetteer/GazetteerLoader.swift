public import Foundation
import Geometry

/// Reads a gazetteer folder: `geonames/*.csv`, `wof/*.csv`, `communities/*.csv`, `ocha/*.csv`, the outlined places
/// of `neighbourhoods/*.geojson`, then `curated/*.csv`, then any extra layers, each later layer taking precedence;
/// and the basemap GeoJSON in `basemap/`.
public enum GazetteerLoader {
    /// Loads every place layer and the places' outlines, collecting all problems of all files before throwing.
    public static func load(directory: URL, extraLayers: [URL] = []) throws -> Gazetteer {
        let read = try layersAndOutlines(try self.read(try layerFiles(directory: directory, extraLayers: extraLayers)))
        return Gazetteer(layers: read.layers.map { $0.map(\.place) }, outlines: read.outlines)
    }

    /// The layers as read, each place with its row, lowest precedence first.
    public static func loadLayers(directory: URL, extraLayers: [URL] = []) throws -> [[LocatedPlace]] {
        try layers(try read(try layerFiles(directory: directory, extraLayers: extraLayers)))
    }

    /// Every file's bytes, or one error listing every file that cannot be read.
    static func read(_ urls: [URL]) throws -> [LayerFile] {
        var problems = ProblemList()
        var files = [LayerFile]()
        for url in urls {
            do {
                files.append(try LayerFile(url))
            } catch let error as InputError {
                problems.add(contentsOf: error)
            }
        }
        try problems.throwIfAny()
        return files
    }

    /// A layer file's name as users see it, its bytes, and whether it holds outlined places (GeoJSON).
    struct LayerFile {
        var name: String
        var data: Data
        var isOutlined: Bool

        init(_ url: URL) throws {
            name = displayName(url)
            data = try InputText.data(url, file: name)
            isOutlined = url.pathExtension == "geojson"
        }
    }

    /// The place files in order of precedence, lowest first.
    static func layerFiles(directory: URL, extraLayers: [URL]) throws -> [URL] {
        let folder = { (name: String) in directory.appendingPathComponent(name) }
        let files = ["geonames", "wof", "communities", "ocha"].flatMap { csvFiles(in: folder($0)) }
            + files(in: folder("neighbourhoods"), ending: ".geojson") + csvFiles(in: folder("curated")) + extraLayers
        if files.isEmpty {
            throw InputError(SourceLocation(file: directory.path, line: 1, column: 1),
                             "no place files in geonames/ or curated/; is this a ControlMap Gazetteer folder?")
        }
        return files
    }

    static func layers(_ files: [LayerFile]) throws -> [[LocatedPlace]] {
        try layersAndOutlines(files).layers
    }

    /// The layers, and the outline of each outlined place by the id of its row.
    static func layersAndOutlines(_ files: [LayerFile]) throws
        -> (layers: [[LocatedPlace]], outlines: [String: MultiPolygon]) {
        var problems = ProblemList()
        var layers = [[LocatedPlace]]()
        var outlines = [String: MultiPolygon]()
        for file in files {
            do {
                if file.isOutlined {
                    let layer = try OutlinedPlaces.read(file.data, file: file.name)
                    layers.append(layer.map(\.located))
                    for row in layer { outlines[row.located.place.id] = row.outline }
                } else {
                    let table = try CSVTable(text: try InputText.decode(file.data, file: file.name), file: file.name)
                    layers.append(try PlaceTable.locatedPlaces(from: table))
                }
            } catch let error as InputError {
                problems.add(contentsOf: error)
            }
        }
        try problems.throwIfAny()
        return (layers, outlines)
    }

    /// Loads `basemap/syria.geojson`, `neighbours.geojson`, `land.geojson`, `water.geojson`, `city-rivers.geojson`
    /// and `city-edges.geojson`; only the country is required.
    public static func loadBasemap(directory: URL) throws -> Basemap {
        try loadBasemap(directory: directory, country: loadCountry(directory: directory))
    }

    /// The basemap's country file alone: what the gazetteer's cache key and checks need, so that the rest of the
    /// basemap can be read while the gazetteer is.
    public static func loadCountry(directory: URL) throws -> CountryFile {
        let countryFeatures = try features(directory.appendingPathComponent("basemap/syria.geojson"), required: true)
        guard let first = countryFeatures.features.first else {
            throw InputError(SourceLocation(file: "basemap/syria.geojson", line: 1, column: 1),
                             "the country file has no feature; regenerate it with scripts/extract-basemap.sh")
        }
        return CountryFile(country: country(first), attribution: countryFeatures.attribution)
    }

    /// The country of the basemap's country file, and the file's credit.
    public struct CountryFile: Sendable {
        public let country: Country
        let attribution: String?
    }

    /// The basemap around a country read by `loadCountry`.
    public static func loadBasemap(directory: URL, country countryFile: CountryFile) throws -> Basemap {
        let folder = directory.appendingPathComponent("basemap")
        let neighbours = try features(folder.appendingPathComponent("neighbours.geojson"), required: false)
        let land = try features(folder.appendingPathComponent("land.geojson"), required: false)
        let water = try features(folder.appendingPathComponent("water.geojson"), required: false)
        let edges = try features(folder.appendingPathComponent("city-edges.geojson"), required: false)
        let cityRivers = try features(folder.appendingPathComponent("city-rivers.geojson"), required: false)
        let lakes = water.features.filter { $0.properties["kind"] == "lake" }
        let rivers = water.features.filter { $0.properties["kind"] == "river" }
        return Basemap(
            country: countryFile.country,
            neighbours: neighbours.features.map(country),
            land: .init(land.features.flatMap(\.area.polygons)),
            lakes: .init(lakes.flatMap(\.area.polygons)),
            rivers: .init(rivers.flatMap(\.lines.lines)),
            cityRivers: .init(cityRivers.features.flatMap(\.lines.lines)),
            cityEdges: edges.features.map { ($0.properties["place"] ?? "", $0.area) }
                .reduce(into: [:]) { $0[$1.0] = $1.1 },
            attributions: ([countryFile.attribution] + [neighbours, land, water].map(\.attribution)).compactMap { $0 }
                .uniqued())
    }

    private static func country(_ feature: GeoJSONFeature) -> Country {
        Country(id: feature.properties["id"] ?? "", nameEn: feature.properties["name_en"] ?? "",
                nameAr: feature.properties["name_ar"] ?? "", area: feature.area)
    }

    private static func features(_ url: URL, required: Bool) throws -> (features: [GeoJSONFeature], attribution: String?) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            if !required { return ([], nil) }
            throw InputError(SourceLocation(file: displayName(url), line: 1, column: 1),
                             "file not found; regenerate the basemap with scripts/extract-basemap.sh")
        }
        let data = try InputText.data(url, file: displayName(url))
        let collection = try GeoJSONReader.collection(from: data, file: displayName(url))
        return (collection.features, collection.attribution)
    }

    static func csvFiles(in folder: URL) -> [URL] {
        files(in: folder, ending: ".csv")
    }

    static func files(in folder: URL, ending suffix: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Reads a user's text file as UTF-8, with a message naming the file when it cannot.
    public static func readText(_ url: URL) throws -> String {
        let file = displayName(url)
        return try InputText.decode(try InputText.data(url, file: file), file: file)
    }

    /// The path as users see it: relative to the current folder when inside it.
    public static func displayName(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
