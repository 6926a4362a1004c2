import Dispatch

/// Work started on another thread at once, its outcome waited for where it is needed: a file read beside
/// another on the second core.
public final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.outcome = Result(catching: work)
            self.done.signal()
        }
    }

    private init(known value: Value) {
        outcome = .success(value)
        done.signal()
    }

    /// A value known already, for a caller that takes either.
    public static func ready(_ value: Value) -> Background { Background(known: value) }

    /// The work's value, or its error, once it is done; may be asked again.
    public func value() throws -> Value {
        done.wait()
        defer { done.signal() }
        return try outcome!.get()
    }
}
