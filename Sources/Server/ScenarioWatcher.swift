import Foundation
import ServiceLifecycle

/// Looks at the scenario folder every `interval` and calls `changed` when a file in it was added, removed,
/// resized or modified. Polling costs a few `stat` calls and works on every file system.
struct ScenarioWatcher: Service {
    let folder: URL
    let interval: Duration
    let changed: @Sendable () async -> Void

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [folder, interval, changed] in
                var last = Self.fingerprint(folder)
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    let now = Self.fingerprint(folder)
                    if now != last {
                        last = now
                        await changed()
                    }
                }
            }
        } catch is CancellationError {
            // Shutting down: the loop ends with the server.
        }
    }

    /// Every file under the folder with its size and modification time, in nanoseconds.
    static func fingerprint(_ folder: URL) -> [String: [Int]] {
        var files = [String: [Int]]()
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return files }
        for case let relative as String in walker {
            var info = stat()
            guard stat(folder.appendingPathComponent(relative).path, &info) == 0 else { continue }
            files[relative] = [Int(info.st_size), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec]
        }
        return files
    }
}
