import Gazetteer
import Geometry
import Testing
@testable import Claims

/// Five places, two dates: hand-checkable.
struct SnapshotRuleTests {
    let gazetteer = Gazetteer(places: [
        Place(id: "aleppo", kind: .city, nameEn: "Aleppo", lonLat: LonLat(37.16, 36.20), source: "test"),
        Place(id: "maqsoud", kind: .neighbourhood, nameEn: "Sheikh Maqsoud", lonLat: LonLat(37.16, 36.23),
              parent: "aleppo", source: "test"),
        Place(id: "shaar", kind: .neighbourhood, nameEn: "al-Shaar", lonLat: LonLat(37.18, 36.21),
              parent: "aleppo", source: "test"),
        Place(id: "nubl", kind: .town, nameEn: "Nubl", lonLat: LonLat(36.99, 36.38), source: "test"),
        Place(id: "hama", kind: .city, nameEn: "Hama", lonLat: LonLat(36.75, 35.13), source: "test"),
    ])

    func claim(_ date: String, _ place: String, _ actor: String, _ status: ClaimStatus = .control,
               source: String = "Reuters") -> Claim {
        Claim(date: Day(iso: date)!, placeID: place, actor: actor, status: status,
              citation: Citation(source: source, url: "https://example.org/\(source)"),
              location: SourceLocation(file: "claims.csv", line: 2, column: 1))
    }

    func snapshot(_ claims: [Claim], on date: String) -> Snapshot {
        Snapshot(claims: claims, gazetteer: gazetteer, date: Day(iso: date)!)
    }

    @Test func latestClaimOnOrBeforeTheDateHolds() {
        let claims = [claim("2024-11-26", "nubl", "government"), claim("2024-11-30", "nubl", "sdf")]
        #expect(snapshot(claims, on: "2024-11-29").controls["nubl"]?.state == .held(by: "government"))
        #expect(snapshot(claims, on: "2024-11-30").controls["nubl"]?.state == .held(by: "sdf"))
        #expect(snapshot(claims, on: "2024-11-25").controls["nubl"] == nil, "nothing is known before the first claim")
    }

    @Test func parentClaimHoldsForChildrenUnlessTheChildHasItsOwnLaterOrSameDayClaim() {
        let claims = [claim("2024-11-26", "maqsoud", "sdf"), claim("2024-11-30", "aleppo", "hts"),
                      claim("2024-11-30", "shaar", "hts"), claim("2024-11-30", "maqsoud", "sdf")]
        let at30 = snapshot(claims, on: "2024-11-30")
        #expect(at30.controls["maqsoud"]?.state == .held(by: "sdf"), "a same-day child claim wins")
        #expect(at30.controls["maqsoud"]?.inheritedFrom == nil)
        let parentOnly = [claim("2024-11-26", "aleppo", "government"), claim("2024-11-26", "maqsoud", "sdf"),
                          claim("2024-11-30", "aleppo", "hts")]
        let enclave = snapshot(parentOnly, on: "2024-11-30").controls["maqsoud"]
        #expect(enclave?.state == .held(by: "sdf"), "a third party's enclave keeps its holder")
        let displaced = snapshot(parentOnly, on: "2024-11-30").controls["shaar"]
        #expect(displaced?.state == .held(by: "hts"), "ground of the displaced side passes with the parent")
        #expect(displaced?.inheritedFrom == "aleppo")
    }

    /// Histories are worked out on two cores, the places shared out by id: a container's claim must reach the
    /// places of both shares, and a place inside a claimed place inside the city take its nearest container's.
    @Test func containersReachThePlacesOfBothShares() {
        let city = Place(id: "m-city", kind: .city, nameEn: "City", lonLat: LonLat(37.16, 36.20), source: "test")
        let quarters = (0..<20).flatMap { n in
            ["a", "z"].map { prefix in
                Place(id: "\(prefix)-\(n)", kind: .neighbourhood, nameEn: "Quarter \(prefix)\(n)",
                      lonLat: LonLat(37.16 + Double(n) * 0.001, prefix == "a" ? 36.21 : 36.19), parent: "m-city",
                      source: "test")
            }
        }
        let inner = Place(id: "z-inner", kind: .neighbourhood, nameEn: "Inner", lonLat: LonLat(37.17, 36.22),
                          parent: "a-5", source: "test")
        let gazetteer = Gazetteer(places: [city, inner] + quarters)
        let claims = [claim("2024-11-26", "m-city", "government"), claim("2024-11-26", "a-5", "sdf"),
                      claim("2024-11-30", "m-city", "hts")]
        let controls = Snapshot(claims: claims, gazetteer: gazetteer, date: Day(iso: "2024-11-30")!).controls
        for quarter in quarters where quarter.id != "a-5" {
            #expect(controls[quarter.id]?.state == .held(by: "hts"), "\(quarter.id)")
            #expect(controls[quarter.id]?.inheritedFrom == "m-city", "\(quarter.id)")
        }
        #expect(controls["a-5"]?.state == .held(by: "sdf"), "a third party's quarter keeps its holder")
        #expect(controls["z-inner"]?.state == .held(by: "sdf"), "inside a-5, from a-5's own claim")
        #expect(controls["z-inner"]?.inheritedFrom == "a-5")
    }

