public import Geometry

/// A region claim's ground at a date: the region's outline less the claimed regions inside it, held in `kind`
/// except where a place inside with a state of its own keeps its cell.
public struct RegionGround: Sendable {
    public var regionID: String
    public var area: MultiPolygon
    public var kind: Zone.Kind
    /// The places that lie in this ground.
    public var placeIDs: [String]

    public init(regionID: String, area: MultiPolygon, kind: Zone.Kind, placeIDs: [String]) {
        self.regionID = regionID
        self.area = area
        self.kind = kind
        self.placeIDs = placeIDs
    }
}

/// The claimed regions' ground as a whole, and the unions of groups of them an overlay asks for, kept: they
/// change only when a region is claimed anew, so a scenario's dates share them (`TerritoryModel` keeps one per
/// set of claimed regions). Safe to share between threads.
public final class RegionCover: Sendable {
    /// Every claimed region's ground.
    public let covered: MultiPolygon
    private let unions = Memo<MultiPolygon>()

    /// `areas`: every claimed region's ground.
    public init(areas: [MultiPolygon]) throws {
        covered = try MultiPolygon.unionAll(areas)
    }

    /// The union of `regions`' ground, computed once per set of regions.
    func union(of regions: [RegionGround]) throws -> MultiPolygon {
        try unions.value(regions.map(\.regionID).joined(separator: " ")) {
            try MultiPolygon.unionAll(regions.map(\.area))
        }
    }
}

extension TerritoryMap {
    /// Each region's ground goes to its holder, but for the cells (cut to the region) of the places inside it
    /// whose own state differs; ground outside every region keeps the cells' zones. The regions of one holder
    /// with no such cells come as one kept union (`cover`), so that a date unions a few large pieces per kind
    /// rather than every region's outline again; a region with such cells gives its own rest, cut by the same
    /// operations as the cells' ground, so that the two meet on identical edges (where fronts are found).
    static func applying(_ regions: [RegionGround], to zones: [Zone], cells: PlaceCells, kinds: [Zone.Kind],
                         cover: RegionCover) throws -> [Zone] {
        var parts = [Zone.Kind: [MultiPolygon]]()
        for zone in zones {
            let outside = try zone.area.difference(cover.covered)
            if !outside.isEmpty { parts[zone.kind, default: []].append(outside) }
        }
        let kindOf = Dictionary(uniqueKeysWithValues: cells.placeIDs.enumerated().map { ($1, kinds[$0]) })
        var whole = [Zone.Kind: [RegionGround]]()
        for region in regions {
            var exceptions = [Zone.Kind: [Int]]()
            for id in region.placeIDs {
                guard let kind = kindOf[id], kind != region.kind, kind != .unreported,
                      let cell = cells.index(of: id), !cells.cells[cell].isEmpty else { continue }
                exceptions[kind, default: []].append(cell)
            }
            guard !exceptions.isEmpty else {
                whole[region.kind, default: []].append(region)
                continue
            }
            var rest = region.area
            // In a fixed order: the same inputs give the same bytes.
            for (kind, cellsOfKind) in exceptions.sorted(by: { $0.key.order < $1.key.order }) {
                // The cells' union by their shared edges, as the zones are traced.
                var group = [Int](repeating: -1, count: cells.cells.count + 1)
                for cell in cellsOfKind { group[cell] = 0 }
                let ground = try cells.topology.unions(group: group, groupCount: 1)[0].intersection(with: region.area)
                guard !ground.isEmpty else { continue }
                parts[kind, default: []].append(ground)
                rest = try rest.difference(ground)
            }
            if !rest.isEmpty { parts[region.kind, default: []].append(rest) }
        }
        for (kind, held) in whole.sorted(by: { $0.key.order < $1.key.order }) {
            parts[kind, default: []].append(try cover.union(of: held))
        }
        return try parts.sorted { $0.key.order < $1.key.order }
            .map { kind, pieces in Zone(kind: kind, area: try MultiPolygon.unionAll(pieces)) }
    }
}
