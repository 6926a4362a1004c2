import ArgumentParser
import Claims
import Foundation
import Gazetteer
import Storage

struct ImportWikipediaModule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wikipedia-module",
        abstract: "Claims from the Lua data of a Wikipedia detailed-map module, for review.",
        discussion: """
            Reads the module's source as saved from one revision (marks are tables with lat, long, mark and \\
            label). Each mark whose icon the import: wikipedia_icons table of scenario.yaml maps to an actor \\
            becomes a control claim at --date, cited as the module's title and revision; unknown icons are \\
            counted and listed, never guessed. Places are found by label near the mark.

            Example:
              controlmap import wikipedia-module module.lua --date 2024-11-30 \\
                --title "Module:Syrian Civil War detailed map" --revision 1260000000
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var cache: CacheOptions

    @Argument(help: ArgumentHelp("The module's Lua source.", valueName: "path"))
    var file: String

    @Option(help: "The date the module's revision shows (YYYY-MM-DD).")
    var date: Day

    @Option(help: "The module's title, e.g. \"Module:Syrian Civil War detailed map\".")
    var title: String

    @Option(help: "The revision id the file was saved from (the oldid of its permanent link).")
    var revision: Int

    @Option(name: [.short, .long], help: ArgumentHelp("Claims CSV to write (- for stdout).", valueName: "path"))
    var output = "Output/wikipedia-claims.csv"

    func validate() throws {
        guard revision > 0 else { throw ValidationError("--revision is a positive revision id (oldid)") }
        guard title.hasPrefix("Module:") else { throw ValidationError("--title is a module's title, Module:…") }
    }

    func run() throws {
        let (scenario, _) = try reportingInputErrors { try Validation.load(input.paths, cache: cache.folder) }
        let drafts = try reportingInputErrors { () throws -> DraftClaims in
            let tables = try ImportTables.read(scenario: input.scenarioURL, actors: scenario.actors.map(\.id))
            let text = try GazetteerLoader.readText(URL(fileURLWithPath: file))
            return try WikipediaModuleImport.claims(lua: text, file: file, date: date, title: title,
                                                    revision: revision, gazetteer: scenario.gazetteer,
                                                    icons: tables.wikipediaIcons)
        }
        try writeDraftClaims(drafts, to: output, unmappedKind: "icon", table: "import: wikipedia_icons")
    }
}
