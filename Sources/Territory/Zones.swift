public import Claims
public import Geometry
import Planar

/// Ground of one state at a date.
public struct Zone: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case held(actor: String)
        /// Held together by allies of one side.
        case shared(among: [String])
        /// Fought over, or claimed by different sides on one day.
        case contested(among: [String])
        /// Left by its holder, a source says, with nobody reported in it.
        case abandoned
        /// Ground that no claim reaches.
        case unreported

        /// The actors with a hand in the ground; empty for abandoned and unreported ground.
        public var actors: [String] {
            switch self {
            case .held(let actor): [actor]
            case .shared(let among), .contested(let among): among
            case .abandoned, .unreported: []
            }
        }

        /// The ground of a place in this state.
        public init(_ state: ControlState?) {
            switch state {
            case .held(let actor)?: self = .held(actor: actor)
            case .shared(let among)?: self = .shared(among: among)
            case .contested(let among)?: self = .contested(among: among)
            case .abandoned?: self = .abandoned
            case nil: self = .unreported
            }
        }

        /// Who holds the ground for front lines: the holder or the first sharer; nil where nobody holds it.
        var holder: String? {
            switch self {
            case .held(let actor): actor
            case .shared(let among): among.first
            case .contested, .abandoned, .unreported: nil
            }
        }

        /// Held ground first by actor, then shared, contested, abandoned and unreported.
        var order: String {
            switch self {
            case .held(let actor): "0" + actor
            case .shared(let among): "1" + among.joined(separator: ",")
            case .contested(let among): "2" + among.joined(separator: ",")
            case .abandoned: "3"
            case .unreported: "4"
            }
        }
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

/// Where two sides' zones meet.
public struct FrontLine: Hashable, Sendable {
    /// The holders of the two zones, sorted.
    public var actors: [String]
    public var line: MultiLineString
}

/// An outlined place's ground: its outline, whatever the cells around it.
public struct PlaceOutline: Sendable {
    public var placeID: String
    public var area: MultiPolygon

    public init(placeID: String, area: MultiPolygon) {
        self.placeID = placeID
        self.area = area
    }
}

/// Zones and front lines at one date: the territory a snapshot implies.
public struct TerritoryMap: Sendable {
    public var snapshot: Snapshot
    /// Held zones by actor id order, then shared, contested, abandoned and unreported ground; empty ones left out.
    public var zones: [Zone]
    public var fronts: [FrontLine]
    /// Where zones drawn from cells end at their places' reach, not at a neighbour's cell.
    public var reachLimits: ReachLimits

    /// Builds the zones in four layers, each over the one before: the places' cells (a coverage union by edge
    /// cancellation over the cells' topology, with their cached areas), the claimed regions (each region's ground
    /// to its holder, but for the cells of places inside with another state), the outlines of outlined places
    /// with a state (an outline, cut to the country, is its place's ground, whatever cell or region lay there),
    /// and the area claims. Fronts run between the zones of different sides.
    /// `circles[i]` is the reach circle cell i was cut to; without them no edge counts as a reach limit.
    public init(snapshot: Snapshot, cells: PlaceCells, areaClaims: [AreaClaim] = [], sides: Sides = Sides(),
                regions: [RegionGround] = [], regionCover: RegionCover? = nil, outlines: [PlaceOutline] = [],
                circles: [ReachCircle?] = []) throws {
        self.snapshot = snapshot
        let kinds = cells.placeIDs.map { Zone.Kind(snapshot.controls[$0]?.state) } + [.unreported]
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
        let overlaid = !regions.isEmpty || !areaClaims.isEmpty || !outlines.isEmpty
        if !regions.isEmpty {
            zones = try TerritoryMap.applying(regions, to: zones, cells: cells, kinds: kinds,
                                              cover: try regionCover ?? RegionCover(areas: regions.map(\.area)))
        }
        if !outlines.isEmpty {
            zones = try TerritoryMap.applying(outlines, to: zones, snapshot: snapshot, within: cells.region)
        }
        zones = try TerritoryMap.applying(areaClaims, to: zones, within: cells.region)
        if overlaid { zones = zones.map(TerritoryMap.withoutSlivers) }
        self.zones = zones.filter { !$0.area.isEmpty }.sorted { $0.kind.order < $1.kind.order }
        reachLimits = ReachLimits(cells: cells, circles: circles, kinds: kinds, overlaid: overlaid ? self.zones : nil)
        fronts = overlaid
            ? try reachLimits.trimming(try TerritoryMap.fronts(between: self.zones, sides: sides))
            : FrontTracer.fronts(topology: cells.topology, actors: kinds.map(\.holder), sides: sides,
                                 skipped: reachLimits.keys)
    }

