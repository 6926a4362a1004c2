import Testing
@testable import Gazetteer

/// Whether a name names an administrative level ("Idlib governorate", "منطقة حارم"): the word may stand first or
/// last, after any kind of space.
struct LevelWordTests {
    @Test(arguments: [
        "Idlib governorate", "Harim District", "منطقة حارم", "محافظة إدلب", "Idlib\u{00A0}governorate",
        "district\u{2003}Harim", "Aleppo\tprovince", "Idlib\u{3000}governorate",
    ])
    func aNameWithALevelWordNamesALevel(name: String) {
        #expect(AdminRegions.namesLevel(name))
    }

    @Test(arguments: ["Idlib", "حارم", "Tal Rifaat", "Governorate", "Sheikh Maqsoud", "districts of Aleppo", ""])
    func aNameWithoutOneDoesNot(name: String) {
        #expect(!AdminRegions.namesLevel(name))
    }
}
