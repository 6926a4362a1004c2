public import Geometry

/// A region claim's ground at a date: the region's outline less the claimed regions inside it, held in `kind`
/// except where a place inside with a state of its own keeps its cell (`GroundFaces`).
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
