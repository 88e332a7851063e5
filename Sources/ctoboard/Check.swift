import ArgumentParser
import CTOBoardCore

/// `ctoboard check`: exit 0 when the documents agree, 1 when they drift.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the owner document and TODO.md agree.",
        discussion: "Exit 0 when they agree, 1 when they drift (one line per difference), 2 on bad input.")

    @OptionGroup var pairOptions: PairOptions

    func run() throws {
        var drifted = false
        try reporting {
            let config = try pairOptions.config()
            for paths in try pairOptions.pairs(config: config) {
                let pair = try pairOptions.load(paths, config: config)
                let ownerName = DisplayPath.relative(paths.ownerDoc)
                let todoName = DisplayPath.relative(paths.todo)
                for drift in pair.drift() {
                    drifted = true
                    print(drift.describe(ownerDocName: ownerName, todoName: todoName))
                }
            }
        }
        if drifted { throw ExitCode(CLIError.Code.drift.rawValue) }
    }
}
