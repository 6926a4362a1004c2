import Foundation
import Geometry
import Testing
@testable import Gazetteer

/// What the resolver must get exactly right: exact names over near ones, digits, descriptors, other alphabets'
/// spellings, airport codes, and namesakes.
struct PrecisionTests {
    /// Names that differ only in digits, or share a skeleton with a longer number.
    static let numbered = Gazetteer(places: ["P880", "P800", "P80", "P2271", "P271", "P2711", "P2771"].enumerated().map {
        Place(id: "n\($0.offset)", kind: .village, nameEn: $0.element, lonLat: LonLat(37 + Double($0.offset) / 10, 36),
              source: "test")
    })

    @Test(arguments: ["P880", "P800", "P80", "P2271", "P271", "P2711", "P2771", "p2271", "P 2271"])
    func anExactNumberedNameResolvesToItselfAlone(query: String) {
        let expected = query.replacingOccurrences(of: " ", with: "").uppercased()
        guard case .found(let place, let score) = Self.numbered.resolve(query) else {
            Issue.record("\(query) did not resolve: \(Self.numbered.resolve(query))")
            return
        }
        #expect(place.nameEn == expected || query == "P 2271")
        #expect(score == 1 || query == "P 2271")
    }

    @Test(arguments: [("P880", "P800"), ("P2271", "P271"), ("P2271", "P2711"), ("Tal 1", "Tal 11")])
    func digitsNeverCollapseIntoOneKey(left: String, right: String) {
        #expect(NameKey(left).key != NameKey(right).key)
        #expect(NameKey(left).skeleton != NameKey(right).skeleton)
    }

    /// A descriptor picks the place of its kind; a bare name the settlement, not the base named after it.
    @Test(arguments: [
        ("Abu al-Duhur", "gn-174611"), ("أبو الظهور", "gn-174611"), ("Abu al-Duhur town", "gn-174611"),
        ("بلدة أبو الظهور", "gn-174611"), ("Abu al-Duhur airbase", "cur-abu-al-duhur-airbase"),
        ("Abu al-Duhur air base", "cur-abu-al-duhur-airbase"), ("مطار أبو الظهور", "cur-abu-al-duhur-airbase"),
        ("Abu al-Duhur airport", "cur-abu-al-duhur-airbase"),
        ("Taftanaz", "gn-163799"), ("تفتناز", "gn-163799"), ("Taftanaz town", "gn-163799"),
        ("Taftanaz air base", "cur-taftanaz-airbase"), ("مطار تفتناز", "cur-taftanaz-airbase"),
        ("Khan Tuman village", "gn-168323"), ("قرية خان طومان", "gn-168323"), ("مدينة حلب", "gn-170063"),
        ("Aleppo city", "gn-170063"), ("مطار حلب", "cur-aleppo-international-airport"),
        ("Aleppo airport", "cur-aleppo-international-airport"), ("حي الشيخ مقصود", "ocha-n0123"),
        ("Sheikh Maqsoud district", "ocha-n0123"), ("مخيم اليرموك", "gn-166716"), ("Yarmouk camp", "gn-166716"),
        ("Kuweires airbase", "cur-kuweires-airbase"), ("مدينة إدلب", "gn-169389"),
    ])
    func aDescriptorMeansAKind(query: String, id: String) throws {
        try expect(query, resolvesTo: id)
    }

    /// The places first reported unknown when the village layers were missing.
    @Test(arguments: [
        ("Khan Tuman", "gn-168323"), ("Hayyan", "gn-169644"), ("Sheikh Aqil", "gn-172749"), ("al-Eis", "C1181"),
        ("Tal Hadiya", "gn-163576"), ("Tall Aran", "gn-163668"), ("Urum al-Sughra", "gn-162788"),
        ("Anjara", "gn-173215"), ("Binnish", "gn-171451"), ("Kafr Basin", "C1135"), ("كفربسين", "C1135"),
    ])
    func villagesOfTheAleppoAndIdlibCountrysideResolve(query: String, id: String) throws {
        try expect(query, resolvesTo: id)
    }

