import Canvas
import Claims
import Foundation
import GIS
import Testing
@testable import Cartography

/// Georeferenced maps read back by GDAL: a place's coordinates must land on the pixel where its symbol is drawn.
struct GeoreferenceTests {
    /// The pixel GDAL's `gdallocationinfo` finds for a longitude/latitude in `file`.
    func gdalPixel(_ file: URL, lon: Double, lat: Double) throws -> (x: Int, y: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gdallocationinfo")
        process.arguments = ["-wgs84", "-xml", file.path, String(lon), String(lat)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = ["pixel", "line"].compactMap { key -> Int? in
            guard let range = text.range(of: "\(key)=\"") else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        try #require(numbers.count == 2, "gdallocationinfo printed \(text)")
        return (numbers[0], numbers[1])
    }

    @Test(arguments: ["aleppo-city", "northwest"])
    func aleppoLandsOnItsSymbolInWorldFileAndGeoTIFF(view: String) throws {
        let loaded = try Bundled.loaded.get()
        let request = MapRequest(date: try #require(Day(iso: "2024-11-30")), view: Bundled.view(view), widthPx: 900)
        let map = try loaded.renderer.renderWithLayout(request)
        let aleppo = try #require(loaded.scenario.gazetteer.place(id: "gn-170063"))
        let symbol = try #require(map.symbols.first { $0.placeID == aleppo.id })
        let expected = (x: symbol.x * request.pixelsPerPoint, y: symbol.y * request.pixelsPerPoint)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("georef-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("map.png")
        try Data(map.bytes).write(to: png)
        try Data(map.georeference.worldFile.utf8).write(to: folder.appendingPathComponent("map.pgw"))
        try Data(map.georeference.auxXML().utf8).write(to: folder.appendingPathComponent("map.png.aux.xml"))
        let tif = folder.appendingPathComponent("map.tif")
        try Data(try loaded.renderer.geoTIFF(request)).write(to: tif)

        for file in [png, tif] {
            let found = try gdalPixel(file, lon: aleppo.lonLat.lon, lat: aleppo.lonLat.lat)
            #expect(abs(Double(found.x) + 0.5 - expected.x) <= 1 && abs(Double(found.y) + 0.5 - expected.y) <= 1,
                    "\(file.lastPathComponent): GDAL puts Aleppo at \(found), the symbol is at \(expected)")
        }
    }

    @Test func worldFileHoldsPixelSizeAndTopLeftPixelCentre() {
        let georeference = Georeference(projection: "+proj=longlat +datum=WGS84", originX: 100, originY: 200,
                                        pixelWidth: 2, pixelHeight: 2)
        #expect(georeference.worldFile.split(separator: "\n").map { Double($0) } == [2, 0, 0, -2, 101, 199])
    }
}
