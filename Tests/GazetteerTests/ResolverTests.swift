import Foundation
import Geometry
import Testing
@testable import Gazetteer

/// The bundled gazetteer, loaded once.
enum BundledGazetteer {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Gazetteer")
    static let gazetteer: Result<Gazetteer, Error> = Result { try GazetteerLoader.load(directory: folder) }
}

struct ResolverTests {
    /// Spellings from reports, Arabic and Latin, with and without article, diacritics and generic words.
    static let spellings: [(String, String)] = [
        ("Aleppo", "gn-170063"),
        ("Alep", "gn-170063"),
        ("Halab", "gn-170063"),
        ("حلب", "gn-170063"),
        ("Idlib", "gn-169389"),
        ("Idleb", "gn-169389"),
        ("إدلب", "gn-169389"),
        ("ادلب", "gn-169389"),
        ("Hama", "gn-170017"),
        ("Hamah", "gn-170017"),
        ("حماة", "gn-170017"),
        ("حماه", "gn-170017"),
        ("Homs", "gn-169577"),
        ("Hims", "gn-169577"),
        ("حمص", "gn-169577"),
        ("Damascus", "gn-170654"),
        ("Dimashq", "gn-170654"),
        ("دمشق", "gn-170654"),
        ("Latakia", "gn-173576"),
        ("Lattakia", "gn-173576"),
        ("اللاذقية", "gn-173576"),
        ("Tartus", "gn-163345"),
        ("Tartous", "gn-163345"),
        ("طرطوس", "gn-163345"),
        ("Deir ez-Zor", "gn-170794"),
        ("Dayr az Zawr", "gn-170794"),
        ("دير الزور", "gn-170794"),
        ("Raqqa", "gn-172955"),
        ("Ar Raqqah", "gn-172955"),
        ("الرقة", "gn-172955"),
        ("Hasakah", "gn-173811"),
        ("Al Hasakah", "gn-173811"),
        ("الحسكة", "gn-173811"),
        ("Qamishli", "gn-173377"),
        ("Al Qamishli", "gn-173377"),
        ("القامشلي", "gn-173377"),
        ("Daraa", "gn-170905"),
        ("Dar'a", "gn-170905"),
        ("درعا", "gn-170905"),
        ("Nubl", "gn-166331"),
        ("نبل", "gn-166331"),
        ("Azaz", "gn-172082"),
        ("Aazaz", "gn-172082"),
        ("أعزاز", "gn-172082"),
        ("Afrin", "gn-174186"),
        ("Efrin", "gn-174186"),
        ("عفرين", "gn-174186"),
        ("Manbij", "gn-167357"),
        ("منبج", "gn-167357"),
        ("Jarabulus", "gn-169179"),
        ("جرابلس", "gn-169179"),
        ("al-Bab", "gn-174018"),
        ("الباب", "gn-174018"),
        ("Saraqib", "gn-164816"),
        ("سراقب", "gn-164816"),
        ("Maarat al-Numan", "gn-167611"),
        ("Ma'arrat an Nu'man", "gn-167611"),
        ("معرة النعمان", "gn-167611"),
        ("Khan Shaykhun", "gn-168325"),
        ("Khan Sheikhoun", "gn-168325"),
        ("خان شيخون", "gn-168325"),
        ("Rastan", "gn-172946"),
        ("الرستن", "gn-172946"),
        ("Talbiseh", "gn-163779"),
        ("تلبيسة", "gn-163779"),
        ("Salamiyah", "gn-164947"),
        ("السلمية", "gn-164947"),
        ("Palmyra", "gn-163808"),
        ("Tadmur", "gn-163808"),
        ("تدمر", "gn-163808"),
        ("Suwayda", "gn-172408"),
        ("As Suwayda", "gn-172408"),
        ("السويداء", "gn-172408"),
        ("Quneitra", "gn-173334"),
        ("القنيطرة", "gn-173334"),
        ("Jableh", "gn-169304"),
        ("جبلة", "gn-169304"),
        ("Baniyas", "gn-171830"),
        ("بانياس", "gn-171830"),
        ("Douma", "gn-170592"),
        ("دوما", "gn-170592"),
        ("Kobani", "gn-172256"),
        ("Ayn al Arab", "gn-172256"),
        ("عين العرب", "gn-172256"),
        ("Tal Abyad", "gn-163750"),
        ("تل أبيض", "gn-163750"),
        ("Ras al-Ain", "gn-165509"),
        ("رأس العين", "gn-165509"),
        ("Mayadin", "gn-173480"),
        ("الميادين", "gn-173480"),
        ("Albu Kamal", "gn-174448"),
        ("Abu Kamal", "gn-174448"),
        ("البوكمال", "gn-174448"),
        ("Tabqa", "gn-172374"),
        ("الطبقة", "gn-172374"),
        ("Jisr al-Shughur", "gn-169023"),
        ("جسر الشغور", "gn-169023"),
        ("Ariha", "gn-172994"),
        ("أريحا", "gn-172994"),
        ("Atarib", "gn-174030"),
        ("الأتارب", "gn-174030"),
        ("Harem", "gn-169866"),
        ("حارم", "gn-169866"),
        ("Morek", "gn-166640"),
        ("مورك", "gn-166640"),
        ("Tall Rif'at", "gn-163476"),
        ("Tal Rifaat", "gn-163476"),
        ("تل رفعت", "gn-163476"),
        ("Safira", "gn-172503"),
        ("السفيرة", "gn-172503"),
        ("Mhardeh", "gn-166742"),
        ("محردة", "gn-166742"),
        ("Suqaylabiyah", "gn-163921"),
        ("السقيلبية", "gn-163921"),
        ("Qardaha", "gn-173364"),
        ("القرداحة", "gn-173364"),
        ("Nawa", "gn-166365"),
        ("نوى", "gn-166365"),
        ("Busra al-Sham", "gn-171126"),
        ("بصرى الشام", "gn-171126"),
        ("Izra", "gn-169341"),
        ("إزرع", "gn-169341"),
        ("Shahba", "gn-164626"),
        ("شهبا", "gn-164626"),
        ("Yabroud", "gn-162627"),
        ("يبرود", "gn-162627"),
        ("Nabk", "gn-173193"),
        ("النبك", "gn-173193"),
        ("Qusayr", "gn-173322"),
        ("القصير", "gn-173322"),
        ("Hawl", "gn-173797"),
        ("مدينة حلب", "gn-170063"),
        ("مدينة إدلب", "gn-169389"),
        ("بلدة نبل", "gn-166331"),
        ("حَلَب", "gn-170063"),
        ("حمــاة", "gn-170017"),
        ("Ḩamāh", "gn-170017"),
        ("Ţarţūs", "gn-163345"),
        ("Dar‘ā", "gn-170905"),
        ("ALEPPO", "gn-170063"),
        ("aleppo", "gn-170063"),
        ("Idlib city", "gn-169389"),
        ("Homs city", "gn-169577"),
        ("al-Raqqa", "gn-172955"),
        ("el-Bab", "gn-174018"),
        ("Al Bab", "gn-174018"),
        ("Deir al-Zour", "gn-170794"),
        ("Deir Ezzor", "gn-170794"),
        ("Khan Cheikhoun", "gn-168325"),
        ("Maaret al-Noman", "gn-167611"),
        ("Jisr ash-Shughour", "gn-169023"),
        ("Tell Abyad", "gn-163750"),
        ("Ras al Ayn", "gn-165509"),
        ("Qamishlo", "gn-173377"),
        // Air bases, the naval base and the places of the offensive from the curated layer.
        ("Hmeimim", "cur-hmeimim-airbase"),
        ("Khmeimim air base", "cur-hmeimim-airbase"),
        ("Humaymim", "cur-hmeimim-airbase"),
        ("قاعدة حميميم", "cur-hmeimim-airbase"),
        ("حميميم", "cur-hmeimim-airbase"),
        ("Kuweires Air Base", "cur-kuweires-airbase"),
        ("Kweires airbase", "cur-kuweires-airbase"),
        ("مطار كويرس", "cur-kuweires-airbase"),
        ("كويرس", "cur-kuweires-airbase"),
        ("Aleppo airport", "cur-aleppo-international-airport"),
        ("مطار حلب", "cur-aleppo-international-airport"),
        ("Nayrab air base", "cur-nayrab-airbase"),
        ("T4", "cur-tiyas-airbase"),
        ("Tiyas", "cur-tiyas-airbase"),
        ("Shayrat", "cur-shayrat-airbase"),
        ("al-Shayrat airbase", "cur-shayrat-airbase"),
        ("Jirah", "cur-jirah-airbase"),
        ("Mezzeh airport", "cur-mezzeh-airbase"),
        ("al-Tanf", "cur-al-tanf-garrison"),
        ("At Tanf", "cur-al-tanf-garrison"),
        ("التنف", "cur-al-tanf-garrison"),
        ("Aleppo Citadel", "cur-aleppo-citadel"),
        ("قلعة حلب", "cur-aleppo-citadel"),
        ("al-Zahraa", "cur-al-zahraa"),
        ("Zahra", "cur-al-zahraa"),
        ("الزهراء", "cur-al-zahraa"),
        ("Sheikh Najjar", "cur-sheikh-najjar"),
        ("Shaykh Najjar", "cur-sheikh-najjar"),
        ("Khan al-Asal", "cur-khan-al-asal"),
        ("Ramouseh", "ocha-n0226"),
        ("Ar-Ramouseh", "ocha-n0226"),
        ("Aleppo University", "ocha-n0153"),
        ("al-Firdous", "ocha-n0209"),
        ("Fardos", "ocha-n0209"),
    ]

