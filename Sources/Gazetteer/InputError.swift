/// Where in a user's file something is, 1-based.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem in a user's input: where, what is wrong, and how to fix it.
public struct InputProblem: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// A warning points at something worth a look that does not stop the input from being used.
    public var isWarning: Bool

    public init(_ location: SourceLocation, _ message: String, isWarning: Bool = false) {
        self.location = location
        self.message = message
        self.isWarning = isWarning
    }

    /// Printed as `claims.csv:14:3: error: unknown place "Nubbl"; did you mean Nubl (نبل, Aleppo)?`
    public var description: String { "\(location): \(isWarning ? "warning" : "error"): \(message)" }
}

/// Every problem found in one pass over the input; thrown when there is at least one.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]

    public init(_ problems: [InputProblem]) {
        self.problems = problems
    }

    public init(_ location: SourceLocation, _ message: String) {
        self.problems = [InputProblem(location, message)]
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while reading, then throws them all at once.
public struct ProblemList: Sendable {
    public private(set) var problems: [InputProblem] = []

    public init() {}

    public mutating func add(_ location: SourceLocation, _ message: String) {
        problems.append(InputProblem(location, message))
    }

    public mutating func add(contentsOf error: InputError) {
        problems += error.problems
    }

    /// Throws every problem collected so far, if any.
    public func throwIfAny() throws {
        if !problems.isEmpty { throw InputError(problems) }
    }
}
