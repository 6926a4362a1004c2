import ArgumentParser
import Canvas
import Foundation
import Gazetteer
import GIS
import Geometry
import Storage

/// The three families of errors, reported in one place: input errors (file:line:column, exit 1), usage errors
/// (argument-parser's message and usage, exit 64) and runtime failures (exit 2).
enum ErrorReport {
    static let runtimeExitCode: Int32 = 2

    /// Prints `error` as its family asks and gives the exit code.
    static func report(_ error: Error) -> ExitCode? {
        switch error {
        case let error as InputError:
            for problem in error.problems { printError(problem.description) }
            return .failure
        case let failure as RuntimeFailure:
            printError(failure.description)
        case let failure as GeometryError:
            printError("error: geometry failed (\(failure)); run `controlmap check`, and if it finds no problem, "
                + "report this with the scenario")
        case let failure as GISError:
            printError("error: \(failure)")
        case let failure as CanvasError:
            printError("error: drawing failed (\(failure)); check the free memory, or try a smaller --width")
        default:
            return nil
        }
        return ExitCode(runtimeExitCode)
    }
}

/// Runs `body`, printing input problems one per line to stderr and exiting non-zero on them.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        for problem in error.problems { printError(problem.description) }
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
