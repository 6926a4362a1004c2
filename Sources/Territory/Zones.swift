public import Claims
public import Geometry

/// Ground of one state at a date: held by an actor, contested among actors, or held by nobody reported.
public struct Zone: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case held(actor: String)
        case contested(among: [String])
        /// Abandoned places and ground no reported place reaches.
        case unreported
    }

    public var kind: Kind
    public var area: MultiPolygon
    /// Geodesic area in km².
    public var areaKm2: Double

    public init(kind: Kind, area: MultiPolygon) {
        self.init(kind: kind, area: area, areaKm2: Geodesic.areaKm2(area))
    }

    init(kind: Kind, area: MultiPolygon, areaKm2: Double) {
        self.kind = kind
        self.area = area
        self.areaKm2 = areaKm2
    }

    public var actor: String? {
        if case .held(let actor) = kind { return actor }
        return nil
    }
}

/// Where two actors' zones meet.
public struct FrontLine: Hashable, Sendable {
    /// The two actors, sorted.
    public var actors: [String]
    public var line: MultiLineString
}

/// Zones and front lines at one date: the territory a snapshot implies.
public struct TerritoryMap: Sendable {
    public var snapshot: Snapshot
    /// Held zones by actor id order, then contested zones, then the unreported zone; empty zones left out.
    public var zones: [Zone]
    public var fronts: [FrontLine]

    /// Unions the cached cells of each state (a coverage union by edge cancellation over the cells' topology:
    /// no Voronoi, no clipping, no overlay), sums their cached areas, lays area claims on top, and traces the
    /// fronts between different actors' zones.
    public init(snapshot: Snapshot, cells: PlaceCells, areaClaims: [AreaClaim] = []) throws {
        self.snapshot = snapshot
        let kinds = cells.placeIDs.map { TerritoryMap.kind(of: snapshot.controls[$0]?.state) } + [.unreported]
        var groupOfKind = [Zone.Kind: Int]()
        var groupKinds = [Zone.Kind]()
        let groups = kinds.map { kind in
            if let group = groupOfKind[kind] { return group }
            groupOfKind[kind] = groupKinds.count
            groupKinds.append(kind)
            return groupKinds.count - 1
        }
        let areas = cells.topology.unions(group: groups, groupCount: groupKinds.count)
        var areasKm2 = [Double](repeating: 0, count: groupKinds.count)
        for (cell, group) in groups.enumerated() { areasKm2[group] += cells.topology.areasKm2[cell] }
        var zones = groupKinds.indices.map { Zone(kind: groupKinds[$0], area: areas[$0], areaKm2: areasKm2[$0]) }
        let areaClaims = TerritoryMap.active(areaClaims, at: snapshot.date)
        zones = try TerritoryMap.applying(areaClaims, to: zones, within: cells.region)
        self.zones = zones.filter { !$0.area.isEmpty }.sorted { TerritoryMap.order($0.kind) < TerritoryMap.order($1.kind) }
        fronts = areaClaims.isEmpty
            ? FrontTracer.fronts(topology: cells.topology,
                                 actors: kinds.map { if case .held(let actor) = $0 { actor } else { nil } })
            : try TerritoryMap.fronts(between: self.zones)
    }

    public func zone(of actor: String) -> Zone? {
        zones.first { $0.actor == actor }
    }

    static func kind(of state: ControlState?) -> Zone.Kind {
        switch state {
        case .held(let actor)?: .held(actor: actor)
        case .contested(let among)?: .contested(among: among)
        case .abandoned?, nil: .unreported
        }
    }

    private static func order(_ kind: Zone.Kind) -> String {
        switch kind {
        case .held(let actor): "0" + actor
        case .contested(let among): "1" + among.joined(separator: ",")
        case .unreported: "2"
        }
    }

    /// The latest claim of each area on or before the date.
    static func active(_ claims: [AreaClaim], at date: Day) -> [AreaClaim] {
        let current = claims.filter { $0.date <= date }
        return Dictionary(grouping: current, by: \.id).values.compactMap { $0.max { $0.date < $1.date } }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// Each area claim takes its ground from every other zone and adds it to its own.
    /// An area drawn across the border of `country` keeps only its part inside.
    private static func applying(_ claims: [AreaClaim], to zones: [Zone], within country: MultiPolygon) throws -> [Zone] {
        guard !claims.isEmpty else { return zones }
        var areas = Dictionary(uniqueKeysWithValues: zones.map { ($0.kind, $0.area) })
        for original in claims {
            var claim = original
            claim.area = try claim.area.intersection(with: country)
            let kind: Zone.Kind = switch claim.status {
            case .control: .held(actor: claim.actor)
            case .contested: .contested(among: [claim.actor])
            case .withdrawn: .unreported
            }
            for (otherKind, area) in areas where otherKind != kind {
                areas[otherKind] = try area.difference(claim.area)
            }
            areas[kind] = try (areas[kind] ?? MultiPolygon()).union(with: claim.area)
        }
        return areas.map { Zone(kind: $0.key, area: $0.value) }
    }

    /// Fronts by overlay of the zones' outlines, for when area claims have cut across the cells.
    private static func fronts(between zones: [Zone]) throws -> [FrontLine] {
        let held = zones.filter { $0.actor != nil }
        let boundaries = try held.map { try $0.area.boundary() }
        var fronts = [FrontLine]()
        for i in held.indices {
            for j in held.indices where j > i {
                guard let a = held[i].area.envelope, let b = held[j].area.envelope, a.intersects(b) else { continue }
                let line = try boundaries[i].sharedRuns(with: boundaries[j])
                if !line.isEmpty {
                    fronts.append(FrontLine(actors: [held[i].actor!, held[j].actor!].sorted(), line: line))
                }
            }
        }
        return fronts
    }
}
