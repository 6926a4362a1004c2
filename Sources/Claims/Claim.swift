public import Gazetteer
public import Geometry

/// A party that can hold ground, with its map colour (`#rrggbb`).
public struct Actor: Hashable, Sendable, Identifiable {
    public var id: String
    public var nameEn: String
    public var nameAr: String
    public var colour: String

    public init(id: String, nameEn: String, nameAr: String, colour: String) {
        self.id = id
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.colour = colour
    }
}

/// What a report says of a place.
public enum ClaimStatus: String, CaseIterable, Hashable, Sendable {
    /// The actor holds the place.
    case control
    /// The actor fights for the place; nobody holds it firmly.
    case contested
    /// The actor has left the place and nobody is reported holding it.
    case withdrawn
}

/// Who reported a fact, and where to read it.
public struct Citation: Hashable, Sendable {
    public var source: String
    public var url: String

    public init(source: String, url: String) {
        self.source = source
        self.url = url
    }
}

/// One reported fact: on `date`, `actor` has `status` at the place `placeID`.
public struct Claim: Hashable, Sendable {
    public var date: Day
    public var placeID: String
    public var actor: String
    public var status: ClaimStatus
    public var citation: Citation
    public var note: String
    /// Where the claim was read, for messages.
    public var location: SourceLocation
    /// The claim names a container and says it holds for everything inside, enclaves of other sides included
    /// (`covers` = `all` in claims.csv); otherwise it passes only to places it displaces a side from.
    public var coversAll: Bool

    public init(date: Day, placeID: String, actor: String, status: ClaimStatus, citation: Citation,
                note: String = "", location: SourceLocation, coversAll: Bool = false) {
        self.date = date
        self.placeID = placeID
        self.actor = actor
        self.status = status
        self.citation = citation
        self.note = note
        self.location = location
        self.coversAll = coversAll
    }
}

/// Control recorded as an area rather than at places; drawn over the zones of places.
public struct AreaClaim: Hashable, Sendable {
    public var id: String
    public var date: Day
    public var actor: String
    public var status: ClaimStatus
    public var area: MultiPolygon
    public var citation: Citation
    public var note: String

    public init(id: String, date: Day, actor: String, status: ClaimStatus, area: MultiPolygon, citation: Citation,
                note: String) {
        self.id = id
        self.date = date
        self.actor = actor
        self.status = status
        self.area = area
        self.citation = citation
        self.note = note
    }
}
