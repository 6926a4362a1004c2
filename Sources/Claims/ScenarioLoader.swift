public import Foundation
public import Gazetteer
import Geometry
import Yams

/// Reads a scenario folder: `scenario.yaml`, `claims.csv`, and the optional `places.csv` and `areas.geojson`.
public enum ScenarioLoader {
    /// Loads and validates everything, reporting every problem of every file in one error.
    public static func load(directory: URL, gazetteerDirectory: URL) throws -> Scenario {
        let placesFile = directory.appendingPathComponent("places.csv")
        let extra = FileManager.default.fileExists(atPath: placesFile.path) ? [placesFile] : []
        do {
            let gazetteer = try GazetteerLoader.load(directory: gazetteerDirectory, extraLayers: extra)
            return try load(directory: directory, gazetteerDirectory: gazetteerDirectory, gazetteer: gazetteer)
        } catch let error as InputError {
            // Without a gazetteer the claims' places are not looked up, but every other problem is still found.
            do {
                _ = try load(directory: directory, gazetteerDirectory: gazetteerDirectory, gazetteer: nil)
            } catch let other as InputError {
                throw InputError(error.problems + other.problems)
            }
            throw error
        }
    }

    /// The admin regions of a gazetteer folder, or the problems of their files; other failures are thrown.
    public static func readRegions(_ gazetteerDirectory: URL) throws -> Result<AdminRegions, InputError> {
        do {
            return .success(try GazetteerLoader.loadAdminRegions(directory: gazetteerDirectory))
        } catch let error as InputError {
            return .failure(error)
        }
    }

    /// The scenario's `claims.csv` read into cells: what the claims need that the gazetteer does not, so that it
    /// can be read beside the gazetteer.
    public static func readClaimsTable(_ directory: URL) throws -> Result<CSVTable, InputError> {
        do {
            let file = directory.appendingPathComponent("claims.csv")
            return .success(try CSVTable(text: try GazetteerLoader.readText(file), file: GazetteerLoader.displayName(file)))
        } catch let error as InputError {
            return .failure(error)
        }
    }

    /// Loads the scenario over a gazetteer loaded already (with the scenario's `places.csv`); nil when the
    /// gazetteer could not be loaded, so that the scenario's own problems are still all found. `regions` and
    /// `claimsTable`, when given, are the outcomes of `readRegions` and `readClaimsTable`, read meanwhile beside
    /// the gazetteer.
    public static func load(directory: URL, gazetteerDirectory: URL, gazetteer: Gazetteer?,
                            regions loaded: Result<AdminRegions, InputError>? = nil,
                            claimsTable: Result<CSVTable, InputError>? = nil) throws -> Scenario {
        var problems = ProblemList()
        var regions = AdminRegions()
        switch try loaded ?? readRegions(gazetteerDirectory) {
        case .success(let read): regions = read
        case .failure(let error): problems.add(contentsOf: error)
        }
        var settings: ScenarioSettings?
        do {
            settings = try ScenarioSettings.read(directory.appendingPathComponent("scenario.yaml"), problems: &problems)
        } catch let error as InputError {
            problems.add(contentsOf: error)
        }
        var claims = [Claim]()
        do {
            let table = try (claimsTable ?? readClaimsTable(directory)).get()
            claims = try ClaimTable.claims(from: table, gazetteer: gazetteer, regions: regions,
                                           actors: settings?.actors.map(\.id))
        } catch let error as InputError {
            problems.add(contentsOf: error)
        }
        var areaClaims = [AreaClaim]()
        let areasFile = directory.appendingPathComponent("areas.geojson")
        if FileManager.default.fileExists(atPath: areasFile.path) {
            do {
                areaClaims = try AreaClaimReader.read(areasFile, actors: settings?.actors.map(\.id))
            } catch let error as InputError {
                problems.add(contentsOf: error)
            }
        }
        let sourcesFile = directory.appendingPathComponent("sources.csv")
        if FileManager.default.fileExists(atPath: sourcesFile.path) {
            do {
                let name = GazetteerLoader.displayName(sourcesFile)
                let table = try CSVTable(text: try GazetteerLoader.readText(sourcesFile), file: name)
                let listed = try SourceTable.urls(from: table)
                for problem in SourceTable.unlisted(claims, areaClaims, listed: listed, file: "sources.csv") {
                    problems.add(problem.location, problem.message)
                }
            } catch let error as InputError {
                problems.add(contentsOf: error)
            }
        }
        try problems.throwIfAny()
        guard let settings, let gazetteer else { throw InputError(problems.problems) }
        return Scenario(title: settings.title, actors: settings.actors, sides: settings.sides, views: settings.views,
                        defaultView: settings.defaultView, claims: claims, areaClaims: areaClaims,
                        gazetteer: gazetteer, regions: regions)
    }
}
