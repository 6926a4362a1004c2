import Testing
@testable import Canvas

/// Text laid out over the map's own faces alone: the same pixels as over the system's fonts, and what those faces
/// do not hold still drawn by another font.
struct MapFontsTests {
    static let texts: [(text: String, font: Font)] = [
        ("Aleppo International Airport", Font(sizePt: 9)),
        ("Tal Rif'at · Ma'arrat al-Nu'man", Font(sizePt: 11, bold: true)),
        ("حلب الجديدة", Font(family: "Noto Sans Arabic", sizePt: 10)),
        ("Aleppo / حلب", Font(family: "Noto Sans, Noto Sans Arabic", sizePt: 12, bold: true)),
        ("26 November 2024 → 30 November 2024", Font(sizePt: 14, bold: true)),
        ("−6,400 km²", Font(family: "Noto Sans Arabic", sizePt: 9)),
        ("Nubl\nal-Zahraa", Font(sizePt: 10)),
    ]

    private func draw(mapFonts: Bool, texts: [(text: String, font: Font)] = Self.texts) throws -> RasterImage {
        let canvas = try Canvas(widthPt: 260, heightPt: 220, format: .png, pixelsPerPoint: 2)
        canvas.usesMapFonts = mapFonts
        canvas.paint(.white)
        for (index, entry) in texts.enumerated() {
            canvas.drawText(entry.text, x: 6, y: 6 + Double(index) * 30, font: entry.font, colour: .black, halo: .white)
        }
        return try RasterImage(png: try canvas.finish())
    }

    @Test func theMapsFacesDrawTheSamePixelsAsTheSystemsFonts() throws {
        try #require(MapFonts.shared != nil, "fonts-noto-core is installed by `make test`")
        #expect(try draw(mapFonts: true) == draw(mapFonts: false))
    }

    @Test func aCharacterTheFacesLackIsDrawnByAnotherFontNotAsABox() throws {
        // A private-use character no font holds is drawn as a box with its code in it.
        let arrow = try draw(mapFonts: true, texts: [("→", Font(sizePt: 20))])
        let box = try draw(mapFonts: true, texts: [("\u{E000}", Font(sizePt: 20))])
        let blank = try draw(mapFonts: true, texts: [])
        #expect(arrow != blank, "the arrow is drawn")
        #expect(arrow != box, "the arrow is a glyph, not a box")
    }

    @Test(arguments: [
        ("Aleppo", "Noto Sans", true), ("حلب", "Noto Sans Arabic", true), ("Aleppo / حلب", "Noto Sans, Noto Sans Arabic", true),
        ("حلب", "Noto Sans", false), ("a → b", "Noto Sans", false), ("−1", "Noto Sans", false),
        ("Aleppo", "DejaVu Sans", false), ("Nubl\nal-Zahraa", "Noto Sans", true), ("😀", "Noto Sans", false),
    ])
    func textIsHeldOnlyWhenEveryCharacterIsInOneOfItsFamilies(text: String, families: String, held: Bool) throws {
        let fonts = try #require(MapFonts.shared, "fonts-noto-core is installed by `make test`")
        #expect(fonts.covers(text, families: families) == held)
    }
}
