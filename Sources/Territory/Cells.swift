public import Claims
public import Gazetteer
public import Geometry
import Planar

/// A Voronoi cell per mapped place, clipped to the country and to the place's reach. Computed once per
/// gazetteer and extent (and cached by `key`); every date's zones are unions of these cells.
public struct PlaceCells: Sendable {
    /// Place ids in the order of `cells`.
    public let placeIDs: [String]
    public let cells: [MultiPolygon]
    /// Country that no place reaches.
    public let unreached: MultiPolygon
    /// Identifies the inputs; equal keys mean equal cells.
    public let key: String
    private let indexByID: [String: Int]
    /// The cells' edges with their neighbours, `unreached` last: what a date's zones and fronts are traced from.
    let topology: CellTopology

    public init(placeIDs: [String], cells: [MultiPolygon], unreached: MultiPolygon, key: String) {
        self.init(placeIDs: placeIDs, cells: cells, unreached: unreached, key: key, areasKm2: nil)
    }

    /// `areasKm2`, when given, holds each cell's area and then the unreached ground's.
    init(placeIDs: [String], cells: [MultiPolygon], unreached: MultiPolygon, key: String, areasKm2: [Double]?) {
        self.init(placeIDs: placeIDs, cells: cells, unreached: unreached, key: key,
                  topology: CellTopology(cells: cells + [unreached], areasKm2: areasKm2))
    }

    /// Read back from the cache, topology included.
    init(placeIDs: [String], cells: [MultiPolygon], unreached: MultiPolygon, key: String, topology: CellTopology) {
        self.placeIDs = placeIDs
        self.cells = cells
        self.unreached = unreached
        self.key = key
        indexByID = Dictionary(uniqueKeysWithValues: placeIDs.enumerated().map { ($1, $0) })
        self.topology = topology
    }

    /// Tessellates `country` among `places`.
    public init(places: [Place], country: MultiPolygon) throws {
        let ordered = places.sorted { $0.id < $1.id }
        let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
        let tessellation = try Tessellation(sites: ordered.map(\.lonLat), reachKm: ordered.map(\.kind.reachKm),
                                            parents: ordered.map { $0.parent.flatMap { index[$0] } },
                                            region: country)
        self.init(placeIDs: ordered.map(\.id), cells: tessellation.cells, unreached: tessellation.unreached,
                  key: PlaceCells.key(places: ordered, country: country))
    }

    public func cell(of placeID: String) -> MultiPolygon? {
        indexByID[placeID].map { cells[$0] }
    }

    /// The place's position in `placeIDs` and `cells`.
    func index(of placeID: String) -> Int? {
        indexByID[placeID]
    }

    /// The version of the cutting: changed whenever the same inputs would give other cells.
    static let algorithmVersion = "cells-5"

    /// A hash of everything the cells depend on (FNV-1a over the algorithm's version, ids, positions, reaches,
    /// parents and the border with its holes).
    public static func key(places: [Place], country: MultiPolygon) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt64) {
            hash = (hash ^ value) &* 0x0000_0100_0000_01B3
        }
        // Each string led by its length, so that no two lists of fields run together into the same bytes.
        func mix(_ text: String) {
            mix(UInt64(text.utf8.count))
            for byte in text.utf8 { mix(UInt64(byte)) }
        }
        mix(algorithmVersion)
        mix(UInt64(places.count))
        for place in places.sorted(by: { $0.id < $1.id }) {
            mix(place.id)
            mix(place.lonLat.lon.bitPattern)
            mix(place.lonLat.lat.bitPattern)
            mix(place.kind.reachKm.bitPattern)
            mix(place.parent ?? "")
        }
        mix(UInt64(country.polygons.count))
        for polygon in country.polygons {
            mix(UInt64(polygon.holes.count))
            for ring in [polygon.exterior] + polygon.holes {
                mix(UInt64(ring.count))
                for point in ring {
                    mix(point.lon.bitPattern)
                    mix(point.lat.bitPattern)
                }
            }
        }
        return String(hash, radix: 16)
    }
}
