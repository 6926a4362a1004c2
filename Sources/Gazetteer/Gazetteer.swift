public import Geometry

/// Every known place, indexed for look-up by id, by any spelling, and by position.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let byID: [String: Int]
    /// Ids of places that a curated row replaced, pointing at the replacement.
    private let aliases: [String: String]
    /// Settlements whose sources disagree on the point by more than 2 km, for `check` to report.
    public let divergences: [SourceDivergence]
    private let nameIndex: LazyNameIndex
    /// Every spelling, indexed when first asked for.
    var names: NameIndex { nameIndex.index }
    /// What the name index is built from: each name's key, and its owner.
    var nameKeys: [NameKey] { nameIndex.nameKeys }
    var nameOwners: [NameIndex.Owner] { nameIndex.owners }
    /// Indices of places known beyond the imported village layers; see `LayerMerger.notable`.
    let notable: Set<Int>
    /// The outlines of outlined places (neighbourhoods), by place id: such a place's ground is its outline.
    public let outlines: [String: MultiPolygon]
    /// Whether every id and alias is ASCII, as ids of every layer are.
    private let idsAreASCII: Bool

    /// Builds a gazetteer from layers in order of precedence, lowest first (GeoNames, Who's On First, OCHA
    /// communities, curated, scenario); see `LayerMerger` for how rows naming one settlement become one place.
    /// `outlines` are keyed by the id of the row that brought them; the place that row merged into gets it.
    public init(layers: [[Place]], outlines: [String: MultiPolygon] = [:]) {
        var merger = LayerMerger()
        for layer in layers {
            for place in layer { merger.add(place) }
        }
        self.places = merger.places
        self.byID = merger.byID
        self.aliases = merger.aliases
        self.divergences = merger.divergences
        self.notable = merger.notable
        self.nameIndex = LazyNameIndex(merger.places, known: merger.nameKeys)
        var kept = [String: MultiPolygon]()
        for (id, outline) in outlines.sorted(by: { $0.key < $1.key }) {
            guard let index = merger.index(of: id) else { continue }
            kept[merger.places[index].id] = kept[merger.places[index].id] ?? outline
        }
        self.outlines = kept
        idsAreASCII = Self.asciiOnly(merger.byID, merger.aliases)
    }

    public init(places: [Place]) {
        self.init(layers: [places])
    }

    /// A gazetteer read back from its cached parts; nil when they do not fit together.
    init?(places: [Place], aliases: [String: String], divergences: [SourceDivergence], notable: Set<Int>,
          names: LazyNameIndex, outlines: [String: MultiPolygon]) {
        guard names.lastPlace < places.count, notable.allSatisfy(places.indices.contains) else { return nil }
        self.places = places
        // By index, not by `enumerated()`: each place copied out would retain and release every one of its texts.
        var byID = [String: Int](minimumCapacity: places.count)
        for index in places.indices where byID[places[index].id] == nil { byID[places[index].id] = index }
        self.byID = byID
        self.aliases = aliases
        self.divergences = divergences
        self.notable = notable
        self.nameIndex = names
        self.outlines = outlines
        idsAreASCII = Self.asciiOnly(byID, aliases)
    }

    private static func asciiOnly(_ ids: [String: Int], _ aliases: [String: String]) -> Bool {
        for id in Array(ids.keys) + Array(aliases.keys) where id.utf8.contains(where: { $0 >= 0x80 }) { return false }
        return true
    }

    /// Ids of places that a curated row replaced or an imported row joined, with the id they now go by.
    var aliasTable: [String: String] { aliases }

    /// The place with this id, following the aliases of merged and replaced rows.
    public func place(id: String) -> Place? {
        // Ids are ASCII in every layer; an Arabic query is not one, and need not be hashed with Unicode rules.
        if idsAreASCII && id.utf8.contains(where: { $0 >= 0x80 }) { return nil }
        var id = id
        for _ in 0..<4 {
            if let index = byID[id] { return places[index] }
            guard let next = aliases[id] else { return nil }
            id = next
        }
        return nil
    }

    /// The outline of an outlined place, following aliases; nil for a place known by its point only.
    public func outline(of id: String) -> MultiPolygon? {
        place(id: id).flatMap { outlines[$0.id] }
    }

    /// The index in `places` of the place with this id, following aliases.
    func index(of id: String) -> Int? {
        place(id: id).flatMap { byID[$0.id] }
    }

    /// Places whose parent is `id`.
    public func children(of id: String) -> [Place] {
        places.filter { $0.parent == id }
    }

    /// True when `place` lies inside `ancestor` through its chain of parents.
    public func isDescendant(_ place: Place, of ancestor: Place) -> Bool {
        var current = place
        var seen = Set<String>()
        while let parentID = current.parent, !seen.contains(parentID), let parent = self.place(id: parentID) {
            if parent.id == ancestor.id { return true }
            seen.insert(parentID)
            current = parent
        }
        return false
    }

    /// The place nearest to a position, with its distance in km; nil for an empty gazetteer.
    public func nearest(to position: LonLat) -> (place: Place, distanceKm: Double)? {
        places.map { ($0, Geodesic.distanceKm(position, $0.lonLat)) }.min { $0.1 < $1.1 }
    }
}
