import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cache's size kept under `limitBytes`: every new gazetteer, set of places or planar map writes a file, and
/// without a limit a user's folder only grows. A file's modification time is when it was last written or read,
/// and the files used longest ago go first.
extension CacheFolder {
    /// Whether a file is one of the cache's own (`KIND-HASH.bin`, sixteen hexadecimal digits): other files in the
    /// folder are never removed.
    static func isCacheFile(_ name: String) -> Bool {
        guard name.hasSuffix(".bin"), let dash = name.lastIndex(of: "-") else { return false }
        let kind = name[..<dash], hash = name[name.index(after: dash)...].dropLast(4)
        return !kind.isEmpty && kind.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            && hash.count == 16 && hash.allSatisfy(\.isHexDigit)
    }

    /// Marks a file read now, so that it counts as recently used.
    static func markUsed(_ path: String) {
        _ = utimensat(AT_FDCWD, path, nil, 0)
    }

    /// Removes the cache files used longest ago until the rest take no more than `limitBytes`; `kept`, just
    /// written, stays whatever its size.
    func prune(keeping kept: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var files = [(name: String, bytes: Int, used: timespec)]()
        for name in names where Self.isCacheFile(name) {
            var info = stat()
            guard stat(folder.appendingPathComponent(name).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                continue
            }
            files.append((name, Int(info.st_size), info.st_mtim))
        }
        var total = files.reduce(0) { $0 + $1.bytes }
        guard total > limitBytes else { return }
        files.sort { ($0.used.tv_sec, $0.used.tv_nsec, $0.name) < ($1.used.tv_sec, $1.used.tv_nsec, $1.name) }
        for file in files where total > limitBytes && file.name != kept {
            if unlink(folder.appendingPathComponent(file.name).path) == 0 { total -= file.bytes }
        }
    }
}
