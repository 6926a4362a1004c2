import Foundation

/// A parsed JSON value, as the GeoJSON reader needs it: an array of numbers (a position) is kept as one array of
/// doubles rather than as an array of values.
enum ParsedJSON: Sendable {
    case object([String: ParsedJSON])
    case array([ParsedJSON])
    case numbers([Double])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    subscript(key: String) -> ParsedJSON? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The value's elements when it is an array (numbers as number values).
    var elements: [ParsedJSON]? {
        switch self {
        case .array(let values): values
        case .numbers(let numbers): numbers.map(ParsedJSON.number)
        default: nil
        }
    }

    /// A property's value as text: strings as they are, numbers without a needless ".0", anything else as JSON.
    var text: String {
        switch self {
        case .string(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .numbers(let values): "[" + values.map { ParsedJSON.number($0).text }.joined(separator: ",") + "]"
        case .array(let values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\(JSONValue.quoted($0.key)):\($0.value.json)" }
                .joined(separator: ",") + "}"
        }
    }

    private var json: String {
        if case .string(let text) = self { JSONValue.quoted(text) } else { text }
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes. Foundation's reader makes an object for every number of every
/// position and hands back untyped containers to be cast; a country's outlines took tens of milliseconds so.
/// Errors carry the byte offset where parsing stopped.
struct JSONParser {
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    /// Deeper nesting than any GeoJSON needs (a MultiPolygon's positions lie seven levels down) is refused rather
    /// than followed down the stack of whatever thread reads the file.
    static let maximumDepth = 128

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ data: Data) throws(Failure) -> ParsedJSON {
        let outcome: Result<ParsedJSON, Failure> = data.withUnsafeBytes { raw in
            var parser = JSONParser(raw.bindMemory(to: UInt8.self))
            return Result { () throws(Failure) -> ParsedJSON in
                parser.skipSpace()
                let value = try parser.value()
                parser.skipSpace()
                guard parser.offset == parser.bytes.count else { throw parser.failure("garbage after the document") }
                return value
            }
        }
        return try outcome.get()
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: offset, reason: reason)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private mutating func value() throws(Failure) -> ParsedJSON {
        guard let byte = current else { throw failure("unexpected end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: ParsedJSON) throws(Failure) -> ParsedJSON {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[offset + $0] == word.utf8Start[$0] })
        else { throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[offset])))'") }
        offset += count
        return value
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nested deeper than \(Self.maximumDepth) levels") }
        offset += 1
        skipSpace()
    }

    private mutating func object() throws(Failure) -> ParsedJSON {
        try enter()
        defer { depth -= 1 }
        var members = [String: ParsedJSON]()
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name in quotes") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            offset += 1
            skipSpace()
            members[key] = try value()
            if try closes(with: "}", in: "an object") { return .object(members) }
        }
    }

    private mutating func array() throws(Failure) -> ParsedJSON {
        try enter()
        defer { depth -= 1 }
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array([])
        }
        // Positions are arrays of numbers only: kept as doubles, one allocation each.
        var numbers = [Double](), values = [ParsedJSON]()
        var allNumbers = true
        while true {
            if allNumbers, let byte = current, byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte) {
                numbers.append(try number())
            } else {
                if allNumbers {
                    allNumbers = false
                    values = numbers.map(ParsedJSON.number)
                }
                values.append(try value())
            }
            if try closes(with: "]", in: "an array") { return allNumbers ? .numbers(numbers) : .array(values) }
        }
    }

    /// After a member or element: true past the closing bracket, false past a comma (and the space after it).
    private mutating func closes(with bracket: Unicode.Scalar, in container: String) throws(Failure) -> Bool {
        skipSpace()
        switch current {
        case UInt8(ascii: ","):
            offset += 1
            skipSpace()
            return false
        case UInt8(bracket.value):
            offset += 1
            return true
        default:
            throw failure("expected ',' or '\(bracket)' in \(container)")
        }
    }

    /// A number as RFC 8259 writes it; one too large for a double is an error at its first byte. Its digits are
    /// gathered as they are checked: a number of at most 15 significant digits and a power of ten within 22 is
    /// their integer times or divided by that power, both exact in a double, so one rounding gives the nearest
    /// double (Clinger's fast path) without `strtod`, whose cost was most of reading a GeoJSON file. Other
    /// numbers go through `strtod`.
    private mutating func number() throws(Failure) -> Double {
        let start = offset
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        func digits(counting fraction: Bool) -> Int {
            let first = offset
            while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) {
                let digit = UInt64(bytes[offset] &- 0x30)
                if significant > 0 || digit != 0 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ digit
                    if fraction { exponent -= 1 }
                } else if !fraction {
                    exponent += 1
                }
                offset += 1
            }
            return offset - first
        }
        let negative = current == UInt8(ascii: "-")
        if negative { offset += 1 }
        let integer = digits(counting: false)
        guard integer > 0 else { throw failure("expected a digit") }
        if integer > 1 && bytes[offset - integer] == UInt8(ascii: "0") {
            offset = start
            throw failure("a number may not start with 0")
        }
        if current == UInt8(ascii: ".") {
            offset += 1
            guard digits(counting: true) > 0 else { throw failure("expected a digit after the decimal point") }
        }
        var written = 0
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            let minus = current == UInt8(ascii: "-")
            if minus || current == UInt8(ascii: "+") { offset += 1 }
            let first = offset
            while offset < bytes.count, (0x30...0x39).contains(bytes[offset]) {
                if written < 100_000 { written = written * 10 + Int(bytes[offset] &- 0x30) }
                offset += 1
            }
            guard offset > first else { throw failure("expected a digit in the exponent") }
            if minus { written = -written }
        }
        let power = exponent + written
        if significant <= 15, (-22...22).contains(power) {
            let magnitude = power < 0 ? Double(mantissa) / Self.powersOfTen[-power]
                : Double(mantissa) * Self.powersOfTen[power]
            return negative ? -magnitude : magnitude
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            let end = offset
            offset = start
            throw failure("number \(text.prefix(end - start)) is not representable")
        }
        return value
    }

    /// 10⁰ to 10²², every one exact in a double.
    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    private mutating func string() throws(Failure) -> String {
        offset += 1  // the opening quote
        let start = offset
        // Most strings have no escapes: their bytes are taken as they are.
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"),
              bytes[offset] >= 0x20 {
            offset += 1
        }
        if current == UInt8(ascii: "\"") {
            let text = try utf8(start..<offset)
            offset += 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: try utf8(start..<offset).unicodeScalars)
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                offset += 1
                guard let escape = current else { throw failure("unterminated string") }
                offset += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default:
                    offset -= 2
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
            case 0..<0x20:
                throw failure("a control character in a string must be escaped")
            default:
                let run = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"),
                      bytes[offset] >= 0x20 {
                    offset += 1
                }
                scalars.append(contentsOf: try utf8(run..<offset).unicodeScalars)
            }
        }
    }

    /// `\uXXXX`, with a surrogate pair read as one scalar.
    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        func hex() throws(Failure) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw failure("unterminated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[offset]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw failure("invalid \\u escape")
                }
                value = value << 4 | digit
                offset += 1
            }
            return value
        }
        let first = try hex()
        if (0xD800..<0xDC00).contains(first), offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"),
           bytes[offset + 1] == UInt8(ascii: "u") {
            offset += 2
            let second = try hex()
            if (0xDC00..<0xE000).contains(second),
               let scalar = Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00)) {
                return scalar
            }
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private func utf8(_ range: Range<Int>) throws(Failure) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw Failure(offset: range.lowerBound, reason: "a string is not valid UTF-8")
        }
        return text
    }
}
