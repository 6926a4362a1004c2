import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Storage

/// The bundled scenario loaded once for every test, and a server over it or over a copy of its folder.
enum ServerFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let bundled = InputPaths(scenarioURL: repository.appendingPathComponent("Scenarios/aleppo-2024"),
                                    gazetteerURL: repository.appendingPathComponent("Gazetteer"))
    static let workspace: Result<Workspace, Error> = Result {
        try Workspace.load(bundled, cache: .standard(warn: { _ in }))
    }

    /// Whether "localhost" resolves here. HummingbirdTesting's live client and server name it, so the tests over a
    /// real socket need it; a root without `/etc/hosts` (some containers and chroots) does not resolve it.
    static let localhostResolves: Bool = {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        defer { if let found { freeaddrinfo(found) } }
        return getaddrinfo("localhost", nil, &hints, &found) == 0 && found != nil
    }()

    static var logger: Logger {
        var logger = Logger(label: "controlmap.serve.test")
        logger.logLevel = .warning
        return logger
    }

    /// A server over the bundled scenario, listening on a free loopback port when run live.
    static func server(inputs: InputPaths = bundled, workspace: Workspace? = nil) throws -> ControlMapServer {
        let settings = ServerSettings(port: 0, inputs: inputs, cacheBytes: 8 << 20)
        return ControlMapServer(workspace: try workspace ?? Self.workspace.get(), settings: settings, logger: logger)
    }

    /// Runs `test` against the server's routes without a socket.
    static func withClient<T: Sendable>(_ server: ControlMapServer? = nil,
                                        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> T)
        async throws -> T {
        let app = Application(router: try (server ?? Self.server()).router(), logger: logger)
        return try await app.test(.router) { client in try await test(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
