import Claims
import Foundation
import Gazetteer
import Testing

/// A property over random edits of the bundled scenario: loading gives a scenario or input errors that each name a
/// file, a line and a column, and never traps. scripts/fuzz.sh searches the same property with libFuzzer.
struct ScenarioMutationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let files = ["scenario.yaml", "claims.csv", "areas.geojson"]
    static let tokens = ["[", "{", "- ", "&a ", "*a", ": ", "\"", ",", "\r\n", "1e999", "NaN", "90", "\u{FEFF}", "\u{0}",
                         "ﾠ", "url", "\n  - ", "%"].map { Array($0.utf8) }

    /// SplitMix64: a small, seeded generator so every failure can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One to four edits: a flipped bit, an inserted token, a deleted or repeated run of bytes.
    static func mutate(_ bytes: [UInt8], using generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            let length = min(bytes.count - at, Int.random(in: 1...64, using: &generator))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
            case 1: bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: at)
            case 2: bytes.removeSubrange(at..<(at + length))
            default: bytes.insert(contentsOf: Array(bytes[at..<(at + length)]), at: at)
            }
        }
        return bytes
    }

    @Test(arguments: 0..<40)
    func anyEditGivesAScenarioOrLocatedErrors(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controlmap-mutant-\(UUID())")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Scenarios/aleppo-2024"), to: folder)
        let file = folder.appendingPathComponent(Self.files.randomElement(using: &generator)!)
        let mutant = Self.mutate([UInt8](try Data(contentsOf: file)), using: &generator)
        try Data(mutant).write(to: file)
        do {
            _ = try ScenarioLoader.load(directory: folder, gazetteerDirectory: Self.root.appendingPathComponent("Gazetteer"))
        } catch let error as InputError {
            #expect(!error.problems.isEmpty)
            for problem in error.problems {
                #expect(problem.location.line >= 1 && problem.location.column >= 1 && !problem.location.file.isEmpty,
                        "seed \(seed): \(problem)")
            }
        }
    }
}
