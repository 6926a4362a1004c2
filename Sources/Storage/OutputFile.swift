import Foundation

/// Writes a command's output whole or not at all: `-` is stdout; a path gets a temporary file in its folder that is
/// renamed over it, so a killed run leaves either the old file or the new one. A symbolic link is followed (its
/// target is written, the link kept); a device, FIFO or folder is refused.
public enum OutputFile {
    /// The path that means stdout.
    public static let standardOutput = "-"

    public static func write(_ bytes: [UInt8], to path: String) throws {
        if path == standardOutput {
            try writeAll(bytes, to: FileHandle.standardOutput.fileDescriptor, path: "stdout")
            return
        }
        let target = try resolvedTarget(path)
        let folder = target.deletingLastPathComponent()
        try createFolder(folder, for: path)
        removeStaleTemporaries(of: target)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw RuntimeFailure("cannot write \(path): \(String(cString: strerror(errno)))",
                                 advice: "check that the folder is writable, or choose another -o path")
        }
        // The lock tells a later run that this temporary file is in use; it ends with the process.
        flock(descriptor, LOCK_EX)
        defer { close(descriptor) }
        do {
            var existing = stat()
            if stat(target.path, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0, rename(temporary.path, target.path) == 0 else {
                throw RuntimeFailure("cannot write \(path): \(String(cString: strerror(errno)))",
                                     advice: "check the free space and that the folder is writable")
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Has `produce` write a file (or, when `folder` is true, a folder) that a library creates itself, in a temporary
    /// folder beside `path`, then moves it over `path` whole: a killed or failed run leaves the old output or nothing.
    public static func produce(_ path: String, folder: Bool, _ produce: (String) throws -> Void) throws {
        let target = folder ? URL(fileURLWithPath: path) : try resolvedTarget(path)
        let parent = target.deletingLastPathComponent()
        try createFolder(parent, for: path)
        let scratch = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let made = scratch.appendingPathComponent(target.lastPathComponent)
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        } catch {
            throw RuntimeFailure("cannot write in \(parent.path)", advice: "check that the folder is writable")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        try produce(made.path)
        let previous = scratch.appendingPathComponent("previous")
        if folder {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw RuntimeFailure("\(path) is a file", advice: "give a folder name, or remove the file")
                }
                // The old folder moves into the scratch folder, which is removed on the way out.
                guard rename(target.path, previous.path) == 0 else {
                    throw RuntimeFailure("cannot replace \(path): \(String(cString: strerror(errno)))",
                                         advice: "check that the folder is writable")
                }
            }
        }
        guard rename(made.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            // The old folder goes back where it was.
            if folder { rename(previous.path, target.path) }
            throw RuntimeFailure("cannot write \(path): \(reason)",
                                 advice: "check the free space and that the folder is writable")
        }
    }

    private static func createFolder(_ folder: URL, for path: String) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeFailure("cannot create the folder \(folder.path) for \(path)",
                                 advice: "check that its parent exists and is writable, or choose another -o path")
        }
    }

    /// The file a path names once symbolic links are followed; refused when it is not a regular file.
    public static func resolvedTarget(_ path: String) throws -> URL {
        var current = URL(fileURLWithPath: path)
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current.path, &info) == 0 else { return current }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return current
            case S_IFLNK:
                let link = try FileManager.default.destinationOfSymbolicLink(atPath: current.path)
                current = URL(fileURLWithPath: link, relativeTo: current.deletingLastPathComponent())
                    .standardizedFileURL
            case S_IFDIR:
                throw RuntimeFailure("\(path) is a folder", advice: "give a file name inside it, e.g. \(path)/map.png")
            default:
                throw RuntimeFailure("\(path) is a device, FIFO or socket, not a file",
                                     advice: "give a file path, or - to write to stdout")
            }
        }
        throw RuntimeFailure("\(path) is a loop of symbolic links", advice: "remove the loop or give another path")
    }

    /// Removes `.NAME.<UUID>.tmp` files beside `target` that killed runs left: those whose lock nobody holds.
    public static func removeStaleTemporaries(of target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp")
            && UUID(uuidString: String(name.dropFirst(prefix.count).dropLast(4))) != nil {
            let path = folder.appendingPathComponent(name).path
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { continue }
            var info = stat()
            // A file seconds old may belong to a run that has created it and not yet locked it.
            if fstat(descriptor, &info) == 0, time(nil) - info.st_mtim.tv_sec > 2,
               flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                unlink(path)
            }
            close(descriptor)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw RuntimeFailure("cannot write \(path): \(String(cString: strerror(errno)))",
                                         advice: "check the free space, or choose another -o path")
                }
                offset += written
            }
        }
    }
}
