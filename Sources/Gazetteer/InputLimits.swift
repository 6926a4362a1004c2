public import Foundation

/// How much of each input the readers accept, so a hostile or broken file gets a message instead of hours of
/// work or gigabytes of memory. Each limit can be raised with the environment variable its message names.
public struct InputLimits: Hashable, Sendable {
    /// Bytes of any one input file.
    public var fileBytes = 64 << 20
    /// Characters of one CSV field or YAML value.
    public var fieldCharacters = 10_000
    /// Data rows of one CSV file.
    public var rows = 200_000
    /// Features of one GeoJSON file.
    public var features = 5_000
    /// Positions of one GeoJSON feature.
    public var verticesPerFeature = 50_000
    /// Positions of one GeoJSON file.
    public var vertices = 1_000_000
    /// Levels of nesting in `scenario.yaml`.
    public var yamlDepth = 64
    /// Aliases (`*name`) in `scenario.yaml`.
    public var yamlAliases = 20

    /// The defaults.
    public init() {}

    /// The defaults, with any limit the environment sets (`CONTROLMAP_LIMIT_FIELD_CHARACTERS=20000`).
    public init(environment: [String: String]) {
        func read(_ key: Limit, into value: inout Int) {
            if let text = environment[key.variable], let number = Int(text), number > 0 { value = number }
        }
        read(.fileBytes, into: &fileBytes)
        read(.fieldCharacters, into: &fieldCharacters)
        read(.rows, into: &rows)
        read(.features, into: &features)
        read(.verticesPerFeature, into: &verticesPerFeature)
        read(.vertices, into: &vertices)
        read(.yamlDepth, into: &yamlDepth)
        read(.yamlAliases, into: &yamlAliases)
    }

    /// The limits in force for this process.
    public static let current = InputLimits(environment: ProcessInfo.processInfo.environment)

    /// A limit, named in messages by the environment variable that raises it.
    public enum Limit: String, Sendable {
        case fileBytes = "FILE_BYTES", fieldCharacters = "FIELD_CHARACTERS", rows = "ROWS", features = "FEATURES"
        case verticesPerFeature = "VERTICES_PER_FEATURE", vertices = "VERTICES", yamlDepth = "YAML_DEPTH"
        case yamlAliases = "YAML_ALIASES"

        /// `CONTROLMAP_LIMIT_ROWS`
        public var variable: String { "CONTROLMAP_LIMIT_" + rawValue }
    }

    /// `has more than 200000 rows (the limit); split the file, or raise the limit with CONTROLMAP_LIMIT_ROWS=N`
    public static func exceeded(_ what: String, _ limit: Limit, _ value: Int) -> String {
        "\(what) more than \(value) \(limit.unit) (the limit); shorten it, or raise the limit with \(limit.variable)=N"
    }
}

extension InputLimits.Limit {
    var unit: String {
        switch self {
        case .fileBytes: "bytes"
        case .fieldCharacters: "characters"
        case .rows: "rows"
        case .features: "features"
        case .verticesPerFeature, .vertices: "positions"
        case .yamlDepth: "levels"
        case .yamlAliases: "aliases"
        }
    }
}

extension SourceLocation {
    /// The line and column of a byte offset into UTF-8 `data`, counting characters as Unicode scalars.
    public init(byteOffset offset: Int, in data: Data, file: String) {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        self.init(file: file, line: line, column: column)
    }
}

/// Reading a user's file as text: bounded in size, decoded as UTF-8 with the first bad byte located.
public enum InputText {
    /// The file's bytes, or a located error when it cannot be read or is larger than the limit.
    public static func data(_ url: URL, file: String, limits: InputLimits = .current) throws -> Data {
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch FileBytes.data(url.path, limit: limits.fileBytes) {
        case .success(let data): return data
        case .failure(.folder): throw InputError(start, "this is a folder; give the path of a file")
        case .failure(.tooLarge):
            throw InputError(start, InputLimits.exceeded("the file has", .fileBytes, limits.fileBytes))
        case .failure(.unreadable):
            throw InputError(start, "cannot read the file; check that it exists and is readable")
        }
    }

    /// `data` as a string, or a located error at the first byte that is not UTF-8.
    public static func decode(_ data: Data, file: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        scan: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: break scan
            case .error(let length):
                throw InputError(SourceLocation(byteOffset: offset, in: data, file: file),
                                 "byte \(offset + 1) is not UTF-8 (\(length) bad byte\(length == 1 ? "" : "s")); "
                                     + "save the file as UTF-8 (with or without BOM)")
            }
        }
        throw InputError(SourceLocation(file: file, line: 1, column: 1),
                         "the file is not UTF-8; save it as UTF-8 (with or without BOM)")
    }
}
