public import Foundation
public import Gazetteer
public import Geometry

/// Claims read from another source, for a user to review before adding them to `claims.csv`, with an account of
/// what could not become a claim.
public struct DraftClaims: Sendable {
    /// One row of `claims.csv`.
    public struct Row: Hashable, Sendable {
        public var date: Day
        public var placeID: String
        public var actor: String
        public var status: String
        public var citation: Citation
        public var note: String
    }

    public var rows: [Row] = []
    /// Records that named a place the gazetteer could not place, with where they are in the input.
    public var unplaced: [(location: SourceLocation, name: String)] = []
    /// Records left out on purpose, counted by their kind (an ACLED sub-event type).
    public var skipped: [String: Int] = [:]
    /// Actor names or icons with no entry in the scenario's import tables, counted; never guessed.
    public var unmapped: [String: Int] = [:]

    public init() {}

    /// `date,place,actor,status,source,url,note` rows, sorted by date and place so the same input gives the
    /// same bytes.
    public var csv: String {
        let sorted = rows.sorted { ($0.date, $0.placeID, $0.actor) < ($1.date, $1.placeID, $1.actor) }
        let lines = sorted.map { row in
            [row.date.description, row.placeID, row.actor, row.status, row.citation.source, row.citation.url, row.note]
                .map(PlaceTable.quoted).joined(separator: ",")
        }
        return (["date,place,actor,status,source,url,note"] + lines).joined(separator: "\n") + "\n"
    }
}

/// Finds the gazetteer place a source names at a coordinate: the name must resolve to a place near the coordinate;
/// an unknown name falls back to the nearest place when it is very close.
struct PlaceMatcher {
    let gazetteer: Gazetteer
    /// How far a named place may lie from the source's coordinate.
    static let namedReachKm = 10.0
    /// How close the nearest place must be when the name is unknown.
    static let nearestReachKm = 2.0

    func place(named name: String, at position: LonLat?) -> Place? {
        let near = { (place: Place) -> Bool in
            guard let position else { return true }
            return Geodesic.distanceKm(place.lonLat, position) <= Self.namedReachKm
        }
        if !name.isEmpty {
            switch gazetteer.resolve(name) {
            case .found(let place, _):
                return near(place) ? place : nil
            case .ambiguous(let candidates):
                guard let position else { return nil }
                return candidates.filter(near)
                    .min { Geodesic.distanceKm($0.lonLat, position) < Geodesic.distanceKm($1.lonLat, position) }
            case .unknown:
                break
            }
        }
        guard let position, let nearest = gazetteer.nearest(to: position), nearest.distanceKm <= Self.nearestReachKm
        else { return nil }
        return nearest.place
    }
}
