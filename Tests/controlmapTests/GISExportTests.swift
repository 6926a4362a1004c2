import Foundation
import Testing

/// Map layers in GIS formats, read back by GDAL's own tools and by shapely, as a GIS user would open them.
@Suite(.serialized) struct GISExportTests {
    static let layers = ["zones", "contested", "fronts", "places", "changes"]

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-gis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func tool(_ path: String, _ arguments: [String]) throws -> CLI.Result {
        try CLI.execute(URL(fileURLWithPath: path), arguments)
    }

    @Test func geoPackageOfThirtiethNovemberHasFiveLayersForOgrinfo() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("snapshot.gpkg").path
        let result = try CLI.run(["snapshot", "--date", "2024-11-30", "--format", "gpkg", "-o", path])
        try #require(result.status == 0, "\(result.stderr)")
        let info = try tool("/usr/bin/ogrinfo", ["-ro", "-so", "-q", path])
        #expect(info.status == 0, "\(info.stderr)")
        for (index, layer) in Self.layers.enumerated() {
            #expect(info.stdout.contains("\(index + 1): \(layer) ("), "ogrinfo lists \(layer): \(info.stdout)")
        }
        let places = try tool("/usr/bin/ogrinfo", ["-ro", "-q", path, "-where", "id = 'gn-170063'", "places"])
        #expect(places.stdout.contains("name_ar (String) = حلب"), "\(places.stdout)")
        #expect(places.stdout.contains("POINT (37.16117 36.20124)"), "\(places.stdout)")
    }

    @Test func everyFormatReadsBackAsTheGeoJSONWithShapely() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        var runs = [["--format", "geojson", "-o", path("all.geojson")],
                    ["--format", "geojson", "--layer", "changes", "-o", path("changes.geojson")]]
        let exports = ["gpkg": "snapshot.gpkg", "shp": "snapshot-shp", "kml": "snapshot.kml", "csv": "snapshot-csv"]
        for (format, name) in exports.sorted(by: { $0.key < $1.key }) {
            runs.append(["--format", format, "-o", path(name)])
        }
        for arguments in runs {
            let result = try CLI.run(["snapshot", "--date", "2024-11-30"] + arguments)
            try #require(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let check = try tool(CLI.root.appendingPathComponent("scripts/check-gis-layers.py").path,
                             [path("all.geojson"), path("changes.geojson"), "--"]
                                + exports.values.sorted().map(path))
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").count == exports.count * Self.layers.count, "\(check.stdout)")
    }

    @Test func sameInputsGiveTheSameGeoPackageBytes() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents = [Data]()
        for name in ["a.gpkg", "b.gpkg"] {
            let path = folder.appendingPathComponent(name).path
            let result = try CLI.run(["snapshot", "--date", "2024-11-30", "--format", "gpkg", "-o", path])
            try #require(result.status == 0, "\(result.stderr)")
            contents.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(contents[0] == contents[1])
    }

    @Test func geoJSONFeaturesHaveUniqueIdsAndOneLayerIsKept() throws {
        let all = try CLI.run(["snapshot", "--date", "2024-11-30"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        let ids = (root["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty && Set(ids).count == ids.count, "every feature has an id of its own")
        let fronts = try CLI.run(["snapshot", "--date", "2024-11-30", "--layer", "fronts"])
        let layer = try #require(try JSONSerialization.jsonObject(with: Data(fronts.stdout.utf8)) as? [String: Any])
        let kinds = Set((layer["features"] as? [[String: Any]] ?? []).compactMap {
            ($0["properties"] as? [String: Any])?["kind"] as? String
        })
        #expect(kinds == ["front"])
    }

    @Test func diffExportHoldsTheChangesOfItsDates() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("diff.gpkg").path
        let result = try CLI.run(["diff", "--from", "2024-11-26", "--to", "2024-11-30", "--export", path])
        try #require(result.status == 0, "\(result.stderr)")
        let geojson = try CLI.run(["diff", "--from", "2024-11-26", "--to", "2024-11-30", "--geojson", "-"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(geojson.stdout.utf8)) as? [String: Any])
        let count = (root["features"] as? [Any])?.count ?? -1
        let info = try tool("/usr/bin/ogrinfo", ["-ro", "-so", path, "changes"])
        #expect(info.stdout.contains("Feature Count: \(count)"), "\(info.stdout)")
    }

    @Test func missingDriverFailsAndWritesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("snapshot.gpkg").path
        let result = try CLI.run(["snapshot", "--format", "gpkg", "-o", path], environment: ["GDAL_SKIP": "GPKG"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: GDAL has no GPKG driver; install"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing is left behind")
    }
}
