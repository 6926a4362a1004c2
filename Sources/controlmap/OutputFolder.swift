import ArgumentParser
import Foundation
import Storage

/// Writes a folder of files whole or not at all (through `OutputFile.produce`), so a failed run leaves no partial
/// folder. A folder that already holds files is replaced
/// only when the user says so.
enum OutputFolder {
    /// Refuses a path that is a file, or a folder holding anything, unless `replace` (for a folder).
    static func check(_ path: String, replace: Bool) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw ValidationError("\(path) is a file; give -o a folder to create")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty && !replace {
            throw ValidationError("the folder \(path) exists and holds \(contents.count) file(s); "
                + "choose another -o folder, or add --force to replace it")
        }
    }

    /// Writes `files` (relative paths and bytes) as the folder `path`, replacing an existing one.
    static func write(_ files: [(path: String, bytes: [UInt8])], to path: String) throws {
        try OutputFile.produce(path, folder: true) { building in
            let folder = URL(fileURLWithPath: building)
            do {
                for file in files {
                    let url = folder.appendingPathComponent(file.path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                            withIntermediateDirectories: true)
                    try Data(file.bytes).write(to: url)
                }
            } catch {
                throw RuntimeFailure("cannot write the folder \(path): \(error.localizedDescription)",
                                     advice: "check the free space and that its parent folder is writable")
            }
        }
    }
}
