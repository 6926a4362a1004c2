public import Foundation
import Gazetteer
import Yams

/// The tables in `scenario.yaml` that say which actor a source's names stand for:
///
///     import:
///       acled_actors:
///         - {name: "Hayat Tahrir al-Sham", actor: hts}
///       wikipedia_icons:
///         - {icon: "Map-circle-red.svg", actor: government}
///
/// Each name or icon once; each actor one the scenario defines.
public struct ImportTables: Sendable {
    /// ACLED `actor1` names to actor ids.
    public var acledActors: [String: String]
    /// Wikipedia map icon file names to actor ids.
    public var wikipediaIcons: [String: String]

    /// Reads the tables of the scenario folder's `scenario.yaml`; missing tables are empty.
    public static func read(scenario folder: URL, actors: [String]) throws -> ImportTables {
        let url = folder.appendingPathComponent("scenario.yaml")
        let file = GazetteerLoader.displayName(url)
        let text = try GazetteerLoader.readText(url)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(ScenarioSettings.yamlLocation(error, file: file),
                             "malformed YAML: \(ScenarioSettings.yamlProblem(error))")
        }
        var reader = NodeReader(file: file)
        let section = root?["import"]
        let acled = table(section?["acled_actors"], key: "name", actors: actors, reader: &reader)
        let icons = table(section?["wikipedia_icons"], key: "icon", actors: actors, reader: &reader)
        try reader.problems.throwIfAny()
        return ImportTables(acledActors: acled, wikipediaIcons: icons)
    }

    private static func table(_ node: Node?, key: String, actors: [String], reader: inout NodeReader)
        -> [String: String]
    {
        var table = [String: String]()
        var firstLine = [String: Int]()
        for entry in reader.sequence(node) {
            let name = reader.string(entry[key], in: entry, key: key)
            let actor = reader.string(entry["actor"], in: entry, key: "actor")
            guard !name.isEmpty, !actor.isEmpty else { continue }
            if !actors.contains(actor) {
                reader.problems.add(reader.location(entry["actor"] ?? entry),
                                    "unknown actor \"\(actor)\"; use one of \(actors.joined(separator: ", "))")
            }
            if let line = firstLine[name] {
                reader.problems.add(reader.location(entry[key] ?? entry),
                                    "\(key) \"\(name)\" is mapped twice (first on line \(line)); keep one entry")
                continue
            }
            firstLine[name] = reader.location(entry).line
            table[name] = actor
        }
        return table
    }
}
