import ArgumentParser
import CTOBoardCore

/// `ctoboard check`: exit 0 when the documents agree, 1 when they drift.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the owner document and TODO.md agree.",
        discussion: "Exit 0 when they agree, 1 when they drift (one line per difference), 2 on bad input.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github
    }

    @Option(help: "text, or github for workflow annotations on the lines that drift.")
    var format: Format = .text

    @Flag(help: "Check the versions staged in git's index (what a commit would hold), not the files.")
    var staged = false

    @OptionGroup var pairOptions: PairOptions

    func run() throws {
        var drifted = false
        try reporting {
            let config = try pairOptions.config()
            for paths in try pairOptions.pairs(config: config) {
                var pair = try pairOptions.load(paths, config: config)
                if staged {
                    // A document git does not track is committed as it is: the file.
                    pair = TaskPair(paths: paths, ownerBytes: Git.blob(paths.ownerDoc, at: "") ?? pair.ownerDoc.document.bytes,
                                    todoBytes: Git.blob(paths.todo, at: "") ?? pair.todo.document.bytes)
                }
                let ownerName = DisplayPath.relative(paths.ownerDoc)
                let todoName = DisplayPath.relative(paths.todo)
                func report(_ text: String, file: String, line: Int) {
                    drifted = true
                    switch format {
                    case .text: print(text)
                    case .github: print("::error file=\(Self.escapeProperty(file)),line=\(line),title=ctoboard check::\(Self.escapeData(text))")
                    }
                }
                // A task changed differently in both documents since the last sync is one line
                // with both versions, not two unrelated differences (a rename reads as two).
                // Without a snapshot (a fresh clone, CI) the base is the last agreeing commit, as
                // for sync: a change on one side is drift, not a conflict.
                let base = Session.cli(paths: paths, config: config, today: CalendarDate.today(environment: Environment.variables)).syncBase().base
                let conflicts = SyncEngine().plan(pair: pair, base: base).conflicts
                let ownerLines = Set(conflicts.compactMap(\.ownerLine)), todoLines = Set(conflicts.compactMap(\.todoLine))
                for c in conflicts {
                    let (file, line) = c.ownerLine.map { (ownerName, $0) } ?? (todoName, c.todoLine ?? 1)
                    report("\(file):\(line): conflict: \(c.summary); \(SyncConflict.wayOut)", file: file, line: line)
                }
                for drift in pair.drift() {
                    if let o = drift.task.owner, ownerLines.contains(o.line + 1) { continue }
                    if let t = drift.task.todo, todoLines.contains(t.line + 1) { continue }
                    // Annotate the owner document's line, or TODO.md's when the task is only there.
                    let (file, line) = drift.task.owner.map { (ownerName, $0.line + 1) } ?? (todoName, drift.task.todo!.line + 1)
                    report(drift.describe(ownerDocName: ownerName, todoName: todoName), file: file, line: line)
                }
            }
        }
        if drifted { throw ExitCode(CLIError.Code.drift.rawValue) }
    }

    /// GitHub workflow command escaping for the message.
    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// GitHub workflow command escaping for properties.
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
