import ArgumentParser
import Foundation
import Logging
import Server
import Storage

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the scenario's maps, diffs and data over HTTP, with a page to browse them and embed them.",
        discussion: """
            Serves a page with a date slider at /, the map alone for an <iframe> at /embed, and /map.png, \
            /map.svg, /map.pdf, /diff.png, /diff.svg, /snapshot.geojson, /diff.json, /resolve, /scenario.json \
            and /health. Edits of the scenario folder are served within a second; a file that does not load keeps \
            the last good version served and its problems are shown. Stops on Ctrl-C (SIGINT) or SIGTERM.

            Examples:
              controlmap serve
              controlmap serve --port 9000 --scenario Scenarios/aleppo-2024
              curl 'http://127.0.0.1:8080/map.png?date=2024-11-30&view=northwest&lang=ar&width=1200' -o map.png
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Address to listen on; 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        let workspace = try Workspace.load(input, cache: cache)
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let settings = ServerSettings(host: host, port: port, inputs: input.paths, cachedCells: !cache.noCache)
        let logger = Logger(label: "controlmap.serve")
        logger.info("serving \(input.scenarioName) on http://\(host):\(port)/")
        do {
            try await ControlMapServer(workspace: workspace, settings: settings, logger: logger).run()
        } catch {
            throw RuntimeFailure("the server stopped: \(error)",
                                 advice: "check that port \(port) is free and \(host) is an address of this machine")
        }
    }
}
