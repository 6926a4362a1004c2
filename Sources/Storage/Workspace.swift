public import Claims
import Foundation
public import Gazetteer
import Geometry
public import Territory

/// Everything loaded from disk for one command: the scenario, the basemap and the cached cells.
public struct Workspace: Sendable {
    public let scenario: Scenario
    public let basemap: Basemap
    public let territory: TerritoryModel

    /// Loads and checks the inputs, throwing an `InputError` with every problem found; the gazetteer and the cells
    /// come from `cache` when there is one.
    public static func load(_ paths: InputPaths, cache: CacheFolder?) throws -> Workspace {
        let (scenario, basemap) = try Validation.load(paths, cache: cache)
        let store = cache.map { folder in
            CellStore(persist: { key, compute in try folder.cells(key: key, compute: compute) })
        } ?? CellStore()
        let overlays = cache.map { folder in
            OverlayStore(persist: { key, layerSizes, build in
                try folder.overlay(key: key, layerSizes: layerSizes, compute: build)
            })
        } ?? OverlayStore()
        let territory = TerritoryModel(scenario: scenario, country: basemap.country.area, store: store,
                                       overlays: overlays)
        return Workspace(scenario: scenario, basemap: basemap, territory: territory)
    }
}
