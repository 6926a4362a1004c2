public import Foundation
public import Storage

/// How the server is set up: where it listens, what it serves and how much it keeps.
public struct ServerSettings: Sendable {
    /// The address to bind; loopback unless the user names another.
    public var host: String
    public var port: Int
    public var inputs: InputPaths
    /// Whether cells come from and go to the user's cell cache, as the other commands do.
    public var cachedCells: Bool
    /// The most bytes of rendered images and documents kept in memory.
    public var cacheBytes: Int
    /// How often the scenario folder is looked at for edits.
    public var pollInterval: Duration

    public init(host: String = "127.0.0.1", port: Int = 8080, inputs: InputPaths, cachedCells: Bool = true,
                cacheBytes: Int = 128 << 20, pollInterval: Duration = .milliseconds(250)) {
        self.host = host
        self.port = port
        self.inputs = inputs
        self.cachedCells = cachedCells
        self.cacheBytes = cacheBytes
        self.pollInterval = pollInterval
    }
}
