public import Claims
public import Gazetteer
public import Geometry
import Foundation

/// Keeps the cells of each set of places once computed, in memory and, through `persist`, wherever the caller
/// keeps them between runs. Safe to share between threads.
public final class CellStore: @unchecked Sendable {
    /// Given a key and how to compute the cells, returns them: read back, or computed and kept.
    public typealias Persist = @Sendable (String, () throws -> PlaceCells) throws -> PlaceCells
    private let lock = NSLock()
    private var known = [String: PlaceCells]()
    private let persist: Persist

    public init(persist: @escaping Persist = { _, compute in try compute() }) {
        self.persist = persist
    }

    /// The cells of `places` within `country`: remembered, read back, or computed.
    public func cells(of places: [Place], country: MultiPolygon) throws -> PlaceCells {
        let key = PlaceCells.key(places: places, country: country)
        lock.lock()
        let remembered = known[key]
        lock.unlock()
        if let remembered { return remembered }
        let cells = try persist(key) { try PlaceCells(places: places, country: country) }
        lock.lock()
        known[key] = cells
        lock.unlock()
        return cells
    }
}

/// A scenario's territory at any date. A date's cells divide the country among the places that have a state by
/// then, and only them, so that a place first reported later takes no ground earlier; claimed regions and area
/// claims lie over the cells.
public struct TerritoryModel: Sendable {
    public let scenario: Scenario
    public let country: MultiPolygon
    private let store: CellStore
    private let maps = Memo<TerritoryMap>()
    /// The claimed regions' grounds, by the regions claimed: dates mostly share them.
    private let regionAreas = Memo<[MultiPolygon]>()
    /// The dates' planar maps, shared by dates cut from the same layers.
    private let overlays: OverlayStore
    /// Each mapped place's district and governorate, district first.
    private let regionsOfPlace: [String: [String]]

    public init(scenario: Scenario, country: MultiPolygon, store: CellStore = CellStore(),
                overlays: OverlayStore = OverlayStore()) {
        self.scenario = scenario
        self.country = country
        self.store = store
        self.overlays = overlays
        var regionsOfPlace = [String: [String]]()
        if !scenario.regions.isEmpty {
            for id in scenario.mappedPlaceIDs {
                guard let place = scenario.gazetteer.place(id: id) else { continue }
                regionsOfPlace[id] = scenario.regions.containing(place.lonLat).map(\.id)
            }
        }
        self.regionsOfPlace = regionsOfPlace
    }

    /// The cells of the places with a state in `snapshot`, but for outlined places: their ground is their outline.
    public func cells(for snapshot: Snapshot) throws -> PlaceCells {
        let places = scenario.mappedPlaceIDs.filter { snapshot.controls[$0] != nil }.sorted()
            .compactMap { scenario.gazetteer.place(id: $0) }
            .filter { scenario.gazetteer.outlines[$0.id] == nil }
        return try store.cells(of: places, country: country)
    }

    /// The reach circle each cell was cut to, in the cells' order.
    public func circles(of cells: PlaceCells) -> [ReachCircle?] {
        cells.placeIDs.map { id in scenario.gazetteer.place(id: id).map(ReachCircle.init(place:)) }
    }

    /// The outlines of the outlined places with a state in `snapshot`.
    func outlines(_ snapshot: Snapshot) -> [PlaceOutline] {
        scenario.gazetteer.outlines.keys.sorted().compactMap { id in
            guard scenario.mappedPlaceIDs.contains(id), snapshot.controls[id] != nil,
                  let outline = scenario.gazetteer.outlines[id] else { return nil }
            return PlaceOutline(placeID: id, area: outline)
        }
    }

    /// Zones, fronts and areas at `date`, worked out once per date: a PNG and an SVG of one date share them.
    public func map(at date: Day) throws -> TerritoryMap {
        try maps.value(date.description) {
            let snapshot = scenario.snapshot(at: date)
            let cells = try cells(for: snapshot)
            return try TerritoryMap(snapshot: snapshot, cells: cells, areaClaims: scenario.areaClaims,
                                    sides: scenario.sides, regions: try regionGrounds(snapshot),
                                    outlines: outlines(snapshot), circles: circles(of: cells), overlays: overlays)
        }
    }

    /// What changed between two dates.
    public func diff(from start: Day, to end: Day) throws -> ControlDiff {
        // The two dates at once; a failure is kept and thrown again below.
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            _ = try? map(at: index == 0 ? start : end)
        }
        return try ControlDiff(from: try map(at: start), to: try map(at: end), actors: scenario.actors.map(\.id))
    }

    /// The ground of each claimed region at the snapshot's date: a claimed district is its own ground, and a
    /// claimed governorate is what its claimed districts leave of it; shared by the dates that claim the same
    /// regions.
    func regionGrounds(_ snapshot: Snapshot) throws -> [RegionGround] {
        let claimed = scenario.regions.regions.filter { snapshot.controls[$0.id] != nil }
        guard !claimed.isEmpty else { return [] }
        let claimedIDs = Set(claimed.map(\.id))
        let areas = try regionAreas.value(claimed.map(\.id).joined(separator: " ")) {
            try claimed.map { region in
                guard region.level == .governorate else { return region.area }
                let inner = claimed.filter { $0.parent == region.id }.map(\.area)
                return inner.isEmpty ? region.area : try region.area.difference(try MultiPolygon.unionAll(inner))
            }
        }
        return zip(claimed, areas).map { region, area in
            let places = regionsOfPlace.filter { _, regions in
                regions.first(where: claimedIDs.contains) == region.id
            }.keys.sorted()
            return RegionGround(regionID: region.id, area: area, kind: Zone.Kind(snapshot.controls[region.id]?.state),
                                placeIDs: places)
        }
    }
}

/// Values computed once per key, failures included. Each key has its own lock, so that two threads asking for
/// one key compute it once while other keys go ahead.
final class Memo<Value>: @unchecked Sendable {
    private final class Entry: @unchecked Sendable {
        private let lock = NSLock()
        private var outcome: Result<Value, Error>?

        func value(_ compute: () throws -> Value) throws -> Value {
            lock.lock()
            defer { lock.unlock() }
            let known = outcome ?? Result(catching: compute)
            outcome = known
            return try known.get()
        }
    }

    private let lock = NSLock()
    private var entries = [String: Entry]()

    func value(_ key: String, _ compute: () throws -> Value) throws -> Value {
        let entry = lock.withLock {
            if let entry = entries[key] { return entry }
            let entry = Entry()
            entries[key] = entry
            return entry
        }
        return try entry.value(compute)
    }
}
