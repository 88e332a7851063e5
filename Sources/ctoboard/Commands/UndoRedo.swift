import ArgumentParser
import CTOBoardCore

/// `ctoboard undo`.
struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the last change in both documents (works across restarts).")
    @OptionGroup var pairOptions: PairOptions
    func run() throws {
        try reporting {
            let session = try pairOptions.session()
            do throws(SessionError) {
                let e = try session.undo()
                print("undid \(e.kind.rawValue) \"\(e.title)\"")
            } catch { throw error.cli }
        }
    }
}

/// `ctoboard redo`.
struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redo", abstract: "Redo the last undone change.")
    @OptionGroup var pairOptions: PairOptions
    func run() throws {
        try reporting {
            let session = try pairOptions.session()
            do throws(SessionError) {
                let e = try session.redo()
                print("redid \(e.kind.rawValue) \"\(e.title)\"")
            } catch { throw error.cli }
        }
    }
}
