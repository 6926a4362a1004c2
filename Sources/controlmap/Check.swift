import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a scenario and the gazetteer, listing every problem.",
        discussion: """
            Example:
              controlmap check --scenario Scenarios/aleppo-2024
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        printError("controlmap check: not available yet")
        throw ExitCode.failure
    }
}