    public func zone(of actor: String) -> Zone? {
        zones.first { $0.actor == actor }
    }

    /// The latest claim of each area on or before the date.
    static func active(_ claims: [AreaClaim], at date: Day) -> [AreaClaim] {
        let current = claims.filter { $0.date <= date }
        return Dictionary(grouping: current, by: \.id).values.compactMap { $0.max { $0.date < $1.date } }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// Each outline, cut to the country, goes to its place's state, taken from whichever zone held that ground.
    private static func applying(_ outlines: [PlaceOutline], to zones: [Zone], snapshot: Snapshot,
                                 within country: MultiPolygon) throws -> [Zone] {
        var parts = [Zone.Kind: [MultiPolygon]]()
        for outline in outlines {
            parts[Zone.Kind(snapshot.controls[outline.placeID]?.state), default: []].append(outline.area)
        }
        for (kind, pieces) in parts.sorted(by: { $0.key.order < $1.key.order }) {
            parts[kind] = [try MultiPolygon.unionAll(pieces).intersection(with: country)]
        }
        let covered = try MultiPolygon.unionAll(parts.sorted { $0.key.order < $1.key.order }.flatMap(\.value))
        for zone in zones {
            let outside = try zone.area.difference(covered)
            if !outside.isEmpty { parts[zone.kind, default: []].append(outside) }
        }
        return try parts.sorted { $0.key.order < $1.key.order }
            .map { kind, pieces in Zone(kind: kind, area: try MultiPolygon.unionAll(pieces)) }
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
            case .withdrawn: .abandoned
            }
            for (otherKind, area) in areas.sorted(by: { $0.key.order < $1.key.order }) where otherKind != kind {
                areas[otherKind] = try area.difference(claim.area)
            }
            areas[kind] = try (areas[kind] ?? MultiPolygon()).union(with: claim.area)
        }
        return areas.sorted { $0.key.order < $1.key.order }.map { Zone(kind: $0.key, area: $0.value) }
    }

    /// Overlays of outlines drawn from different sources leave slivers far below any report's precision: parts
    /// and holes under about 0.05 km² (5e-6 square degrees) are dropped, so they draw no front or speck.
    private static func withoutSlivers(_ zone: Zone) -> Zone {
        let minimum = 1e-5  // twice the planar area, in square degrees
        func size(_ ring: [LonLat]) -> Double { abs(ring.ringSignedArea) }
        let polygons = zone.area.polygons.filter { size($0.exterior) >= minimum }.map { polygon in
            Polygon(exterior: polygon.exterior, holes: polygon.holes.filter { size($0) >= minimum })
        }
        let cleaned = MultiPolygon(polygons)
        return cleaned == zone.area ? zone : Zone(kind: zone.kind, area: cleaned)
    }

    /// Fronts by overlay of the zones' outlines, for when regions or area claims have cut across the cells.
    private static func fronts(between zones: [Zone], sides: Sides) throws -> [FrontLine] {
        let held = zones.filter { $0.kind.holder != nil }
        let boundaries = try held.map { try $0.area.boundary() }
        var fronts = [FrontLine]()
        for i in held.indices {
            for j in held.indices where j > i {
                let (a, b) = (held[i].kind.holder!, held[j].kind.holder!)
                guard !sides.areAllies(a, b) else { continue }
                guard let boxA = held[i].area.envelope, let boxB = held[j].area.envelope, boxA.intersects(boxB)
                else { continue }
                let line = try boundaries[i].sharedRuns(with: boundaries[j])
                if !line.isEmpty { fronts.append(FrontLine(actors: [a, b].sorted(), line: line)) }
            }
        }
        return fronts.sorted { $0.actors.joined(separator: ",") < $1.actors.joined(separator: ",") }
    }
}
