import ArgumentParser
import Claims
import Foundation
import Gazetteer
import Storage

struct ImportACLED: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acled",
        abstract: "Claims from an ACLED export: territory events become claims for review.",
        discussion: """
            Reads ACLED's CSV export (columns event_id_cnty, event_date, sub_event_type, actor1, location, \\
            latitude, longitude and source are needed). Events of the sub-event types "Government regains \\
            territory", "Non-state actor overtakes territory" and "Non-violent transfer of territory" become \\
            control claims for actor1, mapped to the scenario's actors by the import: acled_actors table of \\
            scenario.yaml; other events are counted and skipped. Places are found by name near the event's \\
            coordinates; those that cannot be placed are listed.

            Example:
              controlmap import acled acled-syria.csv -o Output/acled-claims.csv
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("An ACLED export (CSV).", valueName: "path"))
    var file: String

    @Option(name: [.short, .long], help: ArgumentHelp("Claims CSV to write (- for stdout).", valueName: "path"))
    var output = "Output/acled-claims.csv"

    func run() throws {
        let (scenario, _) = try reportingInputErrors { try Validation.load(input.paths, cache: cache.folder) }
        let drafts = try reportingInputErrors { () throws -> DraftClaims in
            let tables = try ImportTables.read(scenario: input.scenarioURL, actors: scenario.actors.map(\.id))
            let text = try GazetteerLoader.readText(URL(fileURLWithPath: file))
            return try ACLEDImport.claims(csv: text, file: file, gazetteer: scenario.gazetteer,
                                          actors: tables.acledActors)
        }
        try writeDraftClaims(drafts, to: output, unmappedKind: "actor", table: "import: acled_actors")
    }
}
