import Cartography
import Claims
import Foundation

/// Warnings, not errors: colours that readers could confuse still make a valid scenario.
enum PaletteWarnings {
    /// Prints one warning per pair of actors whose colours are too close for some reader, at the second
    /// actor's `colour:` line; only actors of different sides are compared.
    static func report(_ scenario: Scenario, file: URL) {
        let lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").components(separatedBy: "\n")
        for clash in PaletteCheck.clashes(actors: scenario.actors, side: scenario.sides.side(of:)) {
            printError("\(file.path)\(location(of: clash.colours[1], in: lines)): warning: \(clash.description)")
        }
    }

    /// `:line:column` of the first `colour:` line giving this colour, or nothing when none does.
    private static func location(of colour: String, in lines: [String]) -> String {
        for (index, line) in lines.enumerated() where line.contains("colour:") {
            if let range = line.range(of: colour) {
                return ":\(index + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 1)"
            }
        }
        return ""
    }
}
