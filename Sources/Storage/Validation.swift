public import Claims
import Cartography
import Foundation
public import Gazetteer
import Geometry
import Territory

/// The one validation that `check` runs and every command runs before its work: the gazetteer's layers and basemap,
/// the scenario's files and its views. Every problem of every file is collected before failing.
public enum Validation {
    /// The scenario and basemap, or an input error listing every problem found; warnings alone do not fail.
    public static func load(_ options: InputPaths, cache: CacheFolder?) throws -> (scenario: Scenario, basemap: Basemap) {
        let loaded = try loadWithWarnings(options, cache: cache)
        return (loaded.scenario, loaded.basemap)
    }

    /// The scenario and basemap with the warnings met on the way (places two sources put apart, and the like).
    /// The gazetteer is read, merged and checked once, or read back from `cache`.
    public static func loadWithWarnings(_ options: InputPaths, cache: CacheFolder?) throws
        -> (scenario: Scenario, basemap: Basemap, warnings: [InputProblem]) {
        var basemapProblems = [InputProblem]()
        // The country first, which the gazetteer needs; the rest of the basemap, the admin regions and the
        // claims' table are read on other threads while the gazetteer is read or checked.
        var country: GazetteerLoader.CountryFile?
        do {
            country = try GazetteerLoader.loadCountry(directory: options.gazetteerURL)
        } catch let error as InputError {
            basemapProblems += error.problems
        }
        let basemapLoad = country.map { country in
            Background { try GazetteerLoader.loadBasemap(directory: options.gazetteerURL, country: country) }
        }
        let regions = Background { try ScenarioLoader.readRegions(options.gazetteerURL) }
        let claimsTable = Background { try ScenarioLoader.readClaimsTable(options.scenarioURL) }
        // libproj is opened on another thread from here, once the threads above are running: a thread started
        // while the dynamic loader binds libproj and its libraries waits until it is done (glibc holds its lock).
        Projection.loadLibraryInBackground()
        var gazetteer: Gazetteer?
        var gazetteerProblems: Background<[InputProblem]>?
        var loadProblems = [InputProblem]()
        do {
            // Places are checked against the country; without it the cache would keep an unchecked gazetteer.
            // A gazetteer merged anew is checked while the scenario loads.
            (gazetteer, gazetteerProblems) = try GazetteerLoader.loadChecking(
                directory: options.gazetteerURL, extraLayers: options.extraLayers,
                country: country?.country.area ?? MultiPolygon(), cache: country == nil ? nil : cache)
        } catch let error as InputError {
            loadProblems += error.problems
        }
        var basemap: Basemap?
        do {
            basemap = try basemapLoad?.value()
        } catch let error as InputError {
            basemapProblems += error.problems
        }
        // The basemap's problems before the gazetteer's, as the files are read.
        var problems = basemapProblems + loadProblems
        var scenario: Scenario?
        var scenarioProblems = [InputProblem]()
        do {
            scenario = try ScenarioLoader.load(directory: options.scenarioURL, gazetteerDirectory: options.gazetteerURL,
                                               gazetteer: gazetteer, regions: try regions.value(),
                                               claimsTable: try claimsTable.value())
        } catch let error as InputError {
            scenarioProblems = error.problems
        }
        // The gazetteer's problems first, as the files are read.
        if let gazetteerProblems { problems += try gazetteerProblems.value() }
        problems += scenarioProblems
        if let scenario { problems += viewProblems(scenario, settings: options.scenarioURL) + scenario.warnings }
        let unique = problems.uniqued()
        guard !unique.contains(where: { !$0.isWarning }), let scenario, let basemap else { throw InputError(unique) }
        return (scenario, basemap, unique)
    }

    /// A default view that names no view, and views that no map projection can show.
    private static func viewProblems(_ scenario: Scenario, settings folder: URL) -> [InputProblem] {
        let file = folder.appendingPathComponent("scenario.yaml")
        let views = MapView.all(for: scenario)
        var problems = [InputProblem]()
        if !views.contains(where: { $0.id.lowercased() == scenario.defaultView.lowercased() }) {
            problems.append(InputProblem(location(of: "default_view", in: file),
                "default_view \"\(scenario.defaultView)\" names no view; "
                    + Suggestion.hint(for: scenario.defaultView, among: views.map(\.id), defined: "the views are")))
        }
        for view in views where (try? Projection(view.projectionDefinition)) == nil {
            problems.append(InputProblem(location(of: "id: \(view.id)", in: file),
                "view \"\(view.id)\" cannot be projected (\(view.projectionDefinition)); make its extent smaller"))
        }
        return problems
    }

    /// The first line of `file` that contains `text`, for problems that the loader does not locate.
    private static func location(of text: String, in file: URL) -> SourceLocation {
        let name = GazetteerLoader.displayName(file)
        let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").components(separatedBy: "\n")
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: text) {
                return SourceLocation(file: name, line: number + 1, column: line.distance(from: line.startIndex,
                                                                                          to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(file: name, line: 1, column: 1)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
