import Cartography
import Claims
import Foundation

/// Warnings, not errors: colours that readers could confuse still make a valid scenario.
enum PaletteWarnings {
    /// Prints one warning per pair of actors whose colours are too close for some reader; actors are each a
    /// side of their own until the scenario lists sides.
    static func report(_ scenario: Scenario, file: URL) {
        for clash in PaletteCheck.clashes(actors: scenario.actors, side: { $0 }) {
            printError("\(file.path): warning: \(clash.description)")
        }
    }
}
