import Canvas
import Cartography
import Claims
import Foundation
import Gazetteer
import Hummingbird
import Logging
import Storage
import Territory

/// What the routes answer with: maps, diffs, GeoJSON and look-ups of the scenario being served, made on the
/// render thread and kept in the artifact cache.
final class MapService: Sendable {
    let settings: ServerSettings
    let scenario: LiveScenario
    let cache: ArtifactCache
    let renderQueue = RenderQueue(label: "controlmap.render")
    let loadQueue = RenderQueue(label: "controlmap.load")
    let logger: Logger

    init(workspace: Workspace, settings: ServerSettings, logger: Logger) {
        self.settings = settings
        self.scenario = LiveScenario(workspace)
        self.cache = ArtifactCache(capacityBytes: settings.cacheBytes)
        self.logger = logger
    }

    // MARK: - Images

    /// `/map.png|svg|pdf?date=&view=&lang=&width=`
    func map(_ request: Request, format: ImageFormat) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["date", "view", "lang", "width"],
                                        route: "/map.\(format.rawValue)")
        let version = scenario.current
        let scenario = version.workspace.scenario
        let map = MapRequest(date: try query.date(scenario: scenario), view: try query.view(scenario: scenario),
                             language: try query.language(), format: format, widthPx: try query.width())
        return try await image(map, version: version).response(to: request)
    }

    /// `/diff.png|svg?from=&to=&view=&lang=&width=`
    func diffMap(_ request: Request, format: ImageFormat) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["from", "to", "view", "lang", "width"],
                                        route: "/diff.\(format.rawValue)")
        let version = scenario.current
        let scenario = version.workspace.scenario
        let range = try query.dateRange(scenario: scenario)
        let map = MapRequest(date: range.to, diffFrom: range.from, view: try query.view(scenario: scenario),
                             language: try query.language(), format: format, widthPx: try query.width())
        return try await image(map, version: version).response(to: request)
    }

    private func image(_ map: MapRequest, version: LiveScenario.Version) async throws -> Artifact {
        let dates = map.diffFrom.map { "\($0)..\(map.date)" } ?? "\(map.date)"
        let key = "\(version.generation) \(dates) \(map.view.id) \(map.language) \(map.widthPx) \(map.format)"
        let contentType = switch map.format {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .pdf: "application/pdf"
        }
        return try await made(key, version) { workspace in
            let renderer = MapRenderer(basemap: workspace.basemap, territory: workspace.territory)
            return Artifact(bytes: try renderer.render(map), contentType: contentType)
        }
    }

    // MARK: - Data

    /// `/snapshot.geojson?date=`: the FeatureCollection that `controlmap snapshot` writes.
    func snapshot(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["date"], route: "/snapshot.geojson")
        let version = scenario.current
        let date = try query.date(scenario: version.workspace.scenario)
        return try await made("\(version.generation) snapshot \(date)", version) { workspace in
            let territory = try workspace.territory.map(at: date)
            return Artifact(bytes: Array((try territory.geoJSON(scenario: workspace.scenario).serialized() + "\n").utf8),
                            contentType: ContentType.geoJSON)
        }.response(to: request)
    }

    /// `/diff.json?from=&to=`: the JSON that `controlmap diff --format json` writes.
    func diff(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["from", "to"], route: "/diff.json")
        let version = scenario.current
        let range = try query.dateRange(scenario: version.workspace.scenario)
        return try await made("\(version.generation) diff \(range.from)..\(range.to)", version) { workspace in
            let diff = try workspace.territory.diff(from: range.from, to: range.to)
            return Artifact(bytes: Array((diff.json(scenario: workspace.scenario).serialized(pretty: true) + "\n").utf8),
                            contentType: ContentType.json)
        }.response(to: request)
    }

    /// `/resolve?q=`: one object of `controlmap resolve --format json`; 404 when the name is unknown.
    func resolve(_ request: Request) throws -> Response {
        let query = try QueryParameters(request.uri.query, allowed: ["q"], route: "/resolve")
        guard let name = query["q"] else {
            throw RequestProblem.badParameter("q", "q is required: a place name in Arabic or any Latin spelling")
        }
        let resolution = scenario.current.workspace.scenario.gazetteer.resolve(name)
        var response = Artifact(bytes: Array((resolution.json(query: name).serialized(pretty: true) + "\n").utf8),
                                contentType: ContentType.json).response(to: request)
        if case .unknown = resolution { response.status = .notFound }
        return response
    }

    /// Runs `make` on the render thread for the cache under `key`; a failure of the pipeline is a 500 that says
    /// what failed, and is logged; a refusal (the server is stopping) is passed on as it is.
    private func made(_ key: String, _ version: LiveScenario.Version,
                      _ make: @escaping @Sendable (Workspace) throws -> Artifact) async throws -> Artifact {
        do {
            return try await cache.artifact(key) {
                try await self.renderQueue.run { try make(version.workspace) }
            }
        } catch let problem as RequestProblem {
            throw problem
        } catch {
            logger.error("making \(key) failed: \(error)")
            throw RequestProblem(.internalServerError, "making this failed (\(error)); the server log has the details")
        }
    }

    // MARK: - Reloading

    /// Loads the scenario folder again: served from now on when it loads, else its problems are kept for the page
    /// and `/health` and the last good version stays.
    func reload() async {
        let paths = settings.inputs, cached = settings.cachedCells, logger = logger
        do {
            let workspace = try await loadQueue.run {
                try Workspace.load(paths, cache: cached ? .standard(warn: { logger.warning("\($0)") }) : nil)
            }
            scenario.replace(with: workspace)
            await cache.removeAll()
            let generation = scenario.current.generation
            logger.info("reloaded \(paths.scenarioURL.path): \(workspace.scenario.claims.count) claims, generation \(generation)")
        } catch let error as InputError {
            let problems = error.problems.filter { !$0.isWarning }.map(\.description)
            scenario.keep(because: problems)
            logger.warning("kept the last good scenario: \(problems.count) problems in \(paths.scenarioURL.path)")
        } catch {
            scenario.keep(because: ["\(error)"])
            logger.warning("kept the last good scenario: \(error)")
        }
    }
}
