import Foundation
import Geometry
import Testing
@testable import Gazetteer

/// The neighbourhood layer: outlined places that merge with the curated rows naming them.
struct OutlinedPlacesTests {
    @Test func aCuratedRowAndItsOutlinedNeighbourhoodAreOnePlace() throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        let matches = gazetteer.places.filter { $0.nameAr == "الشيخ مقصود" || $0.allNames.contains("Sheikh Maqsoud") }
        #expect(matches.map(\.id) == ["ocha-n0123"], "one Sheikh Maqsoud, not \(matches.map(\.id))")
        let place = try #require(matches.first)
        #expect(place.nameEn == "Sheikh Maqsoud", "the curated spelling wins")
        #expect(place.altNames.contains("Sheikh Maksoud") && place.allNames.contains { $0.contains("Ash-Sheikh") })
        let outline = try #require(gazetteer.outline(of: "ocha-n0123"), "the merged place keeps the outline")
        #expect(try outline.contains(place.lonLat))
        #expect(Geodesic.areaKm2(outline) > 0.3 && Geodesic.areaKm2(outline) < 5)
    }

    @Test func bothCitiesNeighbourhoodsHaveOutlines() throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        let aleppo = gazetteer.children(of: "gn-170063").filter { gazetteer.outline(of: $0.id) != nil }
        let damascus = gazetteer.children(of: "gn-170654").filter { gazetteer.outline(of: $0.id) != nil }
        #expect(aleppo.count == 109)
        #expect(damascus.count == 63)
    }

    @Test func aFeatureWithoutAnIdOrAPolygonIsAnErrorAtItsLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outlined-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("""
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "", "kind": "neighbourhood", "name_en": "A", "lat": 35, "lon": 36,
         "source": "test"}, "geometry": {"type": "Polygon", "coordinates": [[[36,35],[36.1,35],[36.1,35.1],[36,35]]]}},
        {"type": "Feature", "properties": {"id": "b", "kind": "neighbourhood", "name_en": "B", "lat": 35, "lon": 36,
         "source": "test"}, "geometry": {"type": "Point", "coordinates": [36, 35]}}
        ]}
        """.utf8).write(to: url)
        let error = try #require(throws: InputError.self) { try OutlinedPlaces.read(url) }
        #expect(error.problems.count == 2)
        #expect(error.problems.map(\.location.line) == [2, 4])
    }
}
