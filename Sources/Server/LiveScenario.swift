import Foundation
import Gazetteer
import Storage

/// The scenario being served: the last version that loaded, and the problems of a later version that did not.
final class LiveScenario: @unchecked Sendable {
    /// A loaded version; `generation` counts the loads, so cached images of an older one are never served.
    struct Version: Sendable {
        let workspace: Workspace
        let generation: Int
        let loadedAt: Date
    }

    private let lock = NSLock()
    private var version: Version
    private var failure: [String] = []

    init(_ workspace: Workspace) {
        version = Version(workspace: workspace, generation: 1, loadedAt: Date())
    }

    /// The version to serve.
    var current: Version { lock.withLock { version } }

    /// Why the scenario folder's newest contents are not served; empty when they are.
    var problems: [String] { lock.withLock { failure } }

    /// Serves `workspace` from now on.
    func replace(with workspace: Workspace) {
        lock.withLock {
            version = Version(workspace: workspace, generation: version.generation + 1, loadedAt: Date())
            failure = []
        }
    }

    /// Keeps the version served and records why the newest contents did not load.
    func keep(because problems: [String]) {
        lock.withLock { failure = problems }
    }
}
