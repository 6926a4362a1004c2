public import Geometry

/// Every known place, indexed for look-up by id, by any spelling, and by position.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let byID: [String: Int]
    /// Ids of places that a curated row replaced, pointing at the replacement.
    private let aliases: [String: String]
    let names: NameIndex

    /// Builds a gazetteer from layers in order of precedence, lowest first (GeoNames, curated, scenario).
    /// A later row replaces an earlier place it cites (`GeoNames 123` replaces `gn-123`) or that has the same
    /// name within 5 km; the replaced id stays usable as an alias.
    public init(layers: [[Place]]) {
        var places = [Place]()
        var byID = [String: Int]()
        var aliases = [String: String]()
        var geoNamesByKey = [String: [Int]]()
        for layer in layers {
            for place in layer {
                if let replaced = Gazetteer.replacedIndex(by: place, in: places, byID: byID, geoNamesByKey) {
                    let old = places[replaced]
                    if old.id != place.id { aliases[old.id] = place.id }
                    byID[old.id] = nil
                    places[replaced] = Gazetteer.merged(place, over: old)
                    byID[place.id] = replaced
                } else {
                    byID[place.id] = places.count
                    if place.id.hasPrefix("gn-") { geoNamesByKey[NameKey(place.nameEn).key, default: []].append(places.count) }
                    places.append(place)
                }
            }
        }
        self.places = places
        self.byID = byID
        self.aliases = aliases
        self.names = NameIndex(places)
    }

    public init(places: [Place]) {
        self.init(layers: [places])
    }

    /// The place with this id, following the aliases of replaced places.
    public func place(id: String) -> Place? {
        if let index = byID[id] { return places[index] }
        if let target = aliases[id], let index = byID[target] { return places[index] }
        return nil
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

    // MARK: - Layer precedence

    private static func replacedIndex(
        by place: Place, in places: [Place], byID: [String: Int], _ geoNamesByKey: [String: [Int]]
    ) -> Int? {
        if let same = byID[place.id] { return same }
        if place.source.hasPrefix("GeoNames "),
           let geonameID = place.source.dropFirst("GeoNames ".count).split(separator: " ").first,
           let index = byID["gn-\(geonameID)"] {
            return index
        }
        return geoNamesByKey[NameKey(place.nameEn).key]?.first { index in
            places[index].id.hasPrefix("gn-") && Geodesic.distanceKm(places[index].lonLat, place.lonLat) < 5
        }
    }

    /// The new row wins, but keeps the old one's extra spellings and population when it has none.
    private static func merged(_ place: Place, over old: Place) -> Place {
        var merged = place
        let known = Set(place.allNames)
        merged.altNames += old.allNames.filter { !known.contains($0) }
        if merged.population == nil { merged.population = old.population }
        if merged.nameAr.isEmpty { merged.nameAr = old.nameAr }
        if merged.admin1.isEmpty { merged.admin1 = old.admin1 }
        return merged
    }
}
