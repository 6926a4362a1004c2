import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// Every route answers with what it says, in the type it says; images are cached and revalidated.
@Suite struct RouteTests {
    @Test(arguments: [
        ("/", "text/html"), ("/embed?date=2024-11-30&lang=ar", "text/html"), ("/scenario.json", "application/json"),
        ("/health", "application/json"), ("/resolve?q=%D8%AD%D9%84%D8%A8", "application/json"),
        ("/snapshot.geojson?date=2024-11-30", "application/geo+json"),
        ("/diff.json?from=2024-11-26&to=2024-11-30", "application/json"),
        ("/map.png?width=200&view=aleppo-city", "image/png"), ("/map.svg?view=aleppo-city&lang=ar", "image/svg+xml"),
        ("/map.pdf?view=aleppo-city&lang=both", "application/pdf"),
        ("/diff.png?from=2024-11-26&to=2024-11-30&width=200", "image/png"),
        ("/diff.svg?from=2024-11-26&to=2024-11-30&view=aleppo-city", "image/svg+xml"),
    ])
    func everyRouteAnswersInItsType(uri: String, type: String) async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(uri)")
                #expect(response.body.readableBytes > 100, "\(uri) is nearly empty")
            }
        }
    }

    @Test func imagesStartWithTheirFormatsSignature() async throws {
        try await ServerFixture.withClient { client in
            let png = try await client.execute(uri: "/map.png?width=200", method: .get)
            #expect(Array(png.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let pdf = try await client.execute(uri: "/map.pdf?view=aleppo-city", method: .get)
            #expect(pdf.text.hasPrefix("%PDF"))
            let svg = try await client.execute(uri: "/map.svg?view=aleppo-city", method: .get)
            #expect(svg.text.contains("<svg"))
        }
    }

    @Test func scenarioJSONListsDatesViewsAndSides() async throws {
        try await ServerFixture.withClient { client in
            let info = try await client.execute(uri: "/scenario.json", method: .get).json
            let dates = info["dates"] as? [String] ?? []
            #expect(dates.first == "2024-11-26")
            #expect(dates.contains("2024-11-30"))
            let views = (info["views"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(Set(["syria", "northwest", "aleppo-city"]).isSubset(of: Set(views)))
            let sides = (info["sides"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(sides.contains("opposition"))
        }
    }

    @Test func snapshotsOfTwoDatesDiffer() async throws {
        try await ServerFixture.withClient { client in
            let early = try await client.execute(uri: "/snapshot.geojson?date=2024-11-26", method: .get)
            let late = try await client.execute(uri: "/snapshot.geojson?date=2024-12-08", method: .get)
            #expect(early.json["type"] as? String == "FeatureCollection")
            #expect(early.text != late.text)
        }
    }

    @Test func resolveFindsKnownNamesAndSuggestsForUnknownOnes() async throws {
        try await ServerFixture.withClient { client in
            let found = try await client.execute(uri: "/resolve?q=Nubl", method: .get)
            #expect(found.status == .ok)
            #expect((found.json["name"] as? String) == "Nubl")
            let unknown = try await client.execute(uri: "/resolve?q=Nubbbbl%20Qqq", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.json["error"] as? String == "unknown place")
        }
    }

    @Test func aRepeatedImageIsServedFromTheCacheAndRevalidated() async throws {
        try await ServerFixture.withClient { client in
            let uri = "/map.png?width=210&view=aleppo-city"
            let first = try await client.execute(uri: uri, method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(first.headers[.cacheControl] == "no-cache")
            let made = try await client.execute(uri: "/health", method: .get).json["made"] as? Int
            let second = try await client.execute(uri: uri, method: .get)
            #expect(second.headers[.eTag] == tag)
            #expect(second.body == first.body)
            #expect(try await client.execute(uri: "/health", method: .get).json["made"] as? Int == made,
                    "the second request rendered again")
            let revalidated = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.body.readableBytes == 0)
            let stale = try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"0\""])
            #expect(stale.status == .ok)
        }
    }

    @Test func identicalRequestsInFlightAreRenderedOnce() async throws {
        try await ServerFixture.withClient { client in
            let before = try await client.execute(uri: "/health", method: .get).json["made"] as? Int ?? -1
            let uri = "/map.png?width=230&view=syria&lang=ar"
            let tags = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await client.execute(uri: uri, method: .get).headers[.eTag] }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(Set(tags).count == 1 && tags[0] != nil)
            let after = try await client.execute(uri: "/health", method: .get).json["made"] as? Int ?? -1
            #expect(after == before + 1, "six identical requests made \(after - before) images")
        }
    }

    @Test func headAnswersWithHeadersAndNoBody() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.execute(uri: "/scenario.json", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.eTag] != nil)
        }
    }
}
