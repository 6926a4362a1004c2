import Dispatch

/// One thread for blocking work: requests render one at a time on one queue, off the threads that serve
/// connections, so a slow map never holds up a cached one; reloads of the scenario run on another, since loading
/// makes its own GEOS and PROJ contexts and draws nothing.
final class RenderQueue: Sendable {
    private let queue = DispatchQueue(label: "controlmap.render")

    /// Runs `work` on the render thread once the work before it is done.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
