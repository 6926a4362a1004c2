import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole files read with one `open`, `fstat` and `read`: Foundation's readers also look the file's owner and group
/// up by name (reading /etc/passwd and /etc/group) for every file they read.
public enum FileBytes {
    public enum Failure: Error, Equatable {
        /// Missing, or not readable by this user.
        case unreadable
        case folder
        /// Larger than the limit asked for; nothing was read.
        case tooLarge
    }

    /// The file's bytes as `Data`.
    public static func data(_ path: String, limit: Int = .max) -> Result<Data, Failure> {
        readFile(path, limit: limit) { size, fill in
            var data = Data(count: size)
            data.count = try data.withUnsafeMutableBytes { try fill($0) }
            return data
        }
    }

    /// The file's bytes as an array.
    public static func bytes(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        readFile(path, limit: limit) { size, fill in
            try [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                count = try fill(UnsafeMutableRawBufferPointer(buffer))
            }
        }
    }

    /// Opens the file, checks it, and has `make` allocate a buffer of its size that `fill` reads it into; `fill`
    /// gives the count read, less than the size if the file shrank meanwhile.
    private static func readFile<Bytes>(
        _ path: String, limit: Int,
        _ make: (Int, (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Bytes
    ) -> Result<Bytes, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.folder) }
        let size = Int(status.st_size)
        guard size <= limit else { return .failure(.tooLarge) }
        do {
            return .success(try make(size) { buffer in
                var count = 0
                while count < buffer.count {
                    let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if got == 0 { break }
                    if got < 0 {
                        if errno == EINTR { continue }
                        throw Failure.unreadable
                    }
                    count += got
                }
                return count
            })
        } catch {
            return .failure(.unreadable)
        }
    }
}
