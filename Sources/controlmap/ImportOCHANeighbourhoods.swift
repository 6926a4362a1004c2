import ArgumentParser
import Foundation
import Gazetteer
import Storage

struct ImportOCHANeighbourhoods: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocha-neighbourhoods",
        abstract: "Regenerate a gazetteer layer of a city's neighbourhoods from OCHA's records.",
        discussion: """
            OCHA's city_neighbourhoods records (CC BY 3.0 IGO) become the neighbourhoods of --parent; \\
            scripts/import-ocha.sh regenerates Gazetteer/ocha/ that way.

            Example:
              controlmap import ocha-neighbourhoods aleppo_neighbourhoods.json --parent gn-170063 \\
                --admin1 syr_admin1.geojson -o Gazetteer/ocha/aleppo-neighbourhoods.csv
            """)

    @Argument(help: ArgumentHelp("OCHA city_neighbourhoods records (JSON).", valueName: "path"))
    var file: String

    @Option(help: ArgumentHelp("The id of the city the neighbourhoods belong to, e.g. gn-170063.", valueName: "id"))
    var parent: String

    @Option(help: ArgumentHelp("OCHA admin-1 boundaries (GeoJSON) that give each place its governorate.",
                               valueName: "path"))
    var admin1: String?

    @Option(name: [.short, .long], help: ArgumentHelp("CSV file to write (- for stdout).", valueName: "path"))
    var output: String

    func run() throws {
        let places = try reportingInputErrors { () throws -> [Place] in
            let places = try OCHAImport.neighbourhoods(json: try readInput(file), file: file, parent: parent)
            return try withGovernorates(places, admin1: admin1)
        }
        guard !places.isEmpty else {
            printError("error: no neighbourhoods in \(file); check that it holds city_neighbourhoods records; "
                + "\(output) is unchanged")
            throw ExitCode.failure
        }
        try OutputFile.write(Array(PlaceTable.csv(places).utf8), to: output)
        printError("wrote \(places.count) places to \(output) (OCHA, CC BY 3.0 IGO)")
    }
}
