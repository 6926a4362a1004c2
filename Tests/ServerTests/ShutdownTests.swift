import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
@testable import Server
import Synchronization
import Testing

/// Asked to stop, the server finishes the map it is drawing and refuses those still waiting, so a backlog of slow
/// maps does not hold up the shutdown.
@Suite struct ShutdownTests {
    /// A service that queues a job held until `release`, then a second one, and reports what became of each.
    final class Backlog: Service, Sendable {
        let queue = RenderQueue(label: "test.render")
        let outcomes = Mutex<[String]>([])
        let started = Mutex(false)
        let release = DispatchSemaphore(value: 0)

        func run() async throws {
            async let first: Void = job("first", held: true)
            while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            async let second: Void = job("second", held: false)
            _ = await (try? first, try? second)
            try? await gracefulShutdown()
        }

        func job(_ name: String, held: Bool) async throws {
            do {
                try await queue.run {
                    self.started.withLock { $0 = true }
                    if held { self.release.wait() }
                }
                outcomes.withLock { $0.append("\(name) ran") }
            } catch let problem as RequestProblem {
                outcomes.withLock { $0.append("\(name) refused \(problem.status.code)") }
            }
        }
    }

    @Test func waitingWorkIsRefusedOnceTheServerStops() async throws {
        let backlog = Backlog()
        let group = ServiceGroup(configuration: .init(services: [backlog], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while !backlog.started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            await group.triggerGracefulShutdown()
            while !backlog.queue.stopping.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(10)) }
            backlog.release.signal()
            try await tasks.waitForAll()
        }
        #expect(backlog.outcomes.withLock { $0 }.sorted() == ["first ran", "second refused 503"])
    }
}
