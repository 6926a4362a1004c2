import Claims
import Gazetteer
import Geometry
import Testing

/// Places named in messages give their position longitude first, as claims, `--at` and GeoJSON do.
struct PlaceDescriptionTests {
    @Test func positionsAreLongitudeFirst() {
        let nubl = Place(id: "gn-166331", kind: .town, nameEn: "Nubl", nameAr: "نبل", lonLat: LonLat(36.9929, 36.3787),
                         admin1: "Aleppo", source: "GeoNames 166331")
        #expect(PlaceDescription.withID(nubl) == "gn-166331 Nubl (نبل, Aleppo) at 36.9929,36.3787")
    }
}
