public import Claims
public import Geometry
import Planar

/// What changed between two dates: places and ground that changed hands, first reports and withdrawals apart.
public struct ControlDiff: Sendable {
    /// How a place's or a piece of ground's state changed.
    public enum Change: String, Hashable, Sendable {
        /// From one holder, shared or contested state to another.
        case changeOfHands = "change_of_hands"
        /// Nothing was reported before; now something is.
        case firstReport = "first_report"
        /// Its holders left it and nobody is reported in it (or nothing reaches it any more).
        case withdrawal
    }

    /// A place whose state differs between the two dates.
    public struct PlaceChange: Hashable, Sendable {
        public var placeID: String
        /// The holder before and after; nil when contested, shared or unheld.
        public var from: String?
        public var to: String?
        /// The full states before and after; nil where no claim covered the place.
        public var before: ControlState?
        public var after: ControlState?
        public var change: Change
        /// The day of the claim that made the change.
        public var date: Day
        public var citations: [Citation]
    }

    /// Ground that passed from one state to another.
    public struct Transfer: Hashable, Sendable {
        public var fromKind: Zone.Kind
        public var toKind: Zone.Kind
        public var change: Change
        public var area: MultiPolygon
        public var areaKm2: Double

        /// The holder before and after; nil for shared, contested, abandoned or unreported ground.
        public var from: String? {
            if case .held(let actor) = fromKind { return actor }
            return nil
        }

        public var to: String? {
            if case .held(let actor) = toKind { return actor }
            return nil
        }
    }

    /// One actor's ground at each end, and what it gained and lost by changes of hands only.
    public struct ActorBalance: Hashable, Sendable {
        public var actor: String
        public var km2From: Double
        public var km2To: Double
        public var gainedKm2: Double
        public var lostKm2: Double
    }

    public var from: Day
    public var to: Day
    public var places: [PlaceChange]
    public var transfers: [Transfer]
    public var actors: [ActorBalance]

    /// Compares two territory maps: ground is compared zone by zone, both dates' zones cut into one planar map,
    /// so it does not matter whether the two dates were cut from the same cells.
    public init(from before: TerritoryMap, to after: TerritoryMap, actors actorIDs: [String]) throws {
        from = before.snapshot.date
        to = after.snapshot.date
        var places = [PlaceChange]()
        let ids = Set(before.snapshot.controls.keys).union(after.snapshot.controls.keys).sorted()
        for id in ids {
            let old = before.snapshot.controls[id]
            let new = after.snapshot.controls[id]
            guard old?.state != new?.state else { continue }
            places.append(PlaceChange(placeID: id, from: old?.state.controller, to: new?.state.controller,
                                      before: old?.state, after: new?.state,
                                      change: ControlDiff.change(from: Zone.Kind(old?.state), to: Zone.Kind(new?.state)),
                                      date: new?.since ?? after.snapshot.date, citations: new?.citations ?? []))
        }
        self.places = places
        // Both dates' zones in one planar map: each face was in one zone and is in another.
        let overlay = Overlay(layers: [before.zones.map(\.area), after.zones.map(\.area)])
        var groupOfPair = [Int: Int32](), pairs = [(old: Int, new: Int)]()
        var faceGroup = [Int32](repeating: -1, count: overlay.faceCount)
        for face in 0..<overlay.faceCount {
            let (old, new) = (overlay.member(face: face, layer: 0), overlay.member(face: face, layer: 1))
            guard old >= 0, new >= 0, before.zones[old].kind != after.zones[new].kind else { continue }
            let key = old * after.zones.count + new
            if let group = groupOfPair[key] {
                faceGroup[face] = group
            } else {
                faceGroup[face] = Int32(pairs.count)
                groupOfPair[key] = Int32(pairs.count)
                pairs.append((old, new))
            }
        }
        let areas = overlay.unions(faceGroup: faceGroup, groupCount: pairs.count)
        let areasKm2 = overlay.areasKm2(faceGroup: faceGroup, groupCount: pairs.count)
        var transfers = [Transfer]()
        for (group, pair) in pairs.enumerated() where areasKm2[group] >= 0.01 && !areas[group].isEmpty {
            let (old, new) = (before.zones[pair.old].kind, after.zones[pair.new].kind)
            transfers.append(Transfer(fromKind: old, toKind: new, change: ControlDiff.change(from: old, to: new),
                                      area: areas[group], areaKm2: areasKm2[group]))
        }
        self.transfers = transfers.sorted { ($0.fromKind.order, $0.toKind.order) < ($1.fromKind.order, $1.toKind.order) }
        actors = actorIDs.map { id in
            let handed = transfers.filter { $0.change == .changeOfHands }
            return ActorBalance(actor: id, km2From: before.zone(of: id)?.areaKm2 ?? 0,
                                km2To: after.zone(of: id)?.areaKm2 ?? 0,
                                gainedKm2: handed.filter { $0.to == id }.reduce(0) { $0 + $1.areaKm2 },
                                lostKm2: handed.filter { $0.from == id }.reduce(0) { $0 + $1.areaKm2 })
        }
    }

    static func change(from old: Zone.Kind, to new: Zone.Kind) -> Change {
        if old == .unreported { return .firstReport }
        if new == .abandoned || new == .unreported { return .withdrawal }
        return .changeOfHands
    }
}
