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

    /// Builds the zones in four layers, each over the one before: the places' cells, the claimed regions (each
    /// region's ground to its holder, but for the cells, cut to the region, of the places inside it whose own
    /// state differs), the outlines of outlined places with a state (an outline is its place's ground, whatever
    /// cell or region lay there), and the area claims; everything is cut to the cells' ground, the country. The
    /// layers are cut into one planar map whose faces each take a state (`GroundFaces`): a zone is a walk round
    /// its faces, its area the sum of theirs, and fronts are the edges between faces of different sides.
    /// `circles[i]` is the reach circle cell i was cut to; without them no edge counts as a reach limit. The
    /// planar map is kept in `overlays`, when given, for other dates cut from the same layers.
    public init(snapshot: Snapshot, cells: PlaceCells, areaClaims: [AreaClaim] = [], sides: Sides = Sides(),
                regions: [RegionGround] = [], outlines: [PlaceOutline] = [], circles: [ReachCircle?] = [],
                overlays: OverlayStore? = nil) throws {
        self.snapshot = snapshot
        let cellKinds = cells.placeIDs.map { Zone.Kind(snapshot.controls[$0]?.state) } + [.unreported]
        let ground = try GroundFaces(cells: cells, cellKinds: cellKinds, snapshot: snapshot, regions: regions,
                                 outlines: outlines, areaClaims: TerritoryMap.active(areaClaims, at: snapshot.date),
                                 overlays: overlays)
        let (faceGroup, kinds) = ground.groups()
        let areas = ground.map.unions(faceGroup: faceGroup, groupCount: kinds.count)
        let areasKm2 = ground.map.areasKm2(faceGroup: faceGroup, groupCount: kinds.count)
        zones = kinds.indices.map { Zone(kind: kinds[$0], area: areas[$0], areaKm2: areasKm2[$0]) }
            .filter { !$0.area.isEmpty }.sorted { $0.kind.order < $1.kind.order }
        let faceKinds = faceGroup.map { $0 >= 0 ? kinds[Int($0)] : nil }
        reachLimits = ReachLimits(map: ground.map, cellOfFace: ground.cells, circles: circles, kinds: faceKinds)
        fronts = FrontTracer.fronts(map: ground.map, holders: faceKinds.map { $0?.holder }, sides: sides,
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
}
