public import Hummingbird
import Foundation

/// A response body the server made once and can send many times: its bytes, type and entity tag.
public struct Artifact: Sendable {
    public let bytes: [UInt8]
    public let contentType: String
    /// A strong entity tag from the bytes: equal bytes, equal tags, across reloads and restarts.
    public let eTag: String

    public init(bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
        eTag = "\"" + Self.fingerprint(bytes) + "\""
    }

    /// The response to `request`: 304 with no body when its `If-None-Match` names this tag, else the bytes.
    /// `Cache-Control: no-cache` lets a browser keep the body but ask again each time, since the claims behind a
    /// map may be edited at any moment.
    public func response(to request: Request) -> Response {
        var response: Response
        if matches(request.headers[.ifNoneMatch]) {
            response = Response(status: .notModified)
        } else {
            response = .bytes(bytes, contentType: contentType)
        }
        response.headers[.eTag] = eTag
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    /// Whether an `If-None-Match` list (weak comparison, `*` matching anything) names this tag.
    private func matches(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == eTag || tag == "W/" + eTag
        }
    }

    /// FNV-1a over the bytes, as 16 hex digits.
    private static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
