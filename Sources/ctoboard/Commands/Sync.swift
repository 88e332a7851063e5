import ArgumentParser
import CTOBoardCore

extension SyncEngine.Side: ExpressibleByArgument {}

/// `ctoboard sync`.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Carry external edits from each document to the other.",
        discussion: "Exit 0 when in sync, 1 when conflicts are left (each named with both versions) or when a document lost too many tasks to carry (see --allow-deletions).")

    @Option(help: "Resolve conflicts with this document's version: owner or todo.") var prefer: SyncEngine.Side?
    @Flag(help: "Print what would change as a unified diff per document; write nothing.") var dryRun = false
    @Flag(help: "Carry deletions even when a document lost all, or more than 3 and more than 20%, of the owner's tasks.")
    var allowDeletions = false
    @OptionGroup var pairOptions: PairOptions

    func run() throws {
        var conflicts = false
        try reporting {
            let config = try pairOptions.config()
            for paths in try pairOptions.pairs(config: config) {
                let session = Session.cli(paths: paths, config: config, today: CalendarDate.today(environment: Environment.variables))
                let result: Session.SyncResult
                do throws(SessionError) { result = try session.sync(prefer: prefer, dryRun: dryRun, allowDeletions: allowDeletions) } catch { throw error.cli }
                let plan = result.plan
                if let notice = result.baseSource.notice { print(notice) }
                if dryRun {
                    let o = UnifiedDiff.patch(from: result.pair.ownerDoc.document, to: Document(bytes: plan.ownerBytes),
                                              oldName: "a/" + DisplayPath.relative(paths.ownerDoc), newName: "b/" + DisplayPath.relative(paths.ownerDoc))
                    let t = UnifiedDiff.patch(from: result.pair.todo.document, to: Document(bytes: plan.todoBytes),
                                              oldName: "a/" + DisplayPath.relative(paths.todo), newName: "b/" + DisplayPath.relative(paths.todo))
                    fflush(nil)  // the notice printed above goes first
                    writeStdout(o + t)
                } else {
                    for line in plan.carried { print(line) }
                }
                for c in plan.conflicts {
                    conflicts = true
                    print("conflict: \(c.summary); \(SyncConflict.wayOut)")
                }
            }
        }
        if conflicts { throw ExitCode(CLIError.Code.drift.rawValue) }
    }
}
