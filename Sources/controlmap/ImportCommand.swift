import ArgumentParser
import Claims
import Foundation
import Gazetteer
import Storage

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import gazetteer layers (GeoNames, OCHA) or claims (ACLED, Wikipedia detailed-map modules).",
        discussion: """
            One subcommand per source. Gazetteer importers write a layer in the curated CSV format; claim \\
            importers write claims.csv rows for review before they are added to a scenario, and list what they \\
            could not place or map.

            Examples:
              controlmap import geonames --cities500 cities500.json --country SY -o Gazetteer/geonames/SY.csv
              controlmap import acled acled-syria.csv -o Output/acled-claims.csv
              controlmap import wikipedia-module module.lua --date 2024-11-30 --title "Module:X" --revision 1
            """,
        subcommands: [ImportGeoNames.self, ImportOCHANeighbourhoods.self, ImportACLED.self,
                      ImportWikipediaModule.self])
}

/// The bytes of an input file, or an input error naming it.
func readInput(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(SourceLocation(file: path, line: 1, column: 1),
                         "cannot read the file; check the path and its permissions")
    }
    return data
}

/// Keeps only `admin1`'s governorates on places, or warns that the column stays empty.
func withGovernorates(_ places: [Place], admin1: String?) throws -> [Place] {
    guard let admin1 else {
        printError("warning: no --admin1 boundaries given; the admin1 column stays empty")
        return places
    }
    let governorates = try OCHAImport.governorates(geojson: try readInput(admin1), file: admin1)
    return GeoNamesImport.assignGovernorates(places, governorates: governorates)
}

/// Writes imported claims for review and tells the user, on stderr, what could not become a claim.
func writeDraftClaims(_ drafts: DraftClaims, to path: String, unmappedKind: String, table: String) throws {
    try OutputFile.write(Array(drafts.csv.utf8), to: path)
    printError("wrote \(drafts.rows.count) claims to \(path); review them before adding them to claims.csv")
    for (kind, count) in drafts.skipped.sorted(by: { $0.key < $1.key }) {
        printError("skipped \(count) × \(kind)")
    }
    for (name, count) in drafts.unmapped.sorted(by: { $0.key < $1.key }) {
        printError("warning: \(count) × \(unmappedKind) \"\(name)\" has no actor in scenario.yaml's \(table); "
            + "add it there to import them")
    }
    for (location, name) in drafts.unplaced {
        printError("\(location): warning: cannot place \"\(name)\" in the gazetteer; add it to places.csv")
    }
}
