import Cartography
import Claims
import Foundation
import Gazetteer
import Hummingbird

/// `/scenario.json` and `/health`: what a page or a monitor needs to know about the scenario being served.
extension MapService {
    /// The scenario's title, dates, views, languages, actors, sides and sources, and the loaded generation.
    func scenarioJSON() -> JSONValue {
        let version = scenario.current
        let scenario = version.workspace.scenario
        let views = MapView.all(for: scenario).map { view in
            JSONValue.object([("id", .string(view.id)), ("name", .string(view.name.en)),
                              ("name_ar", .string(view.name.ar))])
        }
        let actors = scenario.actors.map { actor in
            JSONValue.object([("id", .string(actor.id)), ("name", .string(actor.nameEn)),
                              ("name_ar", .string(actor.nameAr)), ("colour", .string(actor.colour)),
                              ("side", .string(scenario.sides.side(of: actor.id)))])
        }
        let sides = scenario.sides.sides.map { side in
            JSONValue.object([("id", .string(side.id)), ("name", .string(side.name.en)),
                              ("name_ar", .string(side.name.ar)),
                              ("actors", .array(side.actors.map { .string($0) }))])
        }
        let sources = scenario.citations.map { citation in
            JSONValue.object([("source", .string(citation.source)), ("url", .string(citation.url))])
        }
        return .object([
            ("title", .string(scenario.title.en)), ("title_ar", .string(scenario.title.ar)),
            ("dates", .array(scenario.dates.map { .string("\($0)") })),
            ("default_view", .string(scenario.defaultView)), ("views", .array(views)),
            ("languages", .array(Language.allCases.map { .string($0.rawValue) })),
            ("actors", .array(actors)), ("sides", .array(sides)), ("sources", .array(sources)),
            ("generation", .integer(version.generation)),
        ])
    }

    /// `/scenario.json`
    func scenarioInfo(_ request: Request) throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [], route: "/scenario.json")
        return Artifact(bytes: Array((scenarioJSON().serialized(pretty: true) + "\n").utf8),
                        contentType: ContentType.json).response(to: request)
    }

    /// `/health`: `ok` while the newest scenario files are served, `stale` while a later edit does not load and
    /// the last good version is served (with the problems); never cached.
    func health(_ request: Request) async throws -> Response {
        _ = try QueryParameters(request.uri.query, allowed: [], route: "/health")
        let version = scenario.current
        let problems = scenario.problems
        let body = JSONValue.object([
            ("status", .string(problems.isEmpty ? "ok" : "stale")),
            ("scenario", .string(settings.inputs.scenarioURL.lastPathComponent)),
            ("generation", .integer(version.generation)),
            ("loaded_at", .string(ISO8601DateFormatter().string(from: version.loadedAt))),
            ("problems", .array(problems.map { .string($0) })),
            ("cache_bytes", .integer(await cache.size)), ("made", .integer(await cache.made)),
        ])
        var response = Response.bytes(Array((body.serialized(pretty: true) + "\n").utf8),
                                      contentType: ContentType.json)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
