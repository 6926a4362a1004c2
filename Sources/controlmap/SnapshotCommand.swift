import ArgumentParser

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Zones and places with their controllers at a date, as GeoJSON or JSON.",
        discussion: """
            Example:
              controlmap snapshot --date 2024-11-30 --format geojson
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        printError("controlmap snapshot: not available yet")
        throw ExitCode.failure
    }
}
