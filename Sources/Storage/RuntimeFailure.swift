/// A failure of the machine rather than of the input or the command line: a file that cannot be written, a C
/// library that fails. Printed with what to do next; exit status 2.
public struct RuntimeFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var advice: String

    public init(_ message: String, advice: String) {
        self.message = message
        self.advice = advice
    }

    public var description: String { "error: \(message); \(advice)" }
}
