public import Canvas
public import Claims

/// Two sides' colours that a reader could mistake for each other.
public struct ColourClash: Hashable, Sendable {
    public var actors: [String]
    public var colours: [String]
    public var vision: ColourVision
    /// CIEDE2000 difference as that reader sees the two colours.
    public var deltaE: Double
    public var minimum: Double

    /// One line naming the pair, e.g. `colours of government (#c8102e) and hts (#2e8b3a) are ΔE 4.5 apart
    /// under deuteranopia, at least 10 needed`.
    public var description: String {
        let seen = vision == .normal ? "" : " under \(vision.rawValue)"
        return "colours of \(actors[0]) (\(colours[0])) and \(actors[1]) (\(colours[1])) are ΔE "
            + String(format: "%.1f", deltaE) + " apart\(seen), at least \(Int(minimum)) needed;"
            + " change one `colour:` in scenario.yaml (lightness helps where hue cannot)"
    }
}

/// Whether the colours of different sides stay apart for every reader: CIEDE2000 at least 20 in normal
/// vision, at least 10 under simulated deuteranopia and protanopia.
public enum PaletteCheck {
    public static func minimumDifference(_ vision: ColourVision) -> Double {
        vision == .normal ? 20 : 10
    }

    /// Every pair of actors on different sides whose colours are too close, in scenario order.
    /// - Parameter side: the side of an actor id; actors of one side may share a colour's family.
    public static func clashes(actors: [Actor], side: (String) -> String) -> [ColourClash] {
        var clashes = [ColourClash]()
        for (index, one) in actors.enumerated() {
            for two in actors[(index + 1)...] where side(one.id) != side(two.id) {
                let colours = [one, two].map(ActorColours.colour)
                for vision in ColourVision.allCases {
                    let deltaE = colours[0].seen(by: vision).difference(from: colours[1].seen(by: vision))
                    let minimum = minimumDifference(vision)
                    guard deltaE < minimum else { continue }
                    clashes.append(ColourClash(actors: [one.id, two.id], colours: [one.colour, two.colour],
                                               vision: vision, deltaE: deltaE, minimum: minimum))
                }
            }
        }
        return clashes
    }
}
