public import Canvas
public import Claims

/// Two sides' colours that some readers could mistake for each other.
public struct ColourClash: Hashable, Sendable {
    /// How far apart one reader sees the two colours, and how far apart they must be.
    public struct Shortfall: Hashable, Sendable {
        public var vision: ColourVision
        /// CIEDE2000 difference as that reader sees the two colours.
        public var deltaE: Double
        public var minimum: Double
    }

    public var actors: [String]
    public var colours: [String]
    /// Each reader for whom the colours are too close, normal vision first.
    public var shortfalls: [Shortfall]

    /// One line naming the pair, e.g. `colours of government (#c8102e) and hts (#2e8b3a) are ΔE 4.5 apart
    /// under deuteranopia (at least 10 needed); …`.
    public var description: String {
        let readers = shortfalls.map { shortfall in
            let seen = shortfall.vision == .normal ? "" : " under \(shortfall.vision.rawValue)"
            return "ΔE " + String(format: "%.1f", shortfall.deltaE) + " apart\(seen) (at least "
                + "\(Int(shortfall.minimum)) needed)"
        }
        return "colours of \(actors[0]) (\(colours[0])) and \(actors[1]) (\(colours[1])) are "
            + readers.joined(separator: ", ") + "; change one `colour:` (lightness helps where hue cannot)"
    }
}

/// Whether the colours of different sides stay apart for every reader: CIEDE2000 at least 20 in normal
/// vision, at least 10 under simulated deuteranopia and protanopia.
public enum PaletteCheck {
    public static func minimumDifference(_ vision: ColourVision) -> Double {
        vision == .normal ? 20 : 10
    }

    /// Every pair of actors on different sides whose colours are too close for some reader, in scenario order.
    /// - Parameter side: the side of an actor id; allies may share a colour's family.
    public static func clashes(actors: [Actor], side: (String) -> String) -> [ColourClash] {
        var clashes = [ColourClash]()
        for (index, one) in actors.enumerated() {
            for two in actors[(index + 1)...] where side(one.id) != side(two.id) {
                let colours = [one, two].map(ActorColours.colour)
                let shortfalls = ColourVision.allCases.compactMap { vision -> ColourClash.Shortfall? in
                    let deltaE = colours[0].seen(by: vision).difference(from: colours[1].seen(by: vision))
                    let minimum = minimumDifference(vision)
                    return deltaE < minimum ? .init(vision: vision, deltaE: deltaE, minimum: minimum) : nil
                }
                if !shortfalls.isEmpty {
                    clashes.append(ColourClash(actors: [one.id, two.id], colours: [one.colour, two.colour],
                                               shortfalls: shortfalls))
                }
            }
        }
        return clashes
    }
}
