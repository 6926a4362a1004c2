public import Geometry

/// A neighbouring country, drawn grey and named on maps.
public struct Country: Hashable, Sendable {
    public var id: String
    public var nameEn: String
    public var nameAr: String
    public var area: MultiPolygon
}

/// The layers drawn under the zones: the country, its neighbours, land and water.
public struct Basemap: Hashable, Sendable {
    /// The country mapped (Syria); zones never leave it.
    public var country: Country
    public var neighbours: [Country]
    /// Land of the whole extent; anything else is sea. Empty means: draw no sea.
    public var land: MultiPolygon
    public var lakes: MultiPolygon
    public var rivers: MultiLineString
    /// Rivers unsimplified around each outlined city, for city views.
    public var cityRivers: MultiLineString
    /// Each outlined city's edge (the union of its neighbourhoods) by the city's place id.
    public var cityEdges: [String: MultiPolygon]
    /// Credits of the data, one line per source, for map footers.
    public var attributions: [String]

    public init(country: Country, neighbours: [Country] = [], land: MultiPolygon = MultiPolygon(),
                lakes: MultiPolygon = MultiPolygon(), rivers: MultiLineString = MultiLineString(),
                cityRivers: MultiLineString = MultiLineString(), cityEdges: [String: MultiPolygon] = [:],
                attributions: [String] = []) {
        self.country = country
        self.neighbours = neighbours
        self.land = land
        self.lakes = lakes
        self.rivers = rivers
        self.cityRivers = cityRivers
        self.cityEdges = cityEdges
        self.attributions = attributions
    }
}
