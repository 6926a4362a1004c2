public import Geometry

/// What a place is; decides its symbol, its label priority and how far its cell may reach.
public enum PlaceKind: String, CaseIterable, Hashable, Sendable, Codable {
    case city, town, village, neighbourhood, district, camp, airport, airbase, base, landmark, prison, crossing

    /// How far (km) a place of this kind plausibly controls ground around it when nothing nearer is reported.
    public var reachKm: Double {
        switch self {
        case .city: 45
        case .town: 30
        case .village: 18
        case .airport, .airbase, .base: 12
        case .crossing, .prison, .landmark: 6
        case .neighbourhood, .district, .camp: 3
        }
    }

    /// Higher ranks first when names tie, and labels of higher rank are placed first.
    public var rank: Int {
        switch self {
        case .city: 10
        case .town: 8
        case .airbase, .airport, .base: 7
        case .village: 5
        case .district, .neighbourhood, .camp: 4
        case .landmark, .prison, .crossing: 3
        }
    }
}

/// A named place with a sourced position.
public struct Place: Hashable, Sendable, Identifiable {
    public var id: String
    public var kind: PlaceKind
    public var nameEn: String
    public var nameAr: String
    public var altNames: [String]
    public var lonLat: LonLat
    /// The id of the place this one lies in (a neighbourhood's city), if any.
    public var parent: String?
    /// The governorate, in OCHA's English spelling.
    public var admin1: String
    /// The district (OCHA admin 2), in OCHA's English spelling; empty when unknown.
    public var admin2: String
    /// OCHA's community P-code (`C1234`); empty when OCHA lists no community here.
    public var pcode: String
    /// The GeoNames id, when GeoNames knows the place.
    public var geonamesID: Int?
    public var population: Int?
    /// Where the coordinate comes from: a URL, or a dataset and id.
    public var source: String

    public init(id: String, kind: PlaceKind, nameEn: String, nameAr: String = "", altNames: [String] = [],
                lonLat: LonLat, parent: String? = nil, admin1: String = "", admin2: String = "", pcode: String = "",
                geonamesID: Int? = nil, population: Int? = nil, source: String) {
        self.id = id
        self.kind = kind
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.altNames = altNames
        self.lonLat = lonLat
        self.parent = parent
        self.admin1 = admin1
        self.admin2 = admin2
        self.pcode = pcode
        self.geonamesID = geonamesID
        self.population = population
        self.source = source
    }

    /// Every name it is known by, English and Arabic first.
    public var allNames: [String] {
        [nameEn, nameAr].filter { !$0.isEmpty } + altNames
    }

    /// A row of an imported settlement layer (Who's On First, OCHA communities) rather than a curated one:
    /// such rows merge with the same settlement from other sources instead of replacing it.
    public var isImported: Bool {
        source.hasPrefix("WOF ") || (!pcode.isEmpty && id == pcode)
    }

    /// How the place is identified outside the project: its P-code, else its GeoNames id.
    public var externalID: String {
        if !pcode.isEmpty { return pcode }
        return geonamesID.map { "GeoNames \($0)" } ?? ""
    }
}
