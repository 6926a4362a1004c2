import Claims
import Foundation
import Geometry
import Territory
import Testing

/// The bundled scenario maps the whole country on every date, with shares close to a published estimate.
struct BundledCoverageTests {
    @Test func noReportedControlIsUnderThreePercentOnEveryDate() throws {
        let loaded = try Bundled.loaded.get()
        let country = Geodesic.areaKm2(loaded.basemap.country.area)
        var day = Day(iso: "2024-11-26")!
        while day <= Day(iso: "2024-12-08")! {
            let map = try loaded.territory.map(at: day)
            let blank = map.zones.filter { $0.kind == .unreported }.reduce(0) { $0 + $1.areaKm2 }
            #expect(blank < 0.03 * country, "\(day): \(Int(blank)) km² of \(Int(country)) unreported")
            day = day.adding(days: 1)
        }
    }

    /// Jusoor for Studies' map of 1 June 2020 (unchanged until the offensive): the government 63.38%, the SDF
    /// 25.64%, the opposition 10.98%. The bundled districts put about 5 points of desert south of the Euphrates
    /// with the SDF, so the test allows 6.
    @Test func sharesOn26NovemberAgreeWithThePublishedEstimate() throws {
        let loaded = try Bundled.loaded.get()
        let map = try loaded.territory.map(at: Day(iso: "2024-11-26")!)
        let total = map.zones.reduce(0) { $0 + $1.areaKm2 }
        func share(_ side: String) -> Double {
            100 * map.zones.filter { zone in zone.kind.actors.first.map { loaded.scenario.sides.side(of: $0) == side } ?? false }
                .reduce(0) { $0 + $1.areaKm2 } / total
        }
        let sides = loaded.scenario.sides
        let government = share(sides.side(of: "government")), sdf = share(sides.side(of: "sdf"))
        let opposition = share(sides.side(of: "hts"))
        #expect(abs(government - 63.38) < 6, "government side \(government)%")
        #expect(abs(sdf - 25.64) < 6, "SDF \(sdf)%")
        #expect(abs(opposition - 10.98) < 3, "opposition \(opposition)%")
    }

    @Test func coastalCitiesLieOnLand() throws {
        let loaded = try Bundled.loaded.get()
        let index = RegionIndex(loaded.basemap.country.area)
        for name in ["Tartus", "Baniyas", "Jableh", "Latakia"] {
            guard case .found(let place, _) = loaded.scenario.gazetteer.resolve(name) else {
                Issue.record("\(name) does not resolve")
                continue
            }
            #expect(index.contains(place.lonLat), "\(name) at \(place.lonLat) is in the sea")
        }
    }
}
