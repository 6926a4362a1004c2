import Testing
@testable import Geometry

struct GeodesicTests {
    /// Areas of one-degree quadrangles on WGS84 from the closed-form authalic formula. Polygon edges are
    /// geodesics, so the parallels are traced with many short edges.
    @Test(arguments: [(0.0, 12_308.464), (36.0, 9_941.644)])
    func quadrangleAreaMatchesTheEllipsoidFormula(latitude: Double, expectedKm2: Double) {
        let steps = 2000
        let south = (0...steps).map { LonLat(37 + Double($0) / Double(steps), latitude) }
        let north = (0...steps).map { LonLat(38 - Double($0) / Double(steps), latitude + 1) }
        let box = MultiPolygon([Polygon(exterior: south + north)])
        let area = Geodesic.areaKm2(box)
        #expect(abs(area - expectedKm2) < 0.01, "got \(area) km²")
    }

    @Test func holesAreSubtracted() {
        let outer = Polygon.rectangle(Envelope(minLon: 35, minLat: 35, maxLon: 37, maxLat: 37)).exterior
        let hole = Polygon.rectangle(Envelope(minLon: 36, minLat: 36, maxLon: 37, maxLat: 37)).exterior
        let withHole = Geodesic.areaKm2(MultiPolygon([Polygon(exterior: outer, holes: [hole])]))
        let quadrant = Geodesic.areaKm2(MultiPolygon([Polygon(exterior: hole)]))
        let whole = Geodesic.areaKm2(MultiPolygon([Polygon(exterior: outer)]))
        #expect(abs(withHole - (whole - quadrant)) < 1e-6)
    }

    @Test func distanceFromAleppoToDamascusIsAboutThreeHundredAndTenKm() {
        let km = Geodesic.distanceKm(LonLat(37.16117, 36.20124), LonLat(36.29128, 33.5102))
        #expect((305...315).contains(km), "got \(km) km")
    }
}
