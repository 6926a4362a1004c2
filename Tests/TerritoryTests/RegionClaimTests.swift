import Claims
import Foundation
import Gazetteer
import Geometry
import Testing
@testable import Territory

/// A 1°×1° governorate split into a west and an east district, three towns, two dates: hand-checkable.
struct RegionClaimTests {
    let country = MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 37, maxLat: 36))])
    let regions = AdminRegions([
        AdminRegion(id: "SY07", level: .governorate, nameEn: "Idleb", nameAr: "إدلب", parent: nil,
                    area: MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 37, maxLat: 36))])),
        AdminRegion(id: "SY0703", level: .district, nameEn: "Harim", nameAr: "حارم", parent: "SY07",
                    area: MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 36.5, maxLat: 36))])),
        AdminRegion(id: "SY0702", level: .district, nameEn: "Al Ma'ra", nameAr: "معرة النعمان", parent: "SY07",
                    area: MultiPolygon([.rectangle(Envelope(minLon: 36.5, minLat: 35, maxLon: 37, maxLat: 36))])),
    ])
    let places = [
        Place(id: "harim", kind: .town, nameEn: "Harim", lonLat: LonLat(36.25, 35.5), source: "test"),
        Place(id: "maarra", kind: .town, nameEn: "Maarat al-Numan", lonLat: LonLat(36.75, 35.5), source: "test"),
        Place(id: "kafr", kind: .village, nameEn: "Kafr Nabl", lonLat: LonLat(36.6, 35.6), source: "test"),
    ]
    let day1 = Day(iso: "2024-11-26")!
    let day2 = Day(iso: "2024-11-30")!
    let sides = Sides([Side(id: "regime", name: LocalizedText(en: "Government side", ar: "الحكومة"),
                            actors: ["government", "russia"])])

    func claim(_ day: Day, _ place: String, _ actor: String, _ status: ClaimStatus = .control) -> Claim {
        Claim(date: day, placeID: place, actor: actor, status: status, citation: Citation(source: "test", url: ""),
              location: SourceLocation(file: "claims.csv", line: 2, column: 1))
    }

    func model(_ claims: [Claim]) -> TerritoryModel {
        let scenario = Scenario(title: LocalizedText(en: "t", ar: "t"),
                                actors: ["government", "russia", "hts", "sdf"].map {
                                    Actor(id: $0, nameEn: $0, nameAr: $0, colour: "#000000")
                                }, sides: sides, views: [],
                                defaultView: "t", claims: claims, gazetteer: Gazetteer(places: places),
                                regions: regions)
        return TerritoryModel(scenario: scenario, country: country)
    }

    func km2(_ map: TerritoryMap, _ kind: Zone.Kind) -> Double {
        map.zones.first { $0.kind == kind }?.areaKm2 ?? 0
    }

    @Test(arguments: [("SY0703", "SY0703"), ("sy07", "SY07"), ("Idleb governorate", "SY07"),
                      ("Idlib province", "SY07"), ("محافظة إدلب", "SY07"), ("Harim district", "SY0703"),
                      ("منطقة حارم", "SY0703"), ("Al Ma'ra district", "SY0702")])
    func regionsAreNamedByPCodeOrByNameWithALevelWord(text: String, expected: String) {
        guard case .found(let region) = regions.resolve(text) else {
            Issue.record("\(text) should name \(expected)")
            return
        }
        #expect(region.id == expected)
    }

    @Test func aNameSharedByTwoLevelsWithoutTheLevelIsAmbiguous() {
        let twins = AdminRegions(regions.regions + [
            AdminRegion(id: "SY0700", level: .district, nameEn: "Idleb", nameAr: "", parent: "SY07",
                        area: MultiPolygon([.rectangle(Envelope(minLon: 36, minLat: 35, maxLon: 36.1, maxLat: 35.1))])),
        ])
        guard case .ambiguous(let candidates) = twins.resolve("Idleb region") else {
            Issue.record("Idleb region names both the governorate and the district")
            return
        }
        #expect(candidates.map(\.id) == ["SY07", "SY0700"])
        #expect(twins.resolve("Idleb governorate") == .found(twins.region(id: "SY07")!))
    }

    @Test func aRegionClaimCoversItsGroundAndPlacesInsideKeepTheirOwnCells() throws {
        let map = try model([claim(day1, "SY0702", "government"), claim(day1, "SY0703", "hts"),
                             claim(day1, "kafr", "hts")]).map(at: day1)
        let whole = Geodesic.areaKm2(country)
        #expect(km2(map, .unreported) == 0, "two districts tile the country")
        let hts = km2(map, .held(actor: "hts")), government = km2(map, .held(actor: "government"))
        #expect(abs(hts + government - whole) < 1, "\(hts) + \(government) km² make the country")
        #expect(hts > whole / 2, "Harim district and Kafr Nabl's cell within al-Ma'ra go to hts")
        let kafrCell = try #require(try model([claim(day1, "kafr", "hts")]).cells(for: map.snapshot).cell(of: "kafr"))
        #expect(try kafrCell.contains(LonLat(36.6, 35.6)))
        #expect(map.fronts.contains { $0.actors == ["government", "hts"] })
    }

    @Test func aLaterDistrictClaimPassesToPlacesOfTheDisplacedSideOnly() throws {
        let claims = [claim(day1, "SY0702", "government"), claim(day1, "maarra", "government"),
                      claim(day1, "kafr", "sdf"), claim(day2, "SY0702", "hts")]
        let snapshot = model(claims).scenario.snapshot(at: day2)
        #expect(snapshot.controls["maarra"]?.state == .held(by: "hts"), "the government's town passes to hts")
        #expect(snapshot.controls["maarra"]?.inheritedFrom == "SY0702")
        #expect(snapshot.controls["kafr"]?.state == .held(by: "sdf"), "a third party keeps its village")
    }

    @Test func alliesFaceNoFrontAndTheirSameDayClaimIsShared() throws {
        let claims = [claim(day1, "harim", "government"), claim(day1, "maarra", "russia"),
                      claim(day1, "kafr", "government"), claim(day1, "kafr", "russia")]
        var both = claims
        both[3].citation = Citation(source: "other", url: "")
        let map = try model(both).map(at: day1)
        #expect(map.fronts.isEmpty, "government and russia are one side")
        #expect(map.zones.contains { $0.kind == .shared(among: ["government", "russia"]) })
    }

    @Test func aPlaceFirstReportedLaterTakesNoGroundEarlier() throws {
        let early = [claim(day1, "harim", "government"), claim(day1, "maarra", "hts")]
        let later = early + [claim(day2, "kafr", "government")]
        let before = try model(early).map(at: day1)
        let after = try model(later).map(at: day1)
        #expect(abs(km2(before, .held(actor: "hts")) - km2(after, .held(actor: "hts"))) < 1e-6)
        #expect(after.snapshot.controls["kafr"] == nil)
    }

    @Test func firstReportsAndWithdrawalsAreNotGainsOrLosses() throws {
        let claims = [claim(day1, "harim", "hts"), claim(day2, "maarra", "sdf"),
                      claim(day2, "harim", "hts", .withdrawn)]
        let diff = try model(claims).diff(from: day1, to: day2)
        let sdf = try #require(diff.actors.first { $0.actor == "sdf" })
        let firstReported = diff.transfers.filter { $0.change == .firstReport && $0.to == "sdf" }
            .reduce(0) { $0 + $1.areaKm2 }
        #expect(firstReported > 0)
        #expect(abs(sdf.gainedKm2 - (sdf.km2To - firstReported)) < 1,
                "only ground that hts held before counts as gained, not ground first reported")
        #expect(diff.places.first { $0.placeID == "harim" }?.change == .withdrawal)
        #expect(diff.places.first { $0.placeID == "maarra" }?.change == .firstReport)
    }

    /// The diff cuts both dates' zones into one planar map: each transfer must be the overlap GEOS finds between
    /// the zone before and the zone after, and the zones of a date, cut from regions and cells, must tile the
    /// country with areas their own shapes' geodesic areas.
    @Test func transfersAreTheOverlapsOfTheTwoDatesZones() throws {
        let claims = [claim(day1, "SY0702", "government"), claim(day1, "harim", "hts"), claim(day1, "kafr", "sdf"),
                      claim(day2, "SY0702", "hts"), claim(day2, "harim", "sdf")]
        let model = model(claims)
        let (before, after) = (try model.map(at: day1), try model.map(at: day2))
        for map in [before, after] {
            let total = map.zones.reduce(0) { $0 + $1.areaKm2 }
            #expect(abs(total - Geodesic.areaKm2(country)) < 0.01, "the zones tile the country: \(total) km²")
            for zone in map.zones {
                #expect(abs(zone.areaKm2 - Geodesic.areaKm2(zone.area)) < 1e-6 * max(zone.areaKm2, 1))
                #expect(try zone.area.invalidityReason() == nil)
            }
        }
        let diff = try ControlDiff(from: before, to: after, actors: ["government", "hts", "sdf"])
        #expect(!diff.transfers.isEmpty)
        for old in before.zones {
            for new in after.zones where new.kind != old.kind {
                let overlap = try old.area.intersection(with: new.area)
                let km2 = Geodesic.areaKm2(overlap)
                let transfer = diff.transfers.first { $0.fromKind == old.kind && $0.toKind == new.kind }
                guard km2 >= 0.01 else {
                    #expect(transfer == nil, "no transfer where the zones do not overlap")
                    continue
                }
                let found = try #require(transfer, "\(old.kind) to \(new.kind): \(km2) km²")
                #expect(abs(found.areaKm2 - km2) < 1e-6 * km2)
                let apart = try found.area.difference(overlap).union(with: try overlap.difference(found.area))
                #expect(Geodesic.areaKm2(apart) < 1e-6, "\(old.kind) to \(new.kind) differs from GEOS's overlap")
            }
        }
    }
}
