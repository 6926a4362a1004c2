import Foundation
import Gazetteer
import Geometry
import Testing

/// The machine-readable outputs SPEC promises, read back as other programs would read them.
struct ContractTests {
    func json(_ arguments: [String]) throws -> Any {
        let result = try CLI.run(arguments)
        try #require(result.status == 0, "\(arguments) failed: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func snapshotIsAFeatureCollectionOfZonesFrontsAndPlaces() throws {
        let root = try #require(try json(["snapshot", "--date", "2024-11-30", "--format", "geojson"]) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        let features = try #require(root["features"] as? [[String: Any]])
        let kinds = features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String }
        #expect(kinds.contains("zone") && kinds.contains("front") && kinds.contains("place"))
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let type = geometry["type"] as? String ?? ""
            switch properties["kind"] as? String {
            case "zone", "contested", "shared", "abandoned":
                #expect(["Polygon", "MultiPolygon"].contains(type))
                #expect(properties["km2"] is NSNumber)
            case "front":
                #expect(["LineString", "MultiLineString"].contains(type))
                #expect((properties["actors"] as? [String])?.count == 2)
            case "place":
                #expect(type == "Point")
                for key in ["id", "name", "name_ar", "place_kind", "controller", "status", "since", "sources"] {
                    #expect(properties.keys.contains(key), "a place feature has \(key)")
                }
            default:
                Issue.record("unexpected kind \(properties["kind"] ?? "nil")")
            }
        }
    }

    @Test(arguments: ["2024-11-26", "2024-11-30", "2024-12-05", "2024-12-08"])
    func zonesTileTheCountryWithinATenthOfAPercent(date: String) throws {
        let result = try CLI.run(["snapshot", "--date", date, "--format", "text"])
        #expect(result.status == 0)
        let areas = result.stdout.split(separator: "\n").dropFirst().compactMap { line in
            Double(line.split(separator: " ").first ?? "")
        }
        let total = areas.reduce(0, +)
        let basemap = try GazetteerLoader.loadBasemap(directory: CLI.root.appendingPathComponent("Gazetteer"))
        let country = Geodesic.areaKm2(basemap.country.area)
        #expect(abs(total - country) / country < 0.001, "zones sum to \(total) km², the country is \(country) km²")
    }

    @Test func diffJSONHasPlacesAreasAndActors() throws {
        let root = try #require(try json(["diff", "--from", "2024-11-26", "--to", "2024-11-30", "--format", "json"])
            as? [String: Any])
        #expect(root["from"] as? String == "2024-11-26" && root["to"] as? String == "2024-11-30")
        let places = try #require(root["places"] as? [[String: Any]])
        #expect(!places.isEmpty)
        for key in ["id", "name", "from", "to", "date", "sources"] { #expect(places[0].keys.contains(key)) }
        let areas = try #require(root["areas"] as? [[String: Any]])
        #expect(areas.allSatisfy { $0["km2"] is NSNumber })
        let actors = try #require(root["actors"] as? [[String: Any]])
        #expect(actors.contains { $0["actor"] as? String == "hts" && $0.keys.contains("km2_from") && $0.keys.contains("km2_to") })
    }

    @Test func resolveJSONFollowsTheContractForFoundAmbiguousAndUnknown() throws {
        let result = try CLI.run(["resolve", "--format", "json", "حلب", "Qwxyzq"])
        #expect(result.status != 0, "a failed query makes the exit status non-zero")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["query"] as? String == "حلب" && items[0]["id"] as? String == "gn-170063")
        for key in ["query", "id", "name", "name_ar", "kind", "lat", "lon", "parent", "admin1", "score"] {
            #expect(items[0].keys.contains(key), "a found query has \(key)")
        }
        #expect(items[1]["error"] != nil && items[1]["suggestions"] is [Any] && items[1]["id"] == nil)
    }
}
