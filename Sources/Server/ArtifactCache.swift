/// Made responses kept in memory by the parameters that made them, up to a total size; the least recently used
/// go first. Requests for a key being made wait for that one making instead of starting another.
actor ArtifactCache {
    private struct Entry {
        var artifact: Artifact
        var lastUse: UInt64
    }

    /// The most bytes kept; an artifact larger than this is served but not kept.
    let capacityBytes: Int
    private var entries = [String: Entry]()
    private var inFlight = [String: Task<Artifact, Error>]()
    private var storedBytes = 0
    private var clock: UInt64 = 0
    /// How many artifacts were made rather than found: for tests and `/health`.
    private(set) var made = 0

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// The artifact kept under `key`, the one being made for it, or a new one from `make`. A failure is passed
    /// to every waiter and not kept.
    func artifact(_ key: String, make: @escaping @Sendable () async throws -> Artifact) async throws -> Artifact {
        clock += 1
        if var entry = entries[key] {
            entry.lastUse = clock
            entries[key] = entry
            return entry.artifact
        }
        if let task = inFlight[key] { return try await task.value }
        made += 1
        let task = Task { try await make() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let artifact = try await task.value
        keep(artifact, under: key)
        return artifact
    }

    /// Forgets everything kept, as when the scenario changes.
    func removeAll() {
        entries.removeAll()
        storedBytes = 0
    }

    /// How many bytes are kept.
    var size: Int { storedBytes }

    private func keep(_ artifact: Artifact, under key: String) {
        guard artifact.bytes.count <= capacityBytes, entries[key] == nil else { return }
        while storedBytes + artifact.bytes.count > capacityBytes,
              let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            storedBytes -= oldest.value.artifact.bytes.count
            entries[oldest.key] = nil
        }
        entries[key] = Entry(artifact: artifact, lastUse: clock)
        storedBytes += artifact.bytes.count
    }
}