    /// Kurdish, Turkish and Azerbaijani letters, French and scholarly transliteration, Kurdish in Arabic script.
    @Test(arguments: [
        ("Şêx Meqsûd", "Shex Meqsud"), ("Kobanî", "Kobani"), ("Çobanbey", "Chobanbey"), ("Tılabyad", "Tilabyad"),
        ("Əfrin", "Afrin"), ("Serêkaniyê", "Serekaniye"), ("Dêrik", "Derik"), ("Ğazal", "Ghazal"),
        ("Djisr ech Choghour", "Jisr ash-Shughur"), ("Qouweiq", "Quwayq"), ("Maarrat en Noumane", "Maarat al-Numan"),
        ("Ḥāritān", "Haritan"), ("Maʿarrat Miṣrīn", "Maarrat Misrin"), ("Ṭall Rifʿat", "Tall Rifat"),
        ("Xirbet", "Khirbet"), ("کۆبانێ", "كوباني"), ("ڕەقە", "الرقة"), ("حەلەب", "حلب"), ("عەفرین", "عفرين"),
        ("ڵ", "ل"),
    ])
    func spellingsOfOtherAlphabetsMeet(left: String, right: String) {
        let a = NameKey(left), b = NameKey(right)
        #expect(a.key == b.key || (!a.skeleton.isEmpty && a.skeleton == b.skeleton),
                "\(left) [\(a.key) / \(a.skeleton)] ~ \(right) [\(b.key) / \(b.skeleton)]")
    }

    @Test(arguments: [
        ("Efrîn", "gn-174186"), ("Kobanê", "gn-172256"), ("Qamişlo", "gn-173377"),
        ("Minbic", "gn-167357"), ("Cerablus", "gn-169179"), ("Halep", "gn-170063"), ("حەلەب", "gn-170063"),
        ("Tell Rifaat", "gn-163476"), ("Maarrat Misrin", "gn-167605"),
    ])
    func spellingsOfOtherAlphabetsResolve(query: String, id: String) throws {
        try expect(query, resolvesTo: id)
    }

    @Test(arguments: [
        ("OSAP", "cur-aleppo-international-airport"), ("ALP", "cur-aleppo-international-airport"),
        ("OS66", "cur-kuweires-airbase"), ("OS57", "cur-abu-al-duhur-airbase"), ("OSLK", "cur-hmeimim-airbase"),
    ])
    func anAirBaseAnswersToItsCodes(query: String, id: String) throws {
        try expect(query, resolvesTo: id)
    }

    @Test(arguments: [("C4268", "Bazabur"), ("C3891", "Abul Thohur"), ("C1181", "al-Eis"), ("C1007", "Aleppo")])
    func aCommunityPCodeResolvesToItsSettlement(pcode: String, name: String) throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        let place = try #require(gazetteer.place(id: pcode))
        #expect(place.pcode == pcode)
        #expect(place.allNames.contains(name))
    }

    /// Two namesakes: the better-known one wins; within a scope, the one in it.
    @Test func aNamesakeKnownBeyondTheVillageLayersWinsAndAScopeNarrows() throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        try expect("Ras al-Ain", resolvesTo: "gn-165509")
        try expect("An Nayrab", resolvesTo: "ocha-n0223")
        let idlib = try #require(gazetteer.place(id: "gn-169389"))
        guard case .found(let place, _) = gazetteer.resolve("An Nayrab", within: idlib) else {
            Issue.record("An Nayrab within Idlib did not resolve")
            return
        }
        #expect(place.id == "gn-166357")
    }

    /// Near misses of two namesakes suggest both, each saying where it is; a scope keeps only its own.
    @Test func suggestionsComeFromTheScopeAndSayWhereTheyAre() {
        let idlib = Place(id: "idlib", kind: .city, nameEn: "Idlib", lonLat: LonLat(36.63, 35.93), admin1: "Idleb",
                          source: "test")
        let near = Place(id: "near", kind: .village, nameEn: "Tall Sultan", lonLat: LonLat(36.70, 35.85),
                         admin1: "Idleb", admin2: "Idleb", source: "test")
        let far = Place(id: "far", kind: .village, nameEn: "Tall Sultan", lonLat: LonLat(40.0, 36.5),
                        admin1: "Al-Hasakeh", admin2: "Al-Hasakeh", source: "test")
        let gazetteer = Gazetteer(places: [idlib, near, far])
        guard case .unknown(let everywhere) = gazetteer.resolve("Tall Sultqn") else {
            Issue.record("two namesakes one edit away must not resolve")
            return
        }
        #expect(Set(everywhere.map(\.id)) == ["near", "far"])
        #expect(everywhere.allSatisfy { !$0.admin1.isEmpty })
        switch gazetteer.resolve("Tall Sultqn", within: idlib) {
        case .found(let place, _): #expect(place.id == "near")
        case .unknown(let suggestions): #expect(suggestions.map(\.id) == ["near"])
        case .ambiguous(let places): Issue.record("ambiguous within a scope: \(places.map(\.id))")
        }
    }

    /// The near-spelling search reads keys by length and by first or last letter: names as many letters shorter
    /// or longer as the edit allowance are found, one more letter apart are not, nor are names that share
    /// neither end letter with the query.
    @Test func nearSpellingsReachTheEdgesOfTheirLengthWindow() {
        let names = ["Kafrnabudah", "Kafrnabud", "Kafrnabudazyw", "Kafrnabu", "Kafrnabudazywv", "Lafrnabudaq"]
        let gazetteer = Gazetteer(places: names.enumerated().map {
            Place(id: "k\($0.offset)", kind: .village, nameEn: $0.element,
                  lonLat: LonLat(36.5, 35.5 + Double($0.offset) / 10), source: "test")
        })
        let query = NameKey("Kafrnabudaz").key.unicodeScalars.map(\.value)
        let found = gazetteer.names.nearSpellings(of: query, limit: 2)
        #expect(Dictionary(uniqueKeysWithValues: found.map { (names[$0.key], $0.value) })
                == ["Kafrnabudah": 1, "Kafrnabud": 2, "Kafrnabudazyw": 2])
    }

    private func expect(_ query: String, resolvesTo id: String) throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        guard case .found(let place, _) = gazetteer.resolve(query) else {
            Issue.record("\(query) did not resolve: \(gazetteer.resolve(query))")
            return
        }
        #expect(place.id == id, "\(query) resolved to \(place.id) \(place.nameEn) (\(place.admin1))")
    }
}
