import ArgumentParser

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two dates: places that changed hands and km² per actor.",
        discussion: """
            Example:
              controlmap diff --from 2024-11-26 --to 2024-11-30 --format json
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        printError("controlmap diff: not available yet; the diff map is drawn by `controlmap render --diff FROM..TO`")
        throw ExitCode.failure
    }
}
