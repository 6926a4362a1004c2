public import Foundation

/// Where a command's inputs are: the scenario folder and the gazetteer folder.
public struct InputPaths: Sendable, Hashable {
    public var scenarioURL: URL
    public var gazetteerURL: URL

    public init(scenarioURL: URL, gazetteerURL: URL) {
        self.scenarioURL = scenarioURL
        self.gazetteerURL = gazetteerURL
    }

    /// The scenario's own `places.csv`, when it has one: a gazetteer layer above the others.
    public var extraLayers: [URL] {
        let places = scenarioURL.appendingPathComponent("places.csv")
        return FileManager.default.fileExists(atPath: places.path) ? [places] : []
    }
}
