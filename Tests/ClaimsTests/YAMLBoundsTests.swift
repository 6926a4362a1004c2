@testable import Claims
import Gazetteer
import Testing

/// `scenario.yaml` nesting and aliases are bounded before the parser, which recurses per level, sees them.
struct YAMLBoundsTests {
    @Test(arguments: [
        ("title: " + String(repeating: "[", count: 200), "s.yaml:1:71: error: here the file nests more than 64 levels"),
        ("title: he said \"hi\nactors: " + String(repeating: "[", count: 200),
         "s.yaml:2:72: error: here the file nests more than 64 levels"),
        ("note: |\n  a \"quote [[[ never closed\nviews: " + String(repeating: "{", count: 200),
         "s.yaml:3:71: error: here the file nests more than 64 levels"),
        ("views: &x !!seq " + String(repeating: "[", count: 200), "s.yaml:1:80: error: here the file nests more than 64"),
        ((0..<100).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x",
         "s.yaml:64:1: error: here the file nests more than 64 levels"),
        ("a: &a [x]\nb: [" + Array(repeating: "*a", count: 30).joined(separator: ", ") + "]",
         "s.yaml:2:85: error: the file has more than 20 aliases"),
    ])
    func deepNestingOrManyAliasesAreRefusedWithTheBound(text: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try YAMLBounds.check(text, file: "s.yaml") }
        #expect(error.description.hasPrefix(message), "got \(error)")
    }

    @Test(arguments: ["title: a[b]c [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                      "note: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nnext: 1",
                      "title: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"",
                      "note: 5 * 3 * 2 * 1 # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])
    func bracketsInQuotesAndCommentsAreNotNesting(text: String) throws {
        try YAMLBounds.check(text, file: "s.yaml")
    }
}
