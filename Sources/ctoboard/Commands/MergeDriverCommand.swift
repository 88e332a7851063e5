import ArgumentParser
import CTOBoardCore

/// `ctoboard merge-driver %O %A %B %P`: git's merge driver for task documents.
struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge a task document task by task (git merge driver; install with `hook install --merge-driver`).",
        discussion: "Writes the result to OURS. Exit 0 when clean; 1 when the same task changed differently on both sides, or was deleted or renamed on one side and changed or moved on the other (conflict markers around it).")

    @Argument(help: "The common ancestor's version (%O).") var base: String
    @Argument(help: "Our version, replaced by the result (%A).") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The document's path, for messages (%P).") var path: String?

    func run() throws {
        var conflicts = 0
        try reporting {
            func read(_ p: String) throws(CLIError) -> [UInt8] {
                do { return try FileIO.readDocument(at: p, missingHint: "git passes the three versions as %O %A %B") }
                catch { throw CLIError(error.description, code: .badInput) }
            }
            let result = TaskMerge.merge(base: Document(bytes: try read(base)), ours: Document(bytes: try read(ours)),
                                         theirs: Document(bytes: try read(theirs)))
            do throws(WriteError) { try AtomicFile.replace(ours, with: result.document.bytes) }
            catch { throw CLIError(error.description, code: .writeFailed) }
            conflicts = result.conflicts
            if conflicts > 0 {
                printError("ctoboard: \(path ?? ours): \(conflicts) task(s) changed differently on both sides, or deleted or renamed on one and changed or moved on the other; resolve the conflict markers")
            }
        }
        if conflicts > 0 { throw ExitCode(CLIError.Code.drift.rawValue) }
    }
}
