/// A failure reported by GDAL, or a format GDAL was built without; `advice` says what to do next.
public struct GISError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var advice: String

    public init(_ message: String, advice: String) {
        self.message = message
        self.advice = advice
    }

    public var description: String { "\(message); \(advice)" }
}
