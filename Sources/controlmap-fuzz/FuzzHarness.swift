// The fuzz target over the scenario loader and the CSV, GeoJSON and UTF-8 readers. scripts/fuzz.sh links it with
// libFuzzer (`-sanitize=fuzzer -DFUZZING`); an ordinary build replays inputs: `controlmap-fuzz FILE|FOLDER…`.
import Claims
import Foundation
import Gazetteer

/// One input is a scenario folder's files separated by lines of `%%`: scenario.yaml, claims.csv, places.csv and
/// areas.geojson (the last two left out when absent).
struct FuzzTarget: Sendable {
    static let names = ["scenario.yaml", "claims.csv", "places.csv", "areas.geojson"]
    static let separator = Data("\n%%\n".utf8)

    let folder: URL
    let gazetteer: URL

    /// A target writing its files into a fresh temporary folder and reading places from `gazetteer`.
    init(gazetteer: URL) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.gazetteer = gazetteer
    }

    static func parts(of data: Data) -> [Data] {
        var parts = [Data]()
        var rest = data[...]
        while parts.count < names.count - 1, let range = rest.range(of: separator) {
            parts.append(Data(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        return parts + [Data(rest)]
    }

    /// Loads the input; traps when anything but a scenario or located input errors comes out.
    func run(_ data: Data) {
        let parts = Self.parts(of: data)
        for (index, name) in Self.names.enumerated() {
            let url = folder.appendingPathComponent(name)
            if index < parts.count {
                try? parts[index].write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
        do {
            _ = try ScenarioLoader.load(directory: folder, gazetteerDirectory: gazetteer)
        } catch let error as InputError {
            precondition(!error.problems.isEmpty, "an input error without problems")
            for problem in error.problems {
                let location = problem.location
                precondition(location.line >= 1 && location.column >= 1 && !location.file.isEmpty
                             && !problem.message.isEmpty, "a problem without a location: \(problem)")
            }
        } catch {
            preconditionFailure("the loader failed with \(error), not with located input errors")
        }
        if parts.count > 1 { _ = try? CSVTable(text: String(decoding: parts[1], as: UTF8.self), file: "claims.csv") }
        if parts.count > 3 { _ = try? GeoJSONReader.features(from: parts[3], file: "areas.geojson") }
        _ = try? InputText.decode(data, file: "input")
    }
}

/// The inputs' places are looked up in `CONTROLMAP_DATA/Gazetteer/curated/places.csv` (else `Gazetteer` here):
/// fifteen places, few enough to load for every input.
let target: FuzzTarget = {
    let data = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CONTROLMAP_DATA"] ?? ".")
    let gazetteer = FileManager.default.temporaryDirectory
        .appendingPathComponent("controlmap-fuzz-gazetteer-\(getpid())")
    try? FileManager.default.removeItem(at: gazetteer)
    try? FileManager.default.createDirectory(at: gazetteer.appendingPathComponent("curated"),
                                             withIntermediateDirectories: true)
    try? FileManager.default.copyItem(at: data.appendingPathComponent("Gazetteer/curated/places.csv"),
                                      to: gazetteer.appendingPathComponent("curated/places.csv"))
    return FuzzTarget(gazetteer: gazetteer)
}()

#if FUZZING
/// libFuzzer's entry point: one input per call.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    target.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#else
/// Replays the inputs in the files and folders given as arguments.
@main
enum FuzzReplay {
    static func main() {
        var inputs = 0
        for argument in CommandLine.arguments.dropFirst() {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted()
                .map { url.appendingPathComponent($0) } ?? [url]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                target.run(data)
                inputs += 1
            }
        }
        print("\(inputs) inputs: each gave a scenario or located input errors")
    }
}
#endif
