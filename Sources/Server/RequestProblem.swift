public import Hummingbird
import Gazetteer

/// A request the server refuses, answered as `{"error": …, "parameter": …}` with its status, so that a page or a
/// script can tell which parameter to fix.
public struct RequestProblem: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let message: String
    /// The query parameter at fault, when one is.
    public let parameter: String?

    public init(_ status: HTTPResponse.Status, _ message: String, parameter: String? = nil) {
        self.status = status
        self.message = message
        self.parameter = parameter
    }

    /// A 400 naming the parameter at fault.
    static func badParameter(_ parameter: String, _ message: String) -> RequestProblem {
        RequestProblem(.badRequest, message, parameter: parameter)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields: [(String, JSONValue)] = [("error", .string(message))]
        if let parameter { fields.append(("parameter", .string(parameter))) }
        var response = Response.bytes(Array((JSONValue.object(fields).serialized() + "\n").utf8),
                                      contentType: ContentType.json, status: status)
        response.headers[.cacheControl] = "no-store"
        if status == .methodNotAllowed { response.headers[.allow] = "GET, HEAD" }
        return response
    }
}

/// The media types the server answers with.
enum ContentType {
    static let json = "application/json; charset=utf-8"
    static let geoJSON = "application/geo+json; charset=utf-8"
    static let html = "text/html; charset=utf-8"
}

extension Response {
    /// A response carrying `bytes` whole, with its length and type.
    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(bytes.count)
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
