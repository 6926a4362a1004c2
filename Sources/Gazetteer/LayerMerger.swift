import Geometry

/// Two sources' points for one settlement that lie further apart than `LayerMerger.divergenceKm`.
public struct SourceDivergence: Hashable, Sendable {
    /// The id of the row whose point was set aside (an OCHA P-code, a WOF row's id…).
    public var mergedID: String
    /// The id the settlement keeps.
    public var placeID: String
    public var mergedSource: String
    public var keptSource: String
    public var distanceKm: Double
}

/// Folds layers into one place per settlement, in order of precedence, lowest first.
///
/// A row of an imported layer (Who's On First, OCHA communities) joins the settlement it names: the one with its
/// id, or its GeoNames id, or else the nearest settlement with the same English or Arabic name within `matchKm`;
/// it adds its names, P-code, GeoNames id and district, and keeps the earlier point. Any other row (curated,
/// scenario) replaces the place it names the same way, keeping that place's other spellings.
/// Ids of merged or replaced rows stay usable as aliases.
struct LayerMerger {
    static let matchKm = 5.0
    static let divergenceKm = 2.0

    private(set) var places = [Place]()
    private(set) var byID = [String: Int]()
    private(set) var aliases = [String: String]()
    private(set) var divergences = [SourceDivergence]()
    /// Places with a row outside the imported layers (GeoNames' towns of 500 people or more, curated, scenario):
    /// the better-known of two namesakes.
    private(set) var notable = Set<Int>()
    /// Places by the keys of their English and Arabic names.
    private var byKey = [String: [Int]]()
    /// The name keys worked out so far, for the name index to reuse.
    private(set) var nameKeys = [String: NameKey]()

    mutating func add(_ place: Place) {
        let keys = keys(place)
        guard let index = sameSettlement(as: place, keys: keys) else {
            if !place.isImported { notable.insert(places.count) }
            byID[place.id] = places.count
            for key in keys { byKey[key, default: []].append(places.count) }
            places.append(place)
            return
        }
        let old = places[index]
        if !place.isImported { notable.insert(index) }
        let kept = place.isImported ? Self.joined(place, into: old) : Self.replaced(old, by: place)
        let km = Geodesic.distanceKm(old.lonLat, place.lonLat)
        if km > Self.divergenceKm && old.source != place.source {
            divergences.append(SourceDivergence(mergedID: place.id, placeID: kept.id, mergedSource: place.source,
                                                keptSource: old.source, distanceKm: km))
        }
        for id in [old.id, place.id] where id != kept.id {
            aliases[id] = kept.id
            byID[id] = nil
        }
        byID[kept.id] = index
        for key in keys where !(byKey[key]?.contains(index) ?? false) { byKey[key, default: []].append(index) }
        places[index] = kept
    }

    /// The index of the place `place` stands for, following aliases.
    func index(of id: String) -> Int? {
        var id = id
        for _ in 0..<4 {
            if let index = byID[id] { return index }
            guard let next = aliases[id] else { return nil }
            id = next
        }
        return nil
    }

    private func sameSettlement(as place: Place, keys: [String]) -> Int? {
        if let index = index(of: place.id) { return index }
        if let geonamesID = place.geonamesID ?? Self.citedGeoNamesID(place.source),
           let index = index(of: "gn-\(geonamesID)") {
            return index
        }
        var best: (index: Int, km: Double)?
        for index in Set(keys.flatMap { byKey[$0] ?? [] }) {
            let other = places[index]
            // One community per settlement: a second P-code nearby is another settlement of the same name.
            guard Self.sameKindFamily(other.kind, place.kind), place.pcode.isEmpty || other.pcode.isEmpty else {
                continue
            }
            let km = Geodesic.distanceKm(other.lonLat, place.lonLat)
            if km < Self.matchKm, best == nil || km < best!.km || (km == best!.km && index < best!.index) {
                best = (index, km)
            }
        }
        return best?.index
    }

    /// The keys of its English and Arabic names, and the skeleton of the English one (marked apart from keys).
    private mutating func keys(_ place: Place) -> [String] {
        var keys = Set<String>()
        for name in [place.nameEn, place.nameAr] where !name.isEmpty {
            let key = nameKeys[name] ?? NameKey(name)
            nameKeys[name] = key
            if !key.key.isEmpty { keys.insert(key.key) }
            if key.skeleton.count >= 4 { keys.insert("~" + key.skeleton) }
        }
        return Array(keys)
    }

    private static let settlementKinds: Set<PlaceKind> = [.city, .town, .village]

    /// Kinds one settlement may have in different sources: city, town, village and camp.
    private static func sameKindFamily(_ a: PlaceKind, _ b: PlaceKind) -> Bool {
        let family = settlementKinds.union([.camp])
        return a == b || (family.contains(a) && family.contains(b))
    }

    private static func citedGeoNamesID(_ source: String) -> Int? {
        guard source.hasPrefix("GeoNames ") else { return nil }
        return source.dropFirst("GeoNames ".count).split(separator: " ").first.flatMap { Int($0) }
    }

    /// An imported row joining a settlement: the settlement keeps its id and point, gains the row's names and
    /// codes, and takes the larger of the two kinds (a district capital is a town even where GeoNames says village).
    private static func joined(_ row: Place, into old: Place) -> Place {
        var joined = old
        if settlementKinds.contains(old.kind) && settlementKinds.contains(row.kind) && row.kind.rank > old.kind.rank {
            joined.kind = row.kind
        } else if row.kind == .camp && settlementKinds.contains(old.kind) {
            joined.kind = .camp  // a source that names it a camp knows more than one that calls it a village
        }
        joined.altNames += newNames(row, over: old)
        fillGaps(&joined, from: row)
        return joined
    }

    /// A curated or scenario row replacing a place: it wins, keeping the old spellings and codes it lacks.
    private static func replaced(_ old: Place, by row: Place) -> Place {
        var replaced = row
        replaced.altNames += newNames(old, over: row)
        fillGaps(&replaced, from: old)
        return replaced
    }

    private static func newNames(_ source: Place, over target: Place) -> [String] {
        var known = Set(target.allNames)
        return source.allNames.filter { known.insert($0).inserted }
    }

    private static func fillGaps(_ place: inout Place, from other: Place) {
        if place.nameAr.isEmpty { place.nameAr = other.nameAr }
        if place.admin1.isEmpty { place.admin1 = other.admin1 }
        if place.admin2.isEmpty { place.admin2 = other.admin2 }
        if place.pcode.isEmpty { place.pcode = other.pcode }
        if place.geonamesID == nil { place.geonamesID = other.geonamesID }
        if place.population == nil { place.population = other.population }
    }
}
