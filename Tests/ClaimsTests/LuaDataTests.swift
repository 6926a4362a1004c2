import Claims
import Gazetteer
import Testing

/// The Lua subset of data modules: values read with their places, code refused where it starts.
struct LuaDataTests {
    @Test func readsTablesStringsNumbersAndComments() throws {
        let text = """
            -- a comment
            local p = {}
            --[==[ a long
            comment ]==]
            p.marks = { { lat = -1.5e1, ["long"] = 37, mark = 'a\\'b.svg', label = [[Tal "Rifaat"]] }, true; nil }
            return p
            """
        let values = try LuaDataReader.values(text, file: "m.lua")
        #expect(values.count == 3)
        guard case .table(let marks) = values[1].1, case .table(let fields)? = marks.first?.value else {
            Issue.record("p.marks is not a table of tables")
            return
        }
        #expect(values[1].0.line == 5)
        #expect(fields.map(\.key) == ["lat", "long", "mark", "label"])
        if case .number(let lat)? = marks[0].value["lat"] { #expect(lat == -15) } else { Issue.record("lat") }
        if case .string(let mark)? = marks[0].value["mark"] { #expect(mark == "a'b.svg") } else { Issue.record("mark") }
        if case .string(let label)? = marks[0].value["label"] { #expect(label == "Tal \"Rifaat\"") }
        if case .variable(let name) = values[2].1 { #expect(name == "p") } else { Issue.record("return p") }
    }

    @Test(arguments: [
        ("local p = require('Module:X')\nreturn p", 1, 18, "found code"),
        ("local p = {}\n", 2, 1, "no `return`"),
        ("return {\n  a = 1\n  b = 2 }", 3, 3, "expected `,` or `}`"),
        ("return { label = \"open }", 1, 18, "not closed"),
    ])
    func refusesWhatIsNotData(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try LuaDataReader.values(text, file: "m.lua")
            Issue.record("\(text) was read")
        } catch let error as InputError {
            let problem = error.problems[0]
            #expect((problem.location.line, problem.location.column) == (line, column), "\(problem)")
            #expect(problem.description.contains(message), "\(problem)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