    @Test(arguments: spellings)
    func reportSpellingResolvesToItsPlace(query: String, id: String) throws {
        let gazetteer = try BundledGazetteer.gazetteer.get()
        guard case .found(let place, _) = gazetteer.resolve(query) else {
            Issue.record("\(query) did not resolve: \(gazetteer.resolve(query))")
            return
        }
        #expect(place.id == id, "\(query) resolved to \(place.id) \(place.nameEn)")
    }

    // MARK: - Rules on a hand-made gazetteer

    let small = Gazetteer(places: [
        Place(id: "aleppo", kind: .city, nameEn: "Aleppo", nameAr: "حلب", lonLat: LonLat(37.16, 36.20),
              admin1: "Aleppo", population: 2_000_000, source: "test"),
        Place(id: "aleppo-ashrafieh", kind: .neighbourhood, nameEn: "Ashrafieh", nameAr: "الأشرفية",
              lonLat: LonLat(37.15, 36.23), parent: "aleppo", admin1: "Aleppo", source: "test"),
        Place(id: "damascus-ashrafieh", kind: .neighbourhood, nameEn: "Ashrafieh", nameAr: "الأشرفية",
              lonLat: LonLat(36.30, 33.52), admin1: "Damascus", source: "test"),
        Place(id: "aleppo-airport", kind: .airport, nameEn: "Aleppo International Airport", nameAr: "مطار حلب الدولي",
              altNames: ["مطار حلب", "Aleppo airport"], lonLat: LonLat(37.22, 36.18), source: "test"),
        Place(id: "nubl", kind: .town, nameEn: "Nubl", nameAr: "نبل", lonLat: LonLat(36.99, 36.38), source: "test"),
    ])

