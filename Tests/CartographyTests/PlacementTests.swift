import Canvas
import Claims
import Testing
@testable import Cartography

struct PlacementTests {
    static let cases: [(view: String, language: Language)] = [("northwest", .en), ("northwest", .ar),
                                                               ("aleppo-city", .both), ("syria", .en)]

    @Test(arguments: cases)
    func noTwoPlacedLabelsOverlap(view: String, language: Language) throws {
        let loaded = try Bundled.loaded.get()
        let map = try loaded.renderer.renderWithLayout(
            MapRequest(date: Day(iso: "2024-11-30")!, view: Bundled.view(view), language: language, format: .svg))
        #expect(map.labels.count >= 5, "a map of \(view) labels several places")
        for (i, a) in map.labels.enumerated() {
            for b in map.labels[(i + 1)...] {
                let overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
                #expect(!overlap, "\(a.text) overlaps \(b.text)")
            }
        }
    }

    @Test func eachSymbolIsFilledWithItsControllersColour() throws {
        let loaded = try Bundled.loaded.get()
        let date = Day(iso: "2024-11-30")!
        let request = MapRequest(date: date, view: Bundled.view("northwest"), format: .png, widthPx: 1600, dpi: 144)
        let map = try loaded.renderer.renderWithLayout(request)
        let image = try RasterImage(png: map.bytes)
        let snapshot = loaded.scenario.snapshot(at: date)
        var checked = 0
        for symbol in map.symbols {
            guard let actor = snapshot.controls[symbol.placeID]?.state.controller,
                  let colour = loaded.scenario.actor(id: actor)?.colour else { continue }
            #expect(symbol.fill == colour, "\(symbol.placeID) is drawn in its controller \(actor)'s colour")
            let x = Int(symbol.x * 2), y = Int(symbol.y * 2)
            let pixel = image.pixels[y * image.width + x]
            let hex = String(format: "#%02x%02x%02x", (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
            if hex == colour { checked += 1 }
        }
        #expect(checked >= map.symbols.count / 2, "most symbol centres show the controller's colour in the PNG")
    }
}
