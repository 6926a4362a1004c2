import Canvas
import Claims
import Foundation
import Testing
@testable import Cartography

/// Text copied out of a PDF map must be the words on it: every label, in English and in Arabic, comes out as its
/// whole words from poppler's `pdftotext`.
struct PDFTextTests {
    /// Lam-alef is one glyph, which Cairo tags with its two letters; poppler's right-to-left ordering turns the pair
    /// around (صلاح الدين comes out as صالح الدين, الأشرفية as األشرفية), so labels that hold it are left out here.
    static let reorderedLigatures = ["لا", "لأ", "لإ", "لآ"]

    func extractedLines(_ map: RenderedMap) throws -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("map.pdf")
        try Data(map.bytes).write(to: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [pdf.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // pdftotext marks right-to-left runs with embedding controls; the words are what matters.
        let controls = Set("\u{202A}\u{202B}\u{202C}\u{200E}\u{200F}".unicodeScalars)
        return Set(text.split(separator: "\n").map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.filter { !controls.contains($0) }))
                .trimmingCharacters(in: .whitespaces)
        })
    }

    @Test(arguments: [Language.en, .ar, .both])
    func everyLabelExtractsAsItsWords(language: Language) throws {
        let loaded = try Bundled.loaded.get()
        let map = try loaded.renderer.renderWithLayout(MapRequest(
            date: try #require(Day(iso: "2024-11-30")), view: Bundled.view("aleppo-city"), language: language,
            format: .pdf))
        let lines = try extractedLines(map)
        let labels = map.labels.flatMap { $0.text.split(separator: "\n").map(String.init) }
            .filter { label in !Self.reorderedLigatures.contains { label.contains($0) } }
        #expect(labels.count >= 20, "the Aleppo map has labels to check")
        // Labels near one another on one baseline may share a line of the extracted text; each must still come
        // out as its own words, whole and in order.
        let lineWords = lines.map { $0.split(separator: " ").map(String.init) }
        for label in labels {
            let words = label.split(separator: " ").map(String.init)
            let found = lineWords.contains { line in
                line.count >= words.count && (0...(line.count - words.count)).contains { start in
                    Array(line[start..<start + words.count]) == words
                }
            }
            #expect(found, "\"\(label)\" is not a run of words in the extracted text")
        }
    }
}
