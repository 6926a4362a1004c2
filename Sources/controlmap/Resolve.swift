import ArgumentParser

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look up place names in Arabic or any Latin spelling.",
        discussion: """
            Example:
              controlmap resolve "Sheikh Maqsoud" "الشيخ مقصود" Alep
            """)

    @OptionGroup var input: InputOptions

    func run() throws {
        printError("controlmap resolve: not available yet")
        throw ExitCode.failure
    }
}
