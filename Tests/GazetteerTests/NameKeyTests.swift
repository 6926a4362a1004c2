import Testing
@testable import Gazetteer

struct NameKeyTests {
    /// Arabic spellings that must normalise to the same key: article, hamza forms, ta marbuta, alef maqsura,
    /// diacritics, tatweel and generic words.
    @Test(arguments: [
        ("الشيخ مقصود", "شيخ مقصود"), ("حي الشيخ مقصود", "الشيخ مقصود"), ("الأشرفية", "اشرفيه"),
        ("الأشرفيّة", "الاشرفية"), ("إدلب", "ادلب"), ("آذار", "اذار"), ("حماة", "حماه"), ("حمــاة", "حماة"),
        ("مدينة حلب", "حلب"), ("حَلَب", "حلب"), ("الزهراء", "الزهرا"), ("بلدة نبل", "نبل"), ("قرية الحاضر", "الحاضر"),
        ("مستشفى", "مستشفي"), ("خان شيخون", "خان شيخون"), ("معرة النعمان", "معره نعمان"), ("سراقب", "سراقب"),
        ("تل رفعت", "تل رفعت"), ("دير الزور", "دير زور"), ("مؤتة", "موته"), ("بئر", "بير"),
    ])
    func arabicVariantsShareAKey(left: String, right: String) {
        #expect(NameKey(left).key == NameKey(right).key, "\(left) ~ \(right)")
    }

    /// Latin transliterations that must share a key or, failing that, a consonant skeleton.
    @Test(arguments: [
        ("al-Shaar", "Shaar"), ("Al-Sha'ar", "ash-Shaar"), ("Sheikh Maqsoud", "Shaykh Maqsud"),
        ("Sheikh Maqsoud", "Shaikh Maksoud"), ("Cheikh Maqsoud", "Sheikh Maqsoud"), ("Ashrafieh", "Ashrafiyah"),
        ("Achrafieh", "Ashrafieh"), ("al-Zahraa", "Zahra"), ("Az-Zahraa", "Zehraa"), ("Hmeimim", "Khmeimim"),
        ("Hmeimim", "Humaymim"), ("Idlib", "Idleb"), ("Aleppo", "Alep"), ("Maarat al-Numan", "Ma'arrat an-Nu'man"),
        ("Khan Shaykhun", "Khan Sheikhoun"), ("Deir ez-Zor", "Deir al-Zour"), ("Tal Rifaat", "Tell Rifat"),
        ("Kuweires", "Kweiris"), ("Nayrab", "Neirab"), ("Saraqib", "Saraqeb"), ("Taftanaz", "Taftanāz"),
        ("Ḩamāh", "Hamah"), ("Jisr ash-Shughur", "Jisr al-Shughour"), ("Qamishli", "Kamishli"),
    ])
    func latinVariantsMatch(left: String, right: String) {
        let a = NameKey(left), b = NameKey(right)
        #expect(a.key == b.key || (!a.skeleton.isEmpty && a.skeleton == b.skeleton),
                "\(left) [\(a.key) / \(a.skeleton)] ~ \(right) [\(b.key) / \(b.skeleton)]")
    }

    @Test(arguments: [("Hama", "Hmeimim"), ("Homs", "Hama"), ("Nubl", "Anadan"), ("Azaz", "Afrin")])
    func differentPlacesStayApart(left: String, right: String) {
        let a = NameKey(left), b = NameKey(right)
        #expect(a.key != b.key && a.skeleton != b.skeleton, "\(left) must not match \(right)")
    }

    @Test func genericWordsBecomeKindHints() {
        #expect(NameKey("مطار حلب").kindHint.contains(.airport))
        #expect(NameKey("مطار حلب").key == NameKey("حلب").key)
        #expect(NameKey("Kuweires airbase").kindHint.contains(.airbase))
        #expect(NameKey("Ashrafieh district").kindHint.contains(.neighbourhood))
        #expect(NameKey("Aleppo").kindHint.isEmpty)
    }
}
