public import Gazetteer
public import Geometry

/// A text in English and Arabic.
public struct LocalizedText: Hashable, Sendable {
    public var en: String
    public var ar: String

    public init(en: String, ar: String) {
        self.en = en
        self.ar = ar
    }
}

/// A named map extent from the scenario file.
public struct NamedView: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var envelope: Envelope

    public init(id: String, name: LocalizedText, envelope: Envelope) {
        self.id = id
        self.name = name
        self.envelope = envelope
    }
}

/// Everything a scenario folder holds, with every claim's place resolved to a gazetteer id or a region's P-code.
public struct Scenario: Sendable {
    public let title: LocalizedText
    public let actors: [Actor]
    public let sides: Sides
    public let views: [NamedView]
    public let defaultView: String
    public let claims: [Claim]
    public let areaClaims: [AreaClaim]
    /// The project gazetteer with the scenario's own places on top.
    public let gazetteer: Gazetteer
    /// The governorates and districts a claim may name.
    public let regions: AdminRegions
    /// Every place's and region's state day by day, built once.
    public let history: ClaimHistory
    /// Every date with a claim, in order.
    public let dates: [Day]
    /// Places that any claim makes part of the map: the claimed ones and their descendants (regions apart).
    public let mappedPlaceIDs: Set<String>

    public init(title: LocalizedText, actors: [Actor], sides: Sides = Sides(), views: [NamedView], defaultView: String,
                claims: [Claim], areaClaims: [AreaClaim] = [], gazetteer: Gazetteer,
                regions: AdminRegions = AdminRegions()) {
        self.title = title
        self.actors = actors
        self.sides = sides
        self.views = views
        self.defaultView = defaultView
        self.claims = claims
        self.areaClaims = areaClaims
        self.gazetteer = gazetteer
        self.regions = regions
        dates = Array(Set(claims.map(\.date) + areaClaims.map(\.date))).sorted()
        let mapped = Scenario.mapped(claims: claims, gazetteer: gazetteer)
        mappedPlaceIDs = mapped
        history = ClaimHistory(claims: claims, gazetteer: gazetteer, sides: sides,
                               containers: Scenario.containers(of: mapped, claims: claims, gazetteer: gazetteer,
                                                               regions: regions))
    }

    public func actor(id: String) -> Actor? {
        actors.first { $0.id == id }
    }

    /// The snapshot at `date`.
    public func snapshot(at date: Day) -> Snapshot {
        history.snapshot(at: date)
    }

    /// Distinct citations of every claim, in the order they first appear.
    public var citations: [Citation] {
        (claims.map(\.citation) + areaClaims.map(\.citation)).uniquedCitations()
    }

    /// The English name of a place or region id, for listings.
    public func name(of id: String) -> String {
        gazetteer.place(id: id)?.nameEn ?? regions.region(id: id).map { "\($0.nameEn) \($0.level.rawValue)" } ?? id
    }

    private static func mapped(claims: [Claim], gazetteer: Gazetteer) -> Set<String> {
        let claimed = Set(claims.map(\.placeID).filter { gazetteer.place(id: $0) != nil })
        var mapped = claimed
        for place in gazetteer.places where !mapped.contains(place.id) {
            var parentID = place.parent
            var seen = Set<String>()
            while let id = parentID, seen.insert(id).inserted {
                if claimed.contains(id) {
                    mapped.insert(place.id)
                    break
                }
                parentID = gazetteer.place(id: id)?.parent
            }
        }
        return mapped
    }

    /// For each mapped place, the claimed regions it lies in (district first); for each claimed district, its
    /// governorate.
    private static func containers(of mapped: Set<String>, claims: [Claim], gazetteer: Gazetteer,
                                   regions: AdminRegions) -> [String: [String]] {
        let claimedRegions = Set(claims.map(\.placeID).filter { regions.region(id: $0) != nil })
        guard !claimedRegions.isEmpty else { return [:] }
        var containers = [String: [String]]()
        for id in mapped {
            guard let place = gazetteer.place(id: id) else { continue }
            let inside = regions.containing(place.lonLat).map(\.id).filter(claimedRegions.contains)
            if !inside.isEmpty { containers[id] = inside }
        }
        for id in claimedRegions {
            if let parent = regions.region(id: id)?.parent, claimedRegions.contains(parent) { containers[id] = [parent] }
        }
        return containers
    }
}
