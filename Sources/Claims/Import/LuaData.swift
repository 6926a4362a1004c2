public import Gazetteer

/// A value of a Lua data module: the subset of Lua that data modules are written in.
public indirect enum LuaValue: Sendable {
    case table([LuaField])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// A name that refers to a variable (as in `return p`).
    case variable(String)

    /// The value under a string key, when this is a table.
    public subscript(key: String) -> LuaValue? {
        guard case .table(let fields) = self else { return nil }
        return fields.last { $0.key == key }?.value
    }
}

/// A field of a table: `key = value`, `["key"] = value`, or a positional value (no key).
public struct LuaField: Sendable {
    public var key: String?
    public var value: LuaValue
    public var location: SourceLocation
}

/// Reads a Lua data module: statements `local NAME = EXPR`, `NAME.FIELD… = EXPR` and `return EXPR`, where each
/// expression is a table constructor, string, number, boolean, nil or a variable's name. Code (calls, operators,
/// functions) is refused: a data module holds none, and nothing here runs it.
public struct LuaDataReader {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var offset = 0
    private var line = 1
    private var column = 1

    /// Every value a module assigns or returns, in order, with where each starts.
    public static func values(_ text: String, file: String) throws -> [(SourceLocation, LuaValue)] {
        var reader = LuaDataReader(scalars: Array(text.unicodeScalars), file: file)
        return try reader.chunk()
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    // MARK: - Statements

    private mutating func chunk() throws -> [(SourceLocation, LuaValue)] {
        var values = [(SourceLocation, LuaValue)]()
        var returned = false
        skipSpace()
        while offset < scalars.count {
            let start = here
            guard let word = name() else {
                throw error(start, "a Lua data module is made of `local NAME = {…}`, `NAME.field = …` and "
                    + "`return …`; found \(describe())")
            }
            if returned { throw error(start, "`return` must be the module's last statement") }
            switch word {
            case "return":
                returned = true
            case "local":
                skipSpace()
                guard name() != nil else { throw error(here, "expected a name after `local`, found \(describe())") }
                try expect("=")
            default:
                skipSpace()
                while accept(".") {
                    skipSpace()
                    guard name() != nil else { throw error(here, "expected a field name, found \(describe())") }
                    skipSpace()
                }
                try expect("=")
            }
            values.append((here, try expression()))
            _ = accept(";")
            skipSpace()
        }
        guard returned else {
            throw error(here, "the file has no `return`, so it is not a Lua module; give the module's source")
        }
        return values
    }

    // MARK: - Expressions

    private mutating func expression() throws -> LuaValue {
        skipSpace()
        let start = here
        guard let next = peek else { throw error(start, "expected a value, found the end of the file") }
        let value: LuaValue
        switch next {
        case "{": value = try table()
        case "\"", "'": value = .string(try quotedString())
        case "[" where peek(1) == "[" || peek(1) == "=": value = .string(try longBracket())
        case "-", "0"..."9", ".": value = .number(try number())
        default:
            guard let word = name() else { throw error(start, "expected a value, found \(describe())") }
            switch word {
            case "true": value = .bool(true)
            case "false": value = .bool(false)
            case "nil": value = .null
            default: value = .variable(word)
            }
        }
        skipSpace()
        if let next = peek, "(.:+*/^%<>~#".unicodeScalars.contains(next) || (next == "-" && peek(1) != "-")
            || (next == "." && peek(1) == ".")
        {
            throw error(here, "found code (\(describe())); a data module holds only values")
        }
        return value
    }

    private mutating func table() throws -> LuaValue {
        try expect("{")
        var fields = [LuaField]()
        while true {
            skipSpace()
            if accept("}") { return .table(fields) }
            let start = here
            var key: String?
            if peek == "[" && peek(1) != "[" && peek(1) != "=" {
                advance()
                switch try expression() {
                case .string(let text): key = text
                case .number(let number): key = number == number.rounded() ? String(Int(number)) : String(number)
                default: throw error(start, "a table key in brackets must be a string or a number")
                }
                try expect("]")
                try expect("=")
            } else if let word = nameAhead(), followedByEquals(word) {
                _ = name()
                key = word
                try expect("=")
            }
            fields.append(LuaField(key: key, value: try expression(), location: start))
            skipSpace()
            if accept(",") || accept(";") { continue }
            skipSpace()
            guard peek == "}" else { throw error(here, "expected `,` or `}` in a table, found \(describe())") }
        }
    }

    private mutating func quotedString() throws -> String {
        let start = here
        let quote = peek!
        advance()
        var text = ""
        while let next = peek, next != quote {
            if next == "\n" { break }
            advance()
            if next == "\\" {
                guard let escaped = peek else { break }
                advance()
                switch escaped {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(escaped)
                }
            } else {
                text.unicodeScalars.append(next)
            }
        }
        guard accept(quote) else { throw error(start, "this string is not closed on its line") }
        return text
    }

    /// `[[…]]` or `[==[…]==]`, as long strings and long comments are written.
    private mutating func longBracket() throws -> String {
        let start = here
        advance()
        var level = 0
        while accept("=") { level += 1 }
        guard accept("[") else { throw error(start, "expected `[` to open a long string") }
        let close = "]" + String(repeating: "=", count: level) + "]"
        var text = ""
        while offset < scalars.count {
            if String(String.UnicodeScalarView(scalars[offset..<min(offset + close.count, scalars.count)])) == close {
                for _ in 0..<close.count { advance() }
                return text
            }
            text.unicodeScalars.append(scalars[offset])
            advance()
        }
        throw error(start, "this long string or comment is not closed")
    }

    private mutating func number() throws -> Double {
        let start = here
        var text = ""
        if accept("-") { text = "-"; skipSpace() }
        while let next = peek, next.properties.isASCIIHexDigit || "xX.eE+-".unicodeScalars.contains(next) {
            if (next == "+" || next == "-") && !(text.hasSuffix("e") || text.hasSuffix("E")) { break }
            text.unicodeScalars.append(next)
            advance()
        }
        guard let value = Double(text) else { throw error(start, "\"\(text)\" is not a number") }
        return value
    }

    // MARK: - Characters

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private var peek: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

    private func peek(_ ahead: Int) -> Unicode.Scalar? {
        offset + ahead < scalars.count ? scalars[offset + ahead] : nil
    }

    private mutating func advance() {
        if scalars[offset] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        offset += 1
    }

    private mutating func accept(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        advance()
        return true
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws {
        skipSpace()
        guard accept(scalar) else { throw error(here, "expected `\(scalar)`, found \(describe())") }
        skipSpace()
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    private func nameAhead() -> String? {
        var end = offset
        guard end < scalars.count, Self.isNameStart(scalars[end]) else { return nil }
        while end < scalars.count, Self.isNameStart(scalars[end]) || ("0"..."9").contains(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[offset..<end]))
    }

    private func followedByEquals(_ word: String) -> Bool {
        var end = offset + word.unicodeScalars.count
        while end < scalars.count, scalars[end].properties.isWhitespace { end += 1 }
        return end < scalars.count && scalars[end] == "=" && (end + 1 >= scalars.count || scalars[end + 1] != "=")
    }

    private mutating func name() -> String? {
        guard let word = nameAhead() else { return nil }
        for _ in word.unicodeScalars { advance() }
        return word
    }

    /// Skips white space and comments (`-- …` and `--[[ … ]]`).
    private mutating func skipSpace() {
        while let next = peek {
            if next.properties.isWhitespace {
                advance()
            } else if next == "-" && peek(1) == "-" {
                advance()
                advance()
                if peek == "[" && (peek(1) == "[" || peek(1) == "="), (try? longBracket()) != nil { continue }
                while let next = peek, next != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private func describe() -> String {
        guard offset < scalars.count else { return "the end of the file" }
        let text = String(String.UnicodeScalarView(scalars[offset..<min(offset + 12, scalars.count)]))
        return "\"" + (text.split(separator: "\n").first.map(String.init) ?? text) + "\""
    }

    private func error(_ location: SourceLocation, _ message: String) -> InputError {
        InputError(location, message)
    }
}
