import Foundation
import Testing

/// Runs the built `controlmap` binary as a user would, from the repository root.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        let candidates = [".build/debug/controlmap", ".build/release/controlmap"].map { root.appendingPathComponent($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `folder` (the repository by default) with extra `environment` variables.
    static func run(_ arguments: [String], in folder: URL = root, environment: [String: String] = [:]) throws
        -> Result
    {
        try execute(binary, arguments, in: folder, environment: environment)
    }

    /// Runs any program, such as GDAL's tools that read what the binary wrote.
    static func execute(_ program: URL, _ arguments: [String], in folder: URL = root,
                        environment: [String: String] = [:]) throws -> Result
    {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

struct CLITests {
    @Test func unknownOptionExitsNonZeroWithUsage() throws {
        let result = try CLI.run(["render", "--colour-scheme", "dark"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error: Unknown option '--colour-scheme'"))
        #expect(result.stderr.contains("Usage: controlmap render"))
    }

    @Test func helpListsEverySubcommand() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["render", "timeline", "diff", "snapshot", "resolve", "check", "serve"] {
            #expect(result.stdout.contains("  \(command)"), "--help lists \(command)")
        }
    }

    @Test(arguments: ["render", "timeline", "diff", "snapshot", "resolve", "check", "serve"])
    func eachSubcommandHelpShowsAnExample(command: String) throws {
        let result = try CLI.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("controlmap \(command)"), "the help of \(command) has a runnable example")
    }

    @Test func badWidthIsRejectedBeforeAnyWork() throws {
        let result = try CLI.run(["render", "--width", "5"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--width must be from 100 to 12000 pixels"))
    }
}
