import Testing
@testable import Geometry

struct ProjectionTests {
    @Test func lambertConicRoundTripsAleppo() throws {
        let projection = try Projection("+proj=lcc +lat_1=35 +lat_2=37 +lat_0=36 +lon_0=37 +datum=WGS84 +units=m")
        let aleppo = LonLat(37.16117, 36.20124)
        let projected = try #require(projection.project(aleppo))
        let back = try #require(projection.unproject(projected))
        #expect(abs(back.lon - aleppo.lon) < 1e-9 && abs(back.lat - aleppo.lat) < 1e-9)
        #expect(abs(projected.x - 14_500) < 1_000, "about 14.5 km east of the central meridian")
    }

    @Test func anUnknownProjectionIsAnError() {
        #expect(throws: GeometryError.self) { try Projection("+proj=nonsense") }
    }

    /// PROJ strings are built without PROJ's database; UTM zone 37 places Aleppo's citadel where pyproj does.
    @Test func aUTMStringProjectsAsPyprojDoes() throws {
        let projection = try Projection("+proj=utm +zone=37 +datum=WGS84")
        let projected = try #require(projection.project(LonLat(37.1343, 36.2021)))
        #expect(abs(projected.x - 332_269.936) < 0.01 && abs(projected.y - 4_007_977.952) < 0.01)
    }

    /// A definition that needs the database (an EPSG code) is made once PROJ's own search paths are back.
    @Test func aDefinitionThatNeedsTheDatabaseIsStillMade() throws {
        _ = try Projection("EPSG:32637")
        let lambert = try Projection("+proj=lcc +lat_1=35 +lat_2=37 +lat_0=36 +lon_0=37 +datum=WGS84 +units=m")
        #expect(lambert.project(LonLat(37.16117, 36.20124)) != nil)
    }
}
