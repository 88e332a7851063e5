import ArgumentParser
import CTOBoardCore

/// `ctoboard list`: the owner's tasks by pane.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the owner's tasks by pane, with id, state, flags and group.")

    @OptionGroup var pairOptions: PairOptions

    @Flag(help: "Print the stable JSON form (see the README).")
    var json = false

    func run() throws {
        try reporting {
            let config = try pairOptions.config()
            let pair = try pairOptions.load(try pairOptions.pair(config: config), config: config)
            if json {
                TaskListJSON.encode(pair) { writeStdout($0) }
            } else {
                writeStdout(Array(TaskListText.render(pair).utf8))
            }
        }
    }
}
