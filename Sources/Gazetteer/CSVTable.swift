/// A cell of a CSV file with where it starts, so errors can point at it.
public struct CSVField: Hashable, Sendable {
    public var value: String
    public var line: Int
    public var column: Int
}

/// A CSV file read per RFC 4180 as spreadsheets export it: UTF-8 with or without BOM, LF or CRLF,
/// quoted fields holding commas, quotes ("") and newlines. Rows keep 1-based line and column positions.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var rows: [[CSVField]]

    /// Parses `text`; the first non-empty record is the header, its names each once. Blank lines are skipped.
    /// Fields longer than `limits.fieldCharacters` and rows past `limits.rows` are errors.
    public init(text: String, file: String, limits: InputLimits = .current) throws {
        self.file = file
        var records = try CSVTable.records(in: text, file: file, limits: limits)
        records.removeAll { $0.count == 1 && $0[0].value.isEmpty }
        guard let first = records.first else {
            throw InputError(SourceLocation(file: file, line: 1, column: 1), "the file is empty; it needs a header row")
        }
        if records.count - 1 > limits.rows {
            let row = records[limits.rows + 1][0]
            throw InputError(SourceLocation(file: file, line: row.line, column: row.column),
                             InputLimits.exceeded("the file has", .rows, limits.rows))
        }
        var problems = ProblemList()
        var seen = [String: CSVField]()
        for field in first {
            let name = field.value.trimmingSpaces
            if let earlier = seen[name] {
                problems.add(SourceLocation(file: file, line: field.line, column: field.column),
                             "column \"\(name)\" is named twice (first at column \(earlier.column)); "
                                 + "remove or rename one of them")
            }
            seen[name] = seen[name] ?? field
        }
        try problems.throwIfAny()
        header = first.map { $0.value.trimmingSpaces }
        rows = Array(records.dropFirst())
    }

    /// The location of a row's start, or of one of its fields.
    public func location(_ row: [CSVField], column: Int = 0) -> SourceLocation {
        let field = row[min(column, row.count - 1)]
        return SourceLocation(file: file, line: field.line, column: field.column)
    }

    /// Checks that every `required` column is in the header, naming the missing ones.
    public func requireColumns(_ required: [String]) throws {
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw InputError(
                SourceLocation(file: file, line: 1, column: 1),
                "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")); "
                    + "the header must name \(required.joined(separator: ","))")
        }
    }

    /// The records of `text`, read byte by byte: every delimiter is ASCII, which no byte of a longer UTF-8
    /// character equals, and a column counts characters (bytes that do not continue one).
    private static func records(in text: String, file: String, limits: InputLimits) throws -> [[CSVField]] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let (quote, comma, newline, carriageReturn): (UInt8, UInt8, UInt8, UInt8) = (34, 44, 10, 13)
        var records = [[CSVField]]()
        var record = [CSVField]()
        var value = [UInt8]()
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var quoted = false, wasQuoted = false
        var index = 0
        var problems = ProblemList()
        func endField() {
            if value.count > limits.fieldCharacters
                && value.lazy.filter({ $0 & 0xC0 != 0x80 }).count > limits.fieldCharacters {
                problems.add(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                             InputLimits.exceeded("this field has", .fieldCharacters, limits.fieldCharacters))
                value.removeAll()
            }
            record.append(CSVField(value: String(decoding: value, as: UTF8.self), line: fieldLine,
                                   column: fieldColumn))
            value.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let starts = byte & 0xC0 != 0x80  // a character's first byte
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        value.append(quote)
                        index += 1
                        column += 2
                        continue
                    }
                    quoted = false
                } else {
                    value.append(byte)
                }
                if byte == newline {
                    line += 1
                    column = 1
                } else if starts {
                    column += 1
                }
                continue
            }
            switch byte {
            case quote where value.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                column += 1
            case comma:
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case carriageReturn where index < bytes.count && bytes[index] == newline:
                column += 1
            case newline, carriageReturn:
                endField()
                records.append(record)
                record = []
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
            default:
                value.append(byte)
                if starts { column += 1 }
            }
        }
        if quoted {
            throw InputError(SourceLocation(file: file, line: fieldLine, column: fieldColumn),
                             "a quoted field is never closed; add the closing \" or remove the opening one")
        }
        if !value.isEmpty || !record.isEmpty { endField(); records.append(record) }
        try problems.throwIfAny()
        return records
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        // Most fields have nothing to trim: they are returned as they are, without a copy.
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[start...end])
    }
}
