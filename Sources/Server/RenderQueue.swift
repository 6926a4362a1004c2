import Dispatch
import Hummingbird
import ServiceLifecycle
import Synchronization

/// One thread for blocking work: requests render one at a time on one queue, off the threads that serve
/// connections, so a slow map never holds up a cached one; reloads of the scenario run on another, since loading
/// makes its own GEOS and PROJ contexts and draws nothing. Once the server is asked to stop, work that has not
/// started is refused with 503 rather than run, so a backlog of slow maps does not hold up the shutdown.
final class RenderQueue: Sendable {
    private let queue: DispatchQueue
    /// Set once the server is asked to stop; readable by tests.
    let stopping = Atomic<Bool>(false)

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` on the queue's thread once the work before it is done, unless the server is stopping by then.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [self] in
                    guard !stopping.load(ordering: .acquiring) else {
                        continuation.resume(throwing: RequestProblem(
                            .serviceUnavailable, "the server is stopping; ask again once it is back"))
                        return
                    }
                    continuation.resume(with: Result { try work() })
                }
            }
        } onGracefulShutdown: { [self] in
            stopping.store(true, ordering: .releasing)
        }
    }
}
