import Foundation

/// Runs independent pieces of work on several threads; results keep the order of their indices, so the output
/// does not depend on how many threads ran it.
public enum Parallel {
    /// `body(0) … body(count - 1)` on up to `jobs` threads at once; throws the error of the lowest index that
    /// failed. Each call must own what it touches (its own GEOS context, canvas, renderer state).
    public static func map<T: Sendable>(_ count: Int, jobs: Int,
                                        _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = Results<T>(count: count)
        let threads = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = results.next() {
                results.store(index, Result { try body(index) })
            }
        }
        return try results.values()
    }

    /// The number of processors this process may use.
    public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The slots of `Parallel.map`, filled from any thread.
private final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]
    private var taken = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next index nobody has taken; nil when all are taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < slots.count else { return nil }
        taken += 1
        return taken - 1
    }

    func store(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [T] {
        try slots.map { try $0!.get() }
    }
}
