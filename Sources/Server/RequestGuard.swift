import Foundation
import Hummingbird
import Logging

/// The outermost layer: refuses what the server never serves (methods other than GET and HEAD, request bodies,
/// paths it has no route for) before routing, turns every error into a JSON answer, and logs one line per request.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// Every path the router serves; any other path is a 404 before it reaches a handler.
    let paths: Set<String>

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            try refuseUnserved(request)
            response = try await next(request, context)
        } catch let problem as RequestProblem {
            response = try problem.response(from: request, context: context)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            response = try RequestProblem(.internalServerError, "the server failed; its log has the details")
                .response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info("request", metadata: [
            "method": "\(request.method)", "path": "\(Self.truncated(request.uri.path))",
            "query": "\(Self.truncated(request.uri.query ?? ""))", "status": "\(response.status.code)",
            "bytes": "\(response.headers[.contentLength] ?? "0")",
            "ms": "\(String(format: "%.1f", milliseconds))",
        ])
        return response
    }

    private func refuseUnserved(_ request: Request) throws {
        guard request.method == .get || request.method == .head else {
            throw RequestProblem(.methodNotAllowed, "\(request.method) is not served; use GET or HEAD")
        }
        let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        guard length == 0, request.headers[.transferEncoding] == nil else {
            throw RequestProblem(.contentTooLarge, "request bodies are refused; put parameters in the query")
        }
        guard paths.contains(request.uri.path) else {
            throw RequestProblem(.notFound, "nothing is served at \(Self.truncated(request.uri.path)); "
                + "the paths are " + paths.sorted().joined(separator: ", "))
        }
    }

    /// At most 200 characters of a request's text, for logs and messages.
    private static func truncated(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
