import ArgumentParser
import CTOBoardCore

/// `ctoboard`: the entry point. With no subcommand it opens the board.
@main
struct CTOBoard: ParsableCommand {
    static func main() {
        #if DEBUG
        // The fault matrix reads the commit's steps from the binary it tests.
        if FaultInjection.listRequested {
            print(FaultInjection.steps.joined(separator: "\n"))
            return
        }
        #endif
        let arguments = CommandLineOrder.subcommandFirst(Array(CommandLine.arguments.dropFirst()), root: Self.self)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // A usage error is bad input: exit 2, as documented, not the parser's 64.
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(CLIError.Code.badInput.rawValue))
            }
            exit(withError: error)
        }
    }

    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ctoboard",
        abstract: "Keep an owner's task document and the project TODO.md in sync, from a keyboard-driven board.",
        discussion: """
        Exit codes: 0 success, 1 drift or conflicts, 2 bad input or usage, 3 a document could not \
        be written, 4 another ctoboard holds the lock.
        """,
        version: version,
        subcommands: [
            BoardCommand.self, Demo.self, Review.self, Snapshot.self, Report.self,
            List.self, Check.self, Sync.self,
            Toggle.self, Verify.self, Complete.self, Start.self, Move.self, Reorder.self,
            Add.self, Edit.self, Delete.self, Undo.self, Redo.self,
            Watch.self, Hook.self, MergeDriver.self,
        ],
        defaultSubcommand: BoardCommand.self
    )
}
