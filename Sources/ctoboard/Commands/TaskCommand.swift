import ArgumentParser
import CTOBoardCore

/// Runs an operation through a session and prints one line about it.
func runOperation(_ operation: TaskOperation, options: PairOptions) throws(CLIError) {
    let session = try options.session()
    let outcome: Session.Outcome
    do { outcome = try session.perform(operation) } catch { throw error.cli }
    if let sync = outcome.sync {
        for line in sync.carried { print("synced: \(line)") }
        for c in sync.conflicts { printError("ctoboard: conflict: \(c.summary); \(SyncConflict.wayOut)") }
    }
    let change = outcome.change
    let id = change.taskID.map { " [\($0)]" } ?? ""
    print("\(change.kind.rawValue) \"\(change.title)\"\(id)\(change.to.map { " → \($0.title)" } ?? "")")
}

/// `ctoboard toggle TASK`.
struct Toggle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toggle", abstract: "Flip a task's checkbox in both documents.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.toggle(task), options: pairOptions) } }
}

/// `ctoboard verify TASK`.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Mark a task verified: Completed, checked, (verified DATE).")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.verify(task), options: pairOptions) } }
}

/// `ctoboard complete TASK`.
struct Complete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Move a task to Completed, awaiting verification.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.complete(task), options: pairOptions) } }
}

/// `ctoboard start TASK`.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Move a task to In Progress.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.start(task), options: pairOptions) } }
}

/// `ctoboard delete TASK`.
struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a task from both documents.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.delete(task), options: pairOptions) } }
}

/// `ctoboard move TASK --to PANE`.
struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a task to another pane or priority.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @Option(help: "completed, in-progress, high, medium or low.") var to: Pane
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.move(task, to: to), options: pairOptions) } }
}

/// `ctoboard reorder TASK --by N`.
struct Reorder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reorder", abstract: "Move a task up (negative) or down within its pane.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @Option(parsing: .unconditional, help: "How many places: -1 is up one, 1 is down one.") var by: Int
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.reorder(task, by: by), options: pairOptions) } }
}

/// `ctoboard add TEXT --to PANE`.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a task to a pane in both documents (tagged with the owner in TODO.md).")
    @Argument(help: "The task's title.") var text: String
    @Option(help: "completed, in-progress, high, medium or low.") var to: Pane = .medium
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.add(title: text, to: to), options: pairOptions) } }
}

/// `ctoboard edit TASK --title TEXT`.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change a task's title in both documents.")
    @Argument(help: "The task: its id, or a unique fragment of its title.") var task: String
    @Option(help: "The new title.") var title: String
    @OptionGroup var pairOptions: PairOptions
    func run() throws { try reporting { try runOperation(.edit(task, title: title), options: pairOptions) } }
}
