public import Canvas

/// Every colour, width and font of a map in one place; layer order lives in `MapRenderer`.
/// Actor colours are not here: they come from the scenario.
public struct MapStyle: Sendable {
    public var sea = RGBA(hex: "#cfe3ef")!
    public var land = RGBA(hex: "#ebe8e1")!
    public var neighbour = RGBA(hex: "#e4e1da")!
    public var country = RGBA(hex: "#faf8f3")!
    public var water = RGBA(hex: "#9cc3de")!
    public var riverWidthPt = 0.7
    public var countryBorder = RGBA(hex: "#4a4a4a")!
    public var countryBorderWidthPt = 1.1
    public var neighbourBorder = RGBA(hex: "#8f8f8f")!
    /// Outlines of neighbourhoods in a city view: thin, under the names of the quarters in `quarterInk`.
    public var quarterOutline = RGBA(hex: "#7d7d7d")!
    public var quarterOutlineWidthPt = 0.4
    public var quarterInk = RGBA(hex: "#6b6b6b")!
    public var quarterLabelSizePt = 6.5
    /// A city's edge in a city view: grey and wide, unlike the black front line.
    public var cityEdge = RGBA(hex: "#8c8c8c")!
    public var cityEdgeWidthPt = 2.0
    public var zoneAlpha = 0.42
    public var front = RGBA(hex: "#1a1a1a")!
    public var frontWidthPt = 1.3
    public var frontCasing = RGBA(red: 1, green: 1, blue: 1, alpha: 0.8)
    /// The earlier date's fronts on a diff map: round dots, unlike the dash-dot border and solid fronts.
    public var earlierFront = RGBA(hex: "#3a3a3a")!
    public var earlierFrontWidthPt = 2.0
    public var earlierFrontDash: [Double] = [0.01, 3.4]
    /// Width of the band over which a zone fades out where no report reaches beyond it.
    public var uncertainMarginPt = 8.0
    public var hatchSpacingPt = 5.0
    public var hatchWidthPt = 1.6
    public var ink = RGBA(hex: "#1d1d1d")!
    public var mutedInk = RGBA(hex: "#5a5a5a")!
    public var halo = RGBA(red: 1, green: 1, blue: 1, alpha: 0.9)
    public var paper = RGBA.white
    public var latinFamily = "Noto Sans"
    public var arabicFamily = "Noto Sans Arabic"
    public var labelSizePt = 9.0
    public var majorLabelSizePt = 10.5
    public var titleSizePt = 17.0
    public var marginPt = 16.0

    public init() {}

    /// The family for a language: Arabic text gets an Arabic face so Pango shapes it well; bilingual text lists
    /// both, so Arabic words never fall back to a face that the PDF's text extraction splits.
    public func family(for language: Language) -> String {
        switch language {
        case .ar: arabicFamily
        case .both: latinFamily + ", " + arabicFamily
        case .en: latinFamily
        }
    }
}
