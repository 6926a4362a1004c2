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

    /// Loads and checks the inputs, throwing an `InputError` with every problem found; the cells come from the
    /// user's cell cache when `cached`, and `warn` hears of a damaged cache entry.
    public static func load(_ paths: InputPaths, cached: Bool,
                            warn: @escaping @Sendable (String) -> Void) throws -> Workspace {
        let (scenario, basemap) = try Validation.load(paths)
        let store = cached ? CellStore(persist: { key, compute in
            try CellCache.standard().cells(key: key, warn: warn, compute: compute)
        }) : CellStore()
        let territory = TerritoryModel(scenario: scenario, country: basemap.country.area, store: store)
        return Workspace(scenario: scenario, basemap: basemap, territory: territory)
    }
}