    @Test func aParentClaimThatCoversAllReachesAThirdPartysEnclave() {
        var covering = claim("2024-12-08", "aleppo", "hts")
        covering.coversAll = true
        let claims = [claim("2024-11-26", "aleppo", "government"), claim("2024-11-26", "maqsoud", "sdf"), covering]
        let enclave = snapshot(claims, on: "2024-12-08").controls["maqsoud"]
        #expect(enclave?.state == .held(by: "hts"), "a claim that covers all takes the enclave too")
        #expect(enclave?.inheritedFrom == "aleppo")
        #expect(snapshot(claims, on: "2024-12-07").controls["maqsoud"]?.state == .held(by: "sdf"),
                "before the covering claim the enclave keeps its holder")
        let ownLater = claims + [claim("2024-12-08", "maqsoud", "sdf")]
        #expect(snapshot(ownLater, on: "2024-12-08").controls["maqsoud"]?.state == .held(by: "sdf"),
                "the child's own claim of the same day still has the last word")
    }

    @Test func aLaterClaimNeverChangesAnEarlierSnapshot() {
        let early = [claim("2024-11-26", "aleppo", "government"), claim("2024-11-30", "shaar", "sdf")]
        let later = early + [claim("2024-12-03", "aleppo", "hts"), claim("2024-12-03", "hama", "hts")]
        #expect(snapshot(early, on: "2024-12-02") == snapshot(later, on: "2024-12-02"))
    }

    @Test func withdrawalAndControlOnOneDayIsATransfer() {
        let claims = [claim("2024-11-26", "hama", "government"),
                      claim("2024-12-05", "hama", "government", .withdrawn, source: "SANA"),
                      claim("2024-12-05", "hama", "hts", source: "SOHR")]
        #expect(snapshot(claims, on: "2024-12-05").controls["hama"]?.state == .held(by: "hts"))
    }

    @Test func alliesClaimingOnePlaceOnOneDayShareIt() {
        let sides = Sides([Side(id: "regime", name: LocalizedText(en: "r", ar: "r"), actors: ["government", "russia"])])
        let claims = [claim("2024-11-26", "hama", "government", source: "SANA"),
                      claim("2024-11-26", "hama", "russia", source: "TASS")]
        let state = Snapshot(claims: claims, gazetteer: gazetteer, date: Day(iso: "2024-11-26")!, sides: sides)
            .controls["hama"]?.state
        #expect(state == .shared(among: ["government", "russia"]))
        let apart = snapshot(claims, on: "2024-11-26").controls["hama"]?.state
        #expect(apart == .contested(among: ["government", "russia"]), "without sides they are two sides")
    }

    @Test func sameDayConflictFromDifferentSourcesMakesPlaceContested() {
        let claims = [claim("2024-12-05", "hama", "government", source: "SANA"),
                      claim("2024-12-05", "hama", "hts", source: "SOHR")]
        let control = snapshot(claims, on: "2024-12-05").controls["hama"]
        #expect(control?.state == .contested(among: ["government", "hts"]))
        #expect(control?.citations.map(\.source).sorted() == ["SANA", "SOHR"], "both sources are kept")
    }

    @Test func aSourceCorrectingItselfOnTheSameDayIsNotAConflict() {
        let claims = [claim("2024-12-05", "hama", "government"), claim("2024-12-05", "hama", "hts")]
        #expect(snapshot(claims, on: "2024-12-05").controls["hama"]?.state == .held(by: "hts"))
    }

    @Test func contestedClaimInvolvesTheHolderAndTheAttacker() {
        let claims = [claim("2024-11-26", "hama", "government"), claim("2024-12-03", "hama", "hts", .contested)]
        #expect(snapshot(claims, on: "2024-12-04").controls["hama"]?.state == .contested(among: ["government", "hts"]))
    }

    @Test func withdrawnLeavesThePlaceWithNoController() {
        let claims = [claim("2024-11-26", "nubl", "government"), claim("2024-11-30", "nubl", "government", .withdrawn)]
        let control = snapshot(claims, on: "2024-12-01").controls["nubl"]
        #expect(control?.state == .abandoned)
        #expect(control?.state.controller == nil)
        #expect(control?.since == Day(iso: "2024-11-30"))
    }

    @Test func sinceIsTheStartOfTheUnchangedRun() {
        let claims = [claim("2024-11-26", "nubl", "government"), claim("2024-11-28", "nubl", "government"),
                      claim("2024-11-30", "nubl", "sdf"), claim("2024-12-02", "nubl", "sdf")]
        #expect(snapshot(claims, on: "2024-12-03").controls["nubl"]?.since == Day(iso: "2024-11-30"))
    }

    /// A city's claim that takes over a neighbourhood with a claim of its own is pointed out at the city's row,
    /// naming both; a scenario where no claim does so has no such warning.
    @Test func aContainerClaimThatReplacesAPlacesOwnStateIsWarnedOf() {
        func scenario(_ claims: [Claim]) -> Scenario {
            Scenario(title: LocalizedText(en: "t", ar: "t"),
                     actors: ["government", "hts", "sdf"].map { Actor(id: $0, nameEn: $0, nameAr: $0, colour: "#000000") },
                     views: [], defaultView: "t", claims: claims, gazetteer: gazetteer)
        }
        var takeover = claim("2024-11-30", "aleppo", "hts")
        takeover.location = SourceLocation(file: "claims.csv", line: 7, column: 1)
        // The city was the government's, al-Shaar too by a claim of its own; the factions' claim on the city
        // displaces the government, so it passes to al-Shaar.
        let warnings = scenario([claim("2024-11-26", "aleppo", "government"), claim("2024-11-27", "shaar", "government"),
                                 takeover]).warnings
        #expect(warnings.count == 1)
        let warning = warnings.first
        #expect(warning?.isWarning == true)
        #expect(warning?.location.line == 7, "at the city's claim")
        #expect(warning?.message.contains("Aleppo") == true && warning?.message.contains("al-Shaar") == true
                && warning?.message.contains("2024-11-30") == true, "\(warning?.message ?? "")")
        #expect(scenario([claim("2024-11-26", "shaar", "government"), claim("2024-11-30", "hama", "hts")]).warnings
            .isEmpty)
    }
}
