import ArgumentParser
#if canImport(CMalloc)
import CMalloc
#endif

@main
struct ControlMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controlmap",
        abstract: "Dated territorial-control maps from dated, sourced claims.",
        discussion: """
            Every command works with no arguments on the bundled scenario (Scenarios/aleppo-2024) and writes \
            into Output/. Point any command at another scenario folder with --scenario DIR.

            Example:
              controlmap render --date 2024-11-30 --view northwest --lang ar
            """,
        version: ControlMapVersion.current,
        subcommands: [Render.self, TimelineCommand.self, Diff.self, SnapshotCommand.self, Resolve.self, Check.self,
                      ImportCommand.self, Serve.self])

    /// Parses and runs the subcommand, reporting each family of error in its own way.
    static func main() async {
        #if canImport(CMalloc)
        // Blocks of a megabyte and more (images, cells, claim tables) are given back to the system when freed. By
        // default glibc raises that threshold to the largest block freed so far, and the freed blocks of one stage
        // stayed resident beside the next stage's: 15% more memory at 30,000 places, for 2% of time saved.
        mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: ErrorReport.report(error) ?? error)
        }
    }
}
