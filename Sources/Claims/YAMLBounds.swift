import Gazetteer

/// Checks `scenario.yaml`'s text before the YAML parser sees it: the parser recurses once per level of nesting and
/// aliases multiply what they point at, so both are bounded here, with an error naming the bound.
enum YAMLBounds {
    static func check(_ text: String, file: String, limits: InputLimits = .current) throws {
        var flowDepth = 0
        var blockIndents = [Int]()
        var aliases = 0
        var quote: Character?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: number + 1, column: column) }
            let scalars = Array(line.unicodeScalars)
            var column = 0
            if quote == nil && flowDepth == 0 {
                let indent = scalars.prefix { $0 == " " }.count
                guard indent < scalars.count, scalars[indent] != "#", scalars[indent] != "\r" else { continue }
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
            while column < scalars.count {
                let scalar = scalars[column]
                column += 1
                defer { previous = scalar }
                if let open = quote {
                    if scalar == "\\" && open == "\"" {
                        column += 1
                    } else if Character(scalar) == open {
                        quote = nil
                    }
                    continue
                }
                switch scalar {
                case "\"" where " [{,:-".unicodeScalars.contains(previous),
                     "'" where " [{,:-".unicodeScalars.contains(previous):
                    quote = Character(scalar)
                case "#" where previous == " " || previous == "\t":
                    column = scalars.count
                case "[", "{":
                    flowDepth += 1
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "*" where " [{,:-".unicodeScalars.contains(previous):
                    aliases += 1
                    if aliases > limits.yamlAliases {
                        throw InputError(at(column), InputLimits.exceeded("the file has", .yamlAliases,
                                                                          limits.yamlAliases))
                    }
                default:
                    break
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
