import Foundation
import Gazetteer
import Geometry
import Yams

/// The contents of `scenario.yaml`: title, actors, views, default view.
struct ScenarioSettings {
    var title: LocalizedText
    var actors: [Actor]
    var sides: Sides
    var views: [NamedView]
    var defaultView: String

    /// The settings read, with each problem of a value added to `problems`; throws when the file is not YAML.
    static func read(_ url: URL, problems: inout ProblemList) throws -> ScenarioSettings {
        let file = GazetteerLoader.displayName(url)
        let text = try GazetteerLoader.readText(url)
        try YAMLBounds.check(text, file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(SourceLocation(file: file, line: 1, column: 1), "the file is empty; see Scenarios/aleppo-2024/scenario.yaml")
            }
            root = node
        } catch let error as YamlError {
            throw InputError(yamlLocation(error, file: file), "malformed YAML: \(yamlProblem(error))")
        }
        var reader = NodeReader(file: file)
        let title = reader.text(root["title"], in: root, key: "title")
        var actors = [Actor]()
        for node in reader.list(root["actors"], in: root, key: "actors") {
            let id = reader.string(node["id"], in: node, key: "id")
            let colour = reader.string(node["colour"] ?? node["color"], in: node, key: "colour")
            if !colour.isEmpty && !isColour(colour) {
                reader.problems.add(reader.location(node["colour"] ?? node["color"] ?? node),
                                    "\"\(colour)\" is not a colour; write it as #rrggbb, e.g. #d7301f")
            }
            if actors.contains(where: { $0.id == id }) {
                reader.problems.add(reader.location(node), "actor \"\(id)\" is defined twice")
            }
            let name = reader.text(node["name"], in: node, key: "name")
            actors.append(Actor(id: id, nameEn: name.en, nameAr: name.ar, colour: colour.lowercased()))
        }
        let sides = readSides(root["sides"], actors: actors, reader: &reader)
        var views = [NamedView]()
        for node in reader.sequence(root["views"]) {
            let id = reader.string(node["id"], in: node, key: "id")
            let name = reader.text(node["name"], in: node, key: "name")
            if let envelope = reader.envelope(node) { views.append(NamedView(id: id, name: name, envelope: envelope)) }
        }
        let defaultView = root["default_view"]?.string ?? views.first?.id ?? "syria"
        problems.add(contentsOf: InputError(reader.problems.problems))
        return ScenarioSettings(title: title, actors: actors, sides: sides, views: views, defaultView: defaultView)
    }

    /// `sides: [{id, name, actors: [ids]}]`: each actor on one side at most, and only actors defined above.
    private static func readSides(_ node: Node?, actors: [Actor], reader: inout NodeReader) -> Sides {
        var sides = [Side]()
        var sideOfActor = [String: String]()
        for sideNode in reader.sequence(node) {
            let id = reader.string(sideNode["id"], in: sideNode, key: "id")
            if sides.contains(where: { $0.id == id }) {
                reader.problems.add(reader.location(sideNode), "side \"\(id)\" is defined twice; give each side its own id")
            }
            let name = sideNode["name"].map { reader.text($0, in: sideNode, key: "name") } ?? LocalizedText(en: id, ar: id)
            var members = [String]()
            for actorNode in reader.list(sideNode["actors"], in: sideNode, key: "actors") {
                let actor = actorNode.string ?? ""
                if !actors.contains(where: { $0.id == actor }) {
                    reader.problems.add(reader.location(actorNode), "side \"\(id)\" names unknown actor \"\(actor)\"; "
                        + "the actors are " + actors.map(\.id).joined(separator: ", "))
                } else if let other = sideOfActor[actor] {
                    reader.problems.add(reader.location(actorNode), "actor \"\(actor)\" is on side \"\(other)\" and "
                        + "on side \"\(id)\"; an actor is on one side only, so remove it from one of them")
                } else {
                    sideOfActor[actor] = id
                    members.append(actor)
                }
            }
            sides.append(Side(id: id, name: name, actors: members))
        }
        return Sides(sides)
    }

    static func isColour(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.hasPrefix("#") && (digits.count == 6 || digits.count == 3)
            && digits.allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    static func yamlLocation(_ error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem + "; check indentation and that every key ends with a colon"
        default:
            return "\(error)"
        }
    }
}

