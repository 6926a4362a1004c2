import Canvas
import Claims
import Foundation
import Gazetteer
import Territory
@testable import Cartography

/// The bundled scenario, loaded once for all cartography tests.
enum Bundled {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Loaded: @unchecked Sendable {
        let scenario: Scenario
        let basemap: Basemap
        let territory: TerritoryModel
        var renderer: MapRenderer { MapRenderer(basemap: basemap, territory: territory) }
    }

    static let loaded: Result<Loaded, Error> = Result {
        let gazetteer = root.appendingPathComponent("Gazetteer")
        let scenario = try ScenarioLoader.load(directory: root.appendingPathComponent("Scenarios/aleppo-2024"),
                                               gazetteerDirectory: gazetteer)
        let basemap = try GazetteerLoader.loadBasemap(directory: gazetteer)
        return Loaded(scenario: scenario, basemap: basemap,
                      territory: TerritoryModel(scenario: scenario, country: basemap.country.area))
    }

    static func view(_ id: String) -> MapView {
        MapView.builtIn.first { $0.id == id }!
    }
}

/// Compares a PNG with its committed reference under a pixel threshold (mapnik's way). On failure the actual
/// image and a diff are written beside the reference; `CONTROLMAP_RECORD=1` re-records references.
enum GoldenImage {
    static let folder = Bundled.root.appendingPathComponent("Tests/CartographyTests/References")

    struct Outcome {
        var differingFraction: Double
        var message: String
    }

    static func compare(_ png: [UInt8], name: String) throws -> Outcome {
        let image = try RasterImage(png: png)
        let base = "\(name)-\(image.width)x\(image.height)"
        let reference = folder.appendingPathComponent("\(base)-reference.png")
        let record = ProcessInfo.processInfo.environment["CONTROLMAP_RECORD"] == "1"
        guard !record, let data = FileManager.default.contents(atPath: reference.path) else {
            if record {
                try Data(png).write(to: reference)
                return Outcome(differingFraction: 0, message: "recorded \(reference.lastPathComponent)")
            }
            return Outcome(differingFraction: 1, message: "no reference \(reference.lastPathComponent); "
                + "record it with CONTROLMAP_RECORD=1 swift test --filter GoldenImageTests")
        }
        let expected = try RasterImage(png: [UInt8](data))
        guard expected.width == image.width, expected.height == image.height else {
            try Data(png).write(to: folder.appendingPathComponent("\(base).actual.png"))
            return Outcome(differingFraction: 1, message: "size \(image.width)x\(image.height) differs from the reference")
        }
        var differing = 0
        var diffPixels = [UInt32](repeating: 0xFFFF_FFFF, count: image.pixels.count)
        for index in image.pixels.indices where channelsDiffer(image.pixels[index], expected.pixels[index]) {
            differing += 1
            diffPixels[index] = 0xFFE0_1010
        }
        let fraction = Double(differing) / Double(image.pixels.count)
        if differing > 0 {
            try Data(png).write(to: folder.appendingPathComponent("\(base).actual.png"))
            try Data(RasterImage(width: image.width, height: image.height, pixels: diffPixels).png())
                .write(to: folder.appendingPathComponent("\(base).diff.png"))
        }
        return Outcome(differingFraction: fraction, message: "\(differing) pixels differ from \(reference.lastPathComponent)")
    }

    /// True when any channel differs by more than 24 of 255: anti-aliasing noise passes, a wrong colour does not.
    private static func channelsDiffer(_ a: UInt32, _ b: UInt32) -> Bool {
        for shift in stride(from: 0, to: 32, by: 8) {
            let x = Int((a >> UInt32(shift)) & 0xFF), y = Int((b >> UInt32(shift)) & 0xFF)
            if abs(x - y) > 24 { return true }
        }
        return false
    }
}
