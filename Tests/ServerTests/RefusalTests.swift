import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

/// What the server refuses, it refuses with a status and a JSON error naming the parameter at fault.
@Suite struct RefusalTests {
    @Test(arguments: [
        ("/map.png?view=mars", "view"), ("/map.png?lang=fr", "lang"), ("/map.svg?lang=AR%20", "lang"),
        ("/map.png?date=2024-13-40", "date"), ("/map.png?date=yesterday", "date"), ("/map.png?date=1999-01-01", "date"),
        ("/map.png?date=2024-02-30", "date"), ("/map.png?width=199", "width"), ("/map.png?width=6001", "width"),
        ("/map.png?width=12abc", "width"), ("/map.pdf?width=-1", "width"), ("/map.png?colour=red", "colour"),
        ("/map.png?date=2024-11-30&date=2024-12-01", "date"), ("/map.png?a=1&b=2&c=3&d=4&e=5", "e"),
        ("/map.png?date=%zz", "date"), ("/map.png?view=%00", "view"), ("/map.png?%ff=1", "query"),
        ("/diff.png?from=2024-11-30&to=2024-11-26", "from"), ("/diff.svg?to=2024-13-01", "to"),
        ("/diff.json?from=2024-11-30&to=2024-11-30", "from"), ("/diff.json?from=1990-01-01", "from"),
        ("/diff.png?view=moon", "view"), ("/snapshot.geojson?date=2024-11-31", "date"),
        ("/snapshot.geojson?width=300", "width"), ("/resolve", "q"), ("/resolve?q=%00", "q"),
        ("/resolve?q=" + String(repeating: "a", count: 201), "q"), ("/scenario.json?x=1", "x"), ("/health?x=1", "x"),
        ("/embed?view=nowhere", "view"), ("/embed?width=300", "width"), ("/?lang=de", "lang"), ("/?date=x", "date"),
        ("/map.png?date=" + String(repeating: "9", count: 3000), "query"),
    ])
    func aBadParameterIsA400NamingIt(uri: String, parameter: String) async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri.prefix(80)) answered \(response.status)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.json["parameter"] as? String == parameter, "\(response.text.prefix(300))")
                #expect((response.json["error"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test(arguments: [
        "/nope", "/map.gif", "/map.png/", "/MAP.PNG", "/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd",
        "/map.png/..%2f..%2fetc%2fpasswd", "/Gazetteer/basemap/country.geojson", "/Scenarios/aleppo-2024/claims.csv",
        "/%00", "/map.png%00.txt", "//etc/passwd", "/..%5c..%5cwindows", "/%252e%252e/etc/passwd",
    ])
    func anUnknownPathIsA404(uri: String) async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri) answered \(response.status)")
                #expect(response.json["error"] != nil)
                #expect(!response.text.contains("root:"), "\(uri) reached a file")
            }
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options, .trace, .connect])
    func methodsOtherThanGetAndHeadAre405(method: HTTPRequest.Method) async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/map.png", method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func aRequestBodyIsRefused() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/health", method: .get, body: ByteBuffer(string: "date=2024-11-30")) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }

    @Test func tenThousandParametersAreA400() async throws {
        let query = (0..<10_000).map { "p\($0)=1" }.joined(separator: "&")
        try await ServerFixture.withClient { client in
            let response = try await client.execute(uri: "/map.png?" + query, method: .get)
            #expect(response.status == .badRequest)
            #expect(response.json["parameter"] as? String == "query")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }
}

/// The same refusals over a real socket, where the HTTP parser sees the bytes first. (Requests past the parser's
/// own limits, which close the connection, are sent by scripts/serve-checks.sh on connections of their own.)
@Suite(.enabled(if: ServerFixture.localhostResolves, "the live test client connects to \"localhost\""))
struct LiveRefusalTests {
    @Test func hostileRequestsLeaveTheServerHealthy() async throws {
        let app = Application(router: try ServerFixture.server().router(),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              logger: ServerFixture.logger)
        try await app.test(.live) { client in
            let cases: [(String, [HTTPResponse.Status])] = [
                ("/%2e%2e/%2e%2e/etc/passwd", [.notFound]), ("/map.png?date=%00", [.badRequest]),
                ("/map.png?" + String(repeating: "x", count: 60_000), [.badRequest]),
                ("/map.png?" + Array(repeating: "a=1", count: 10_000).joined(separator: "&"), [.badRequest]),
                ("/../../../../etc/passwd", [.notFound, .badRequest]),
            ]
            for (uri, statuses) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(statuses.contains(response.status), "\(uri.prefix(60)) answered \(response.status)")
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .ok, "unhealthy after \(uri.prefix(60))")
            }
        }
    }
}