/// Reads values out of YAML nodes, recording a located problem for each missing or mistyped one.
struct NodeReader {
    /// Longer titles and names are refused: they could never be laid out on a map.
    static let textCharacters = 300

    let file: String
    var problems = ProblemList()

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func string(_ node: Node?, in parent: Node, key: String) -> String {
        guard let value = node?.string, !value.isEmpty else {
            problems.add(location(node ?? parent), "missing \"\(key)\"; give it a text value")
            return ""
        }
        guard value.unicodeScalars.count <= Self.textCharacters else {
            problems.add(location(node ?? parent),
                         "\"\(key)\" has more than \(Self.textCharacters) characters; shorten it")
            return ""
        }
        return value
    }

    /// `key: {en: …, ar: …}` or a plain string used for both.
    mutating func text(_ node: Node?, in parent: Node, key: String) -> LocalizedText {
        if node?.string != nil {
            let plain = string(node, in: parent, key: key)
            return LocalizedText(en: plain, ar: plain)
        }
        guard let node, node.mapping != nil else {
            problems.add(location(node ?? parent), "missing \"\(key)\"; give it as {en: English, ar: عربي}")
            return LocalizedText(en: "", ar: "")
        }
        let english = string(node["en"], in: node, key: "\(key).en")
        let arabic = node["ar"] == nil ? english : string(node["ar"], in: node, key: "\(key).ar")
        return LocalizedText(en: english, ar: arabic)
    }

    mutating func list(_ node: Node?, in parent: Node, key: String) -> [Node] {
        guard let node, let sequence = node.sequence, !sequence.isEmpty else {
            problems.add(location(node ?? parent), "missing \"\(key)\"; give a list with at least one entry")
            return []
        }
        return Array(sequence)
    }

    func sequence(_ node: Node?) -> [Node] {
        node?.sequence.map(Array.init) ?? []
    }

    /// `bbox: [minLon, minLat, maxLon, maxLat]`, or `centre: [lon, lat]` with `radius_km`.
    mutating func envelope(_ node: Node) -> Envelope? {
        if let bbox = node["bbox"] {
            let numbers = sequence(bbox).compactMap { $0.string.flatMap(Double.init) }
            guard numbers.count == 4, numbers[0] < numbers[2], numbers[1] < numbers[3] else {
                problems.add(location(bbox), "bbox must be [minLon, minLat, maxLon, maxLat] with min < max")
                return nil
            }
            return withinWorld(Envelope(minLon: numbers[0], minLat: numbers[1], maxLon: numbers[2], maxLat: numbers[3]),
                               at: bbox)
        }
        if let centre = node["centre"] ?? node["center"] {
            let numbers = sequence(centre).compactMap { $0.string.flatMap(Double.init) }
            guard numbers.count == 2, let radius = node["radius_km"]?.string.flatMap(Double.init), radius > 0 else {
                problems.add(location(centre), "a view by centre needs centre: [lon, lat] and radius_km > 0")
                return nil
            }
            let dLat = radius / Geodesic.kmPerDegree
            let dLon = radius / (Geodesic.kmPerDegree * cos(numbers[1] * .pi / 180))
            return withinWorld(Envelope(minLon: numbers[0] - dLon, minLat: numbers[1] - dLat,
                                        maxLon: numbers[0] + dLon, maxLat: numbers[1] + dLat), at: centre)
        }
        problems.add(location(node), "a view needs bbox: [minLon, minLat, maxLon, maxLat] or centre and radius_km")
        return nil
    }

    /// The envelope when a map projection can show it: longitudes -180…180, latitudes -85…85.
    private mutating func withinWorld(_ envelope: Envelope, at node: Node) -> Envelope? {
        let longitudes = -180.0...180.0, latitudes = -85.0...85.0
        guard longitudes.contains(envelope.minLon), longitudes.contains(envelope.maxLon),
              latitudes.contains(envelope.minLat), latitudes.contains(envelope.maxLat)
        else {
            problems.add(location(node), String(format: "the view spans %.2f,%.2f to %.2f,%.2f (lon,lat), beyond "
                + "longitudes -180…180 or latitudes -85…85; make it smaller", envelope.minLon, envelope.minLat,
                envelope.maxLon, envelope.maxLat))
            return nil
        }
        return envelope
    }
}
