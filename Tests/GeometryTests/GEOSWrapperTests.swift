import Foundation
import Testing
@testable import Geometry

struct GEOSWrapperTests {
    @Test func malformedWKTThrowsASwiftError() {
        #expect(throws: GeometryError.self, "an unclosed polygon must be reported, not crash") {
            try MultiPolygon(wkt: "POLYGON((0 0, 1 0, 1 1")
        }
    }

    @Test func selfIntersectingPolygonIsReportedInvalidWithAReason() throws {
        let bowtie = try MultiPolygon(wkt: "POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
        let reason = try bowtie.invalidityReason()
        #expect(reason?.contains("Self-intersection") == true, "GEOS's reason should name the self-intersection")
        #expect(try bowtie.madeValid().invalidityReason() == nil, "made valid, the bowtie passes")
    }

    @Test func ringWithTooFewPositionsThrows() {
        #expect(throws: GeometryError.self) {
            try MultiPolygon([Polygon(exterior: [LonLat(0, 0), LonLat(1, 1)])]).intersection(with: MultiPolygon())
        }
    }

    @Test func intersectionOfOverlappingSquaresIsTheirCommonPart() throws {
        let a = try MultiPolygon(wkt: "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))")
        let b = try MultiPolygon(wkt: "POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))")
        let common = try a.intersection(with: b)
        #expect(common.envelope == Envelope(minLon: 1, minLat: 1, maxLon: 2, maxLat: 2))
    }

    @Test func unionAllMatchesAFoldOfPairwiseUnions() throws {
        let squares = try (0..<4).map { i in
            try MultiPolygon(wkt: "POLYGON((\(i) 0, \(i + 2) 0, \(i + 2) 1, \(i) 1, \(i) 0))")
        }
        let folded = try squares.dropFirst().reduce(squares[0]) { try $0.union(with: $1) }
        let all = try MultiPolygon.unionAll(squares)
        #expect(abs(Geodesic.areaKm2(all) - Geodesic.areaKm2(folded)) < 1e-6)
        #expect(try all.difference(folded).isEmpty, "nothing of the aggregate lies outside the fold")
    }

    /// Runs in its own process so that other tests' allocations do not count.
    @Test func tenThousandCreateDestroyCyclesDoNotGrowMemory() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/geometry-cycles")
        process.arguments = ["10000"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 2, "geometry-cycles printed \(text)")
        #expect(numbers[1] - numbers[0] < 512, "resident memory grew from \(numbers[0]) to \(numbers[1]) KiB")
    }
}
