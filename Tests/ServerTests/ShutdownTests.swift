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
    /// A service that queues a slow job and then a second one, and reports what became of each.
    final class Backlog: Service, Sendable {
        let queue = RenderQueue(label: "test.render")
        let outcomes = Mutex<[String]>([])
        let started = Mutex(false)

        func run() async throws {
            async let first: Void = job("first", seconds: 1.0)
            while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
            async let second: Void = job("second", seconds: 0)
            _ = await (try? first, try? second)
        }

        func job(_ name: String, seconds: Double) async throws {
            do {
                try await queue.run {
                    self.started.withLock { $0 = true }
                    Thread.sleep(forTimeInterval: seconds)
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
            try await Task.sleep(for: .milliseconds(100))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(backlog.outcomes.withLock { $0 }.sorted() == ["first ran", "second refused 503"])
    }
}
