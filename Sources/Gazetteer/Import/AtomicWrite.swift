public import Foundation

/// Writes files whole or not at all, so a failed or interrupted import never leaves half a gazetteer layer.
public enum AtomicWrite {
    /// Why a file could not be written.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` as UTF-8 to a temporary file in the destination's folder (created if missing), then
    /// renames it over `url`; on failure the temporary file is removed and `url` is left as it was.
    public static func write(_ text: String, to url: URL) throws {
        try write(bytes: Array(text.utf8), to: url)
    }

    /// Writes `bytes` the same way: whole or not at all.
    public static func write(bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: "check that the folder is writable (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: url.path, reason: "renaming the finished file failed (\(reason))")
        }
    }
}
