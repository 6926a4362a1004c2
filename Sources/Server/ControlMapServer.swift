import Canvas
public import Hummingbird
public import Logging
public import Storage

/// `controlmap serve`: the scenario's maps, diffs and data over HTTP, for pages and `<iframe>`s, following edits
/// of the scenario folder as they are saved.
public struct ControlMapServer: Sendable {
    /// Every path served; any other is a 404.
    public static let paths: Set<String> = [
        "/", "/embed", "/map.png", "/map.svg", "/map.pdf", "/diff.png", "/diff.svg", "/snapshot.geojson",
        "/diff.json", "/resolve", "/scenario.json", "/health",
    ]

    let service: MapService

    /// A server for a workspace already loaded (the scenario named by `settings.inputs`).
    public init(workspace: Workspace, settings: ServerSettings, logger: Logger) {
        service = MapService(workspace: workspace, settings: settings, logger: logger)
    }

    /// The routes, behind the guard that refuses what is not served and logs every request.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(options: [.autoGenerateHeadEndpoints])
        router.add(middleware: RequestGuard(paths: Self.paths))
        let service = service
        router.get("/") { request, _ in try service.page(request) }
        router.get("/embed") { request, _ in try service.embed(request) }
        for format in ImageFormat.allCases {
            router.get("/map.\(format.rawValue)") { request, _ in try await service.map(request, format: format) }
        }
        for format in [ImageFormat.png, .svg] {
            router.get("/diff.\(format.rawValue)") { request, _ in
                try await service.diffMap(request, format: format)
            }
        }
        router.get("/snapshot.geojson") { request, _ in try await service.snapshot(request) }
        router.get("/diff.json") { request, _ in try await service.diff(request) }
        router.get("/resolve") { request, _ in try service.resolve(request) }
        router.get("/scenario.json") { request, _ in try service.scenarioInfo(request) }
        router.get("/health") { request, _ in try await service.health(request) }
        return router
    }

    /// The application, with the watcher of the scenario folder among its services.
    public func application() -> some ApplicationProtocol {
        let service = service
        let watcher = ScenarioWatcher(folder: service.settings.inputs.scenarioURL,
                                      interval: service.settings.pollInterval) { await service.reload() }
        return Application(router: router(),
                           configuration: .init(address: .hostname(service.settings.host, port: service.settings.port),
                                                serverName: "controlmap"),
                           services: [watcher], logger: service.logger)
    }

    /// Serves until SIGINT or SIGTERM, then lets requests in progress finish and returns.
    public func run() async throws {
        try await application().runService(gracefulShutdownSignals: [.sigterm, .sigint])
        service.logger.info("stopped")
    }

    /// Loads the scenario folder again now, as the watcher does when a file changes.
    public func reload() async {
        await service.reload()
    }
}
