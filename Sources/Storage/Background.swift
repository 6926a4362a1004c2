import Dispatch

/// Work started on another thread at once, its outcome waited for where it is needed: a file read beside
/// another on the second core.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.outcome = Result(catching: work)
            self.done.signal()
        }
    }

    /// The work's value, or its error, once it is done; may be asked again.
    func value() throws -> Value {
        done.wait()
        defer { done.signal() }
        return try outcome!.get()
    }
}
