import ArgumentParser
import Foundation
import Storage

/// Writes a folder of files whole or not at all: they go into a hidden folder beside the target, which is then
/// renamed into place, so a failed run leaves no partial folder. A folder that already holds files is replaced
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
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw RuntimeFailure("cannot create the folder \(parent.path) for \(path)",
                                 advice: "check that its parent exists and is writable, or choose another -o folder")
        }
        let building = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            for file in files {
                let url = building.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: target.path, isDirectory: &isFolder) {
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).old")
                try manager.moveItem(at: target, to: old)
                try manager.moveItem(at: building, to: target)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: building, to: target)
            }
        } catch {
            try? manager.removeItem(at: building)
            throw RuntimeFailure("cannot write the folder \(path): \(error.localizedDescription)",
                                 advice: "check the free space and that \(parent.path) is writable")
        }
    }
}
