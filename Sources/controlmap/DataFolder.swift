import Foundation

/// Where the gazetteer and the bundled scenario are, so the tool runs from any folder: `CONTROLMAP_DATA` when set,
/// else the installed `share/controlmap/` beside the executable's `bin/`, else the repository the executable was
/// built in, else the current folder.
enum DataFolder {
    /// The environment variable that overrides the data folder.
    static let variable = "CONTROLMAP_DATA"

    static let root: URL = locate(environment: ProcessInfo.processInfo.environment,
                                  executable: Bundle.main.executableURL)

    /// The folder holding `Gazetteer/` and `Scenarios/`.
    static func locate(environment: [String: String], executable: URL?) -> URL {
        if let path = environment[variable], !path.isEmpty { return URL(fileURLWithPath: path) }
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            guard let current = folder, current.path != "/" else { break }
            let installed = current.appendingPathComponent("share/controlmap")
            if holdsData(installed) { return installed }
            if holdsData(current) { return current }
            folder = current.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    private static func holdsData(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Gazetteer/basemap").path)
    }
}
