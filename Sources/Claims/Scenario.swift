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

/// Everything a scenario folder holds, with every claim's place resolved to a gazetteer id.
public struct Scenario: Sendable {
    public var title: LocalizedText
    public var actors: [Actor]
    public var views: [NamedView]
    public var defaultView: String
    public var claims: [Claim]
    public var areaClaims: [AreaClaim]
    /// The project gazetteer with the scenario's own places on top.
    public var gazetteer: Gazetteer

    public init(title: LocalizedText, actors: [Actor], views: [NamedView], defaultView: String, claims: [Claim],
                areaClaims: [AreaClaim] = [], gazetteer: Gazetteer) {
        self.title = title
        self.actors = actors
        self.views = views
        self.defaultView = defaultView
        self.claims = claims
        self.areaClaims = areaClaims
        self.gazetteer = gazetteer
    }

    public func actor(id: String) -> Actor? {
        actors.first { $0.id == id }
    }

    /// Every date with a claim, in order.
    public var dates: [Day] {
        Array(Set(claims.map(\.date) + areaClaims.map(\.date))).sorted()
    }

    /// The snapshot at `date`.
    public func snapshot(at date: Day) -> Snapshot {
        Snapshot(claims: claims, gazetteer: gazetteer, date: date)
    }

    /// Places that any claim makes part of the map: the claimed ones and their descendants.
    public var mappedPlaceIDs: Set<String> {
        let claimed = Set(claims.map(\.placeID))
        var mapped = claimed
        for place in gazetteer.places where !mapped.contains(place.id) {
            if claimed.contains(where: { id in gazetteer.place(id: id).map { gazetteer.isDescendant(place, of: $0) } ?? false }) {
                mapped.insert(place.id)
            }
        }
        return mapped
    }

    /// Distinct citations of every claim, in the order they first appear.
    public var citations: [Citation] {
        (claims.map(\.citation) + areaClaims.map(\.citation)).uniquedCitations()
    }
}
