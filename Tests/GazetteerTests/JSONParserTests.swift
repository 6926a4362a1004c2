import Foundation
import Geometry
import Testing
@testable import Gazetteer

/// The GeoJSON reader's own JSON parser: what it accepts must read as Foundation's reader reads it, and what it
/// refuses must be refused at the byte where the document goes wrong.
struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> ParsedJSON {
        try JSONParser.parse(Data(text.utf8))
    }

    @Test func valuesEscapesAndNumbersReadAsWritten() throws {
        let value = try parse(#"""
            {"a": [1, -2.5, 3e2, 0.125E-1], "s": "tab\there \"q\" \u00e9 \ud83d\ude00 حلب",
             "n": null, "t": true, "f": false, "mixed": [1, "x", [2]], "empty": [], "o": {}}
            """#)
        guard case .numbers(let numbers)? = value["a"] else {
            Issue.record("an array of numbers is kept as doubles")
            return
        }
        #expect(numbers == [1, -2.5, 300, 0.0125])
        #expect(value["s"]?.string == "tab\there \"q\" é 😀 حلب")
        #expect(value["n"]?.text == "null" && value["t"]?.text == "true" && value["f"]?.text == "false")
        #expect(value["mixed"]?.elements?.count == 3)
        #expect(value["empty"]?.elements?.isEmpty == true)
        #expect(value["o"]?.text == "{}")
        #expect(ParsedJSON.number(12).text == "12" && ParsedJSON.number(1.5).text == "1.5")
    }

    /// Numbers of every shape (up to 22 digits, any decimal point, exponents, signs) read to the very double that
    /// `strtod` gives, whether the short path or `strtod` reads them.
    @Test func numbersReadToTheDoubleStrtodGives() throws {
        var generator = EditDistanceTests.Generator(state: 20_261_205)
        var texts = ["0", "-0", "0.0", "1e-400", "123456789012345678901234", "9007199254740993", "0.1", "0.3",
                     "999999999999999", "1e22", "1e23", "4.9e-324", "-1.7976931348623157e308", "36.2021", "0.000001"]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...22, using: &generator)
            var digits = (0..<count).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
            var text = Bool.random(using: &generator) ? "-" : ""
            let point = Int.random(in: 0...digits.count, using: &generator)
            if point == 0 {
                text += "0." + String(repeating: "0", count: Int.random(in: 0...5, using: &generator)) + digits
            } else if point < digits.count {
                text += digits.prefix(point) + "." + digits.dropFirst(point)
            } else {
                text += digits
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text += (Bool.random(using: &generator) ? "e" : "E-") + String(Int.random(in: 0...40, using: &generator))
            }
            texts.append(text)
        }
        let value = try parse("[" + texts.joined(separator: ",") + "]")
        guard case .numbers(let numbers) = value else {
            Issue.record("an array of numbers is kept as doubles")
            return
        }
        try #require(numbers.count == texts.count)
        for (text, number) in zip(texts, numbers) {
            let expected = try #require(Double(text))
            #expect(number.bitPattern == expected.bitPattern, "\(text): \(number) where strtod reads \(expected)")
        }
    }

    @Test(arguments: [
        ("[1, 2,]", 6, "unexpected character"), ("{\"a\" 1}", 5, "expected ':'"), ("[01]", 1, "may not start with 0"),
        ("[1e999]", 1, "not representable"), ("\"abc", 4, "unterminated"), ("\"a\u{1}b\"", 2, "control character"),
        ("[1] x", 4, "garbage"), ("{\"a\": tru}", 6, "unexpected character"), ("\"\\q\"", 1, "invalid escape"),
        ("[-]", 2, "expected a digit"), ("", 0, "end of the file"),
    ])
    func badDocumentsStopWhereTheyGoWrong(text: String, offset: Int, reason: String) {
        do {
            _ = try parse(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.offset == offset, "\(text): stopped at \(error.offset)")
            #expect(error.reason.contains(reason), "\(text): \(error.reason)")
        }
    }

    @Test func deepNestingIsRefusedNotFollowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test func invalidUTF8InAStringIsLocated() {
        do {
            _ = try JSONParser.parse(Data("[\"ab".utf8) + Data([0xC3, 0x28]) + Data("\"]".utf8))
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.offset == 2 && error.reason.contains("UTF-8"))
        }
    }

    /// Every outline the project ships reads to the positions Foundation's reader finds in the same bytes.
    @Test(arguments: ["admin/districts.geojson", "admin/governorates.geojson", "basemap/syria.geojson",
                      "basemap/water.geojson", "neighbourhoods/aleppo.geojson"])
    func shippedFilesReadAsFoundationReadsThem(path: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Gazetteer/" + path))
        let features = try GeoJSONReader.features(from: data, file: path)
        let foundation = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(foundation["features"] as? [[String: Any]])
        #expect(features.count == expected.count)
        for (feature, reference) in zip(features, expected) {
            let flat = (try #require(reference["geometry"] as? [String: Any]))["coordinates"].map(Self.numbers) ?? []
            let read = feature.area.polygons.flatMap { ([$0.exterior] + $0.holes).flatMap { $0 } }
                + feature.lines.lines.flatMap { $0 }
            #expect(read.flatMap { [$0.lon, $0.lat] } == flat, "\(path): the positions of a feature differ")
            for (key, value) in reference["properties"] as? [String: Any] ?? [:] {
                if let text = value as? String { #expect(feature.properties[key] == text) }
            }
        }
    }

    /// Every number of a nested array, in order.
    static func numbers(_ value: Any) -> [Double] {
        if let number = value as? NSNumber { return [number.doubleValue] }
        return (value as? [Any] ?? []).flatMap(numbers)
    }
}