    @Test func twoPlacesOfTheSameNameAndRankAreAmbiguousAndListed() {
        guard case .ambiguous(let candidates) = small.resolve("Ashrafieh") else {
            Issue.record("expected ambiguity")
            return
        }
        #expect(Set(candidates.map(\.id)) == ["aleppo-ashrafieh", "damascus-ashrafieh"])
    }

    @Test(arguments: ["Aleppo/Ashrafieh", "حلب/الأشرفية", "aleppo/Achrafieh"])
    func aParentScopePicksTheChild(query: String) {
        guard case .found(let place, _) = small.resolve(query) else {
            Issue.record("\(query) did not resolve")
            return
        }
        #expect(place.id == "aleppo-ashrafieh")
    }

    @Test func withinScopeWorksLikeASlash() {
        let aleppo = small.place(id: "aleppo")!
        guard case .found(let place, _) = small.resolve("Ashrafieh", within: aleppo) else {
            Issue.record("no match within Aleppo")
            return
        }
        #expect(place.id == "aleppo-ashrafieh")
    }

    @Test func aGenericWordSelectsTheKindItNames() {
        guard case .found(let airport, _) = small.resolve("مطار حلب"), case .found(let city, _) = small.resolve("حلب")
        else {
            Issue.record("both should resolve")
            return
        }
        #expect(airport.id == "aleppo-airport", "مطار حلب is the airport")
        #expect(city.id == "aleppo", "حلب alone is the city")
    }

    /// A place's own spelling with a generic word ("مطار كويرس") must not hide its bare spelling, whatever
    /// their order, and "Air Base" in two words means what "airbase" means.
    @Test func aBaseIsFoundByItsBareNameAndByAirBaseInTwoWords() {
        let base = Place(id: "kw", kind: .airbase, nameEn: "Kuweires Air Base", nameAr: "مطار كويرس",
                         altNames: ["كويرس"], lonLat: LonLat(37.58, 36.19), source: "test")
        let gazetteer = Gazetteer(places: [base])
        for spelling in ["كويرس", "مطار كويرس", "Kuweires", "Kuweires airbase", "Kuweires Air Base", "Kweiris air base"] {
            guard case .found(let place, _) = gazetteer.resolve(spelling) else {
                Issue.record("\(spelling) did not resolve")
                continue
            }
            #expect(place.id == "kw", "\(spelling)")
        }
    }

    @Test func anUnknownNameSuggestsNearSpellings() {
        guard case .unknown(let suggestions) = small.resolve("Nubk") else {
            Issue.record("Nubk should not resolve")
            return
        }
        #expect(suggestions.first?.id == "nubl")
    }

    @Test func nothingLikeAnyPlaceSuggestsNothing() {
        #expect(small.resolve("Zzzzzzzz") == .unknown(suggestions: []))
    }

    @Test func anIdResolvesToItself() {
        #expect(small.resolve("aleppo-ashrafieh") == .found(small.place(id: "aleppo-ashrafieh")!, score: 1))
    }

    @Test func reverseLookUpFindsTheNearestPlace() throws {
        let nearest = try #require(small.nearest(to: LonLat(37.0, 36.37)))
        #expect(nearest.place.id == "nubl")
        #expect(nearest.distanceKm < 2)
    }

    @Test func reverseLookUpOnTheBundledGazetteerFindsAleppoAtItsCentre() throws {
        let nearest = try #require(try BundledGazetteer.gazetteer.get().nearest(to: LonLat(37.1612, 36.2012)))
        #expect(nearest.place.id == "gn-170063" || nearest.place.parent == "gn-170063")
    }
}
