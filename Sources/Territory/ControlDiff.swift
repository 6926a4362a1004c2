public import Claims
public import Geometry

/// What changed between two dates: places that changed hands, and ground gained and lost.
public struct ControlDiff: Sendable {
    /// A place whose state differs between the two dates.
    public struct PlaceChange: Hashable, Sendable {
        public var placeID: String
        /// The holder before and after; nil when contested or unheld.
        public var from: String?
        public var to: String?
        /// The full states before and after; nil where no claim covered the place.
        public var before: ControlState?
        public var after: ControlState?
        /// The day of the claim that made the change.
        public var date: Day
        public var citations: [Citation]
    }

    /// Ground that passed from one state to another.
    public struct Transfer: Hashable, Sendable {
        /// Actor ids; nil for contested or unreported ground.
        public var from: String?
        public var to: String?
        public var area: MultiPolygon
        public var areaKm2: Double
    }

    /// One actor's ground at each end.
    public struct ActorBalance: Hashable, Sendable {
        public var actor: String
        public var km2From: Double
        public var km2To: Double
    }

    public var from: Day
    public var to: Day
    public var places: [PlaceChange]
    public var transfers: [Transfer]
    public var actors: [ActorBalance]

    /// Compares two territory maps built on the same cells. Ground moves cell by cell, so the transfers are
    /// exact unions of cached cells.
    public init(from before: TerritoryMap, to after: TerritoryMap, cells: PlaceCells, actors actorIDs: [String]) throws {
        from = before.snapshot.date
        to = after.snapshot.date
        var places = [PlaceChange]()
        var moved = [Pair: [MultiPolygon]]()
        let ids = Set(before.snapshot.controls.keys).union(after.snapshot.controls.keys).sorted()
        for id in ids {
            let old = before.snapshot.controls[id]
            let new = after.snapshot.controls[id]
            guard old?.state != new?.state else { continue }
            let change = PlaceChange(placeID: id, from: old?.state.controller, to: new?.state.controller,
                                     before: old?.state, after: new?.state,
                                     date: new?.since ?? after.snapshot.date, citations: new?.citations ?? [])
            places.append(change)
            if let cell = cells.cell(of: id), !cell.isEmpty {
                moved[Pair(from: change.from, to: change.to), default: []].append(cell)
            }
        }
        self.places = places
        transfers = try moved.filter { $0.key.from != $0.key.to }.map { pair, parts in
            let area = try MultiPolygon.coverageUnion(parts)
            return Transfer(from: pair.from, to: pair.to, area: area, areaKm2: Geodesic.areaKm2(area))
        }.sorted { ($0.from ?? "~", $0.to ?? "~") < ($1.from ?? "~", $1.to ?? "~") }
        actors = actorIDs.map { id in
            ActorBalance(actor: id, km2From: before.zone(of: id)?.areaKm2 ?? 0, km2To: after.zone(of: id)?.areaKm2 ?? 0)
        }
    }

    private struct Pair: Hashable {
        var from: String?
        var to: String?
    }
}
