import Foundation

/// A request's query, parsed strictly: only the names a route takes, each at most once, percent-encoding that
/// decodes to text without control characters, and a bounded length. Anything else is a 400 naming the parameter.
struct QueryParameters: Sendable {
    /// Longer query strings are refused before they are parsed.
    static let maxQueryBytes = 2048
    /// Longer values are refused; a place name or a date is far shorter.
    static let maxValueBytes = 200

    private var values: [String: String]

    /// Parses `query` (the part after `?`, nil when there is none) for a route that takes `allowed` names.
    init(_ query: String?, allowed: [String], route: String) throws {
        values = [:]
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= Self.maxQueryBytes else {
            throw RequestProblem.badParameter("query", "the query string is \(query.utf8.count) bytes long; "
                + "\(route) takes at most \(Self.maxQueryBytes)")
        }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true)
        let taken = allowed.isEmpty ? "no parameters" : allowed.joined(separator: ", ")
        if pairs.count > allowed.count {
            let name = Self.decode(pairs[allowed.count].split(separator: "=", maxSplits: 1).first.map(String.init))
            throw RequestProblem.badParameter(name ?? "query", "too many parameters (\(pairs.count)); \(route) takes "
                + "at most \(allowed.count): \(taken)")
        }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(String(parts[0])) else {
                throw RequestProblem.badParameter("query", "a parameter name is not valid percent-encoded text")
            }
            guard allowed.contains(name) else {
                throw RequestProblem.badParameter(name, "unknown parameter \"\(Self.printable(name))\"; \(route) "
                    + "takes \(taken)")
            }
            guard values[name] == nil else {
                throw RequestProblem.badParameter(name, "\(name) is given more than once; give it once")
            }
            guard let value = Self.decode(parts.count > 1 ? String(parts[1]) : "") else {
                throw RequestProblem.badParameter(name, "\(name) is not valid percent-encoded text without control "
                    + "characters")
            }
            guard value.utf8.count <= Self.maxValueBytes else {
                throw RequestProblem.badParameter(name, "\(name) is longer than \(Self.maxValueBytes) bytes")
            }
            values[name] = value
        }
    }

    /// The value of `name`, nil when absent or empty.
    subscript(name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `+` as a space, then percent-decoding; nil when that fails or yields a control character.
    private static func decode(_ text: String?) -> String? {
        guard let text, let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            return nil
        }
        guard !decoded.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        return decoded
    }

    /// At most 40 characters of a name, for error messages.
    private static func printable(_ name: String) -> String {
        name.count > 40 ? String(name.prefix(40)) + "…" : name
    }
}
