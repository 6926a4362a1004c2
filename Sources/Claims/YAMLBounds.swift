import Gazetteer

/// Checks `scenario.yaml`'s text before the YAML parser sees it: the parser recurses once per level of nesting and
/// aliases multiply what they point at, so both are bounded here, with an error naming the bound. The scan follows
/// enough of YAML to see where nodes start: quotes, comments, flow brackets, block sequences and block scalars.
enum YAMLBounds {
    /// What may come just before a node on its line: a key's colon, a sequence dash, a flow opening or comma.
    private static let nodeStarts: Set<Unicode.Scalar> = [":", "-", "?", "[", "{", ",", "\n"]

    static func check(_ text: String, file: String, limits: InputLimits = .current) throws {
        var flowDepth = 0
        var blockIndents = [Int]()
        var aliases = 0
        var quote: Unicode.Scalar?
        var blockScalarParent: Int?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: number + 1, column: column) }
            let scalars = Array(line.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let blank = indent == scalars.count || scalars[indent] == "\r"
            var column = 0
            if quote == nil && flowDepth == 0 {
                if let parent = blockScalarParent {
                    if blank || indent > parent { continue }
                    blockScalarParent = nil
                }
                guard !blank, scalars[indent] != "#" else { continue }
                while let last = blockIndents.last, last >= indent { blockIndents.removeLast() }
                blockIndents.append(indent)
                column = indent
                while column + 1 < scalars.count, scalars[column] == "-" || scalars[column] == "?",
                      scalars[column + 1] == " " {
                    column += 2
                    blockIndents.append(column)
                }
            }
            var previous: Unicode.Scalar = " "
            var lastSignificant: Unicode.Scalar = column > 0 ? "-" : "\n"
            var plain = false
            while column < scalars.count {
                var scalar = scalars[column]
                column += 1
                defer {
                    previous = scalar
                    if scalar != " " && scalar != "\t" { lastSignificant = scalar }
                }
                if let open = quote {
                    if scalar == "\\" && open == "\"" {
                        column += 1
                    } else if scalar == open {
                        quote = nil
                    }
                    continue
                }
                if plain {
                    // A plain scalar runs to ": ", to a comment, or in a flow to its next comma or closing bracket.
                    let next = column < scalars.count ? scalars[column] : " "
                    let endsKey = scalar == ":" && (next == " " || next == "\r")
                    let endsInFlow = flowDepth > 0 && (scalar == "," || scalar == "]" || scalar == "}")
                    guard endsKey || endsInFlow || (scalar == "#" && previous == " ") else { continue }
                    plain = false
                }
                let startsNode = nodeStarts.contains(lastSignificant)
                if startsNode, scalar == "&" || scalar == "!" {
                    // An anchor or a tag goes before a node: skip it, and what follows still starts the node.
                    while column < scalars.count, scalars[column] != " " { column += 1 }
                    scalar = " "
                    continue
                }
                switch scalar {
                case "\"" where startsNode, "'" where startsNode:
                    quote = scalar
                case "#" where previous == " " || previous == "\t":
                    column = scalars.count
                case "[" where startsNode, "{" where startsNode:
                    flowDepth += 1
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
                    flowDepth -= 1
                case "*" where startsNode:
                    aliases += 1
                    if aliases > limits.yamlAliases {
                        throw InputError(at(column), InputLimits.exceeded("the file has", .yamlAliases,
                                                                          limits.yamlAliases))
                    }
                case "|" where startsNode && flowDepth == 0, ">" where startsNode && flowDepth == 0:
                    blockScalarParent = indent
                case " ", "\t", ":", ",", "?", "-", "]", "}", "\r":
                    break
                default:
                    plain = startsNode
                }
                if flowDepth + blockIndents.count > limits.yamlDepth {
                    throw InputError(at(column), InputLimits.exceeded("here the file nests", .yamlDepth,
                                                                      limits.yamlDepth))
                }
            }
            if blockIndents.count > limits.yamlDepth {
                throw InputError(at(1), InputLimits.exceeded("here the file nests", .yamlDepth, limits.yamlDepth))
            }
        }
    }
}
