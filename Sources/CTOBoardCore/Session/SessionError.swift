/// Why a session command failed, in one line. (The command line gives each its exit code.)
public enum SessionError: Error, Equatable, Sendable, CustomStringConvertible {
    case locate(LocateError)
    case document(DocumentError)
    case operation(OperationError)
    case write(WriteError)
    case locked(path: String, seconds: Double)
    case changedUnderneath(path: String)
    case undo(String)
    /// The state folder or its lock file is a symlink (`path`, pointing at `target`).
    case symlinkedState(path: String, target: String)
    /// A sync would delete too many of the owner's tasks (see ``MassDeletion``): `path` is the
    /// document that lost them.
    case massDeletion(path: String, lost: Int, total: Int)

    public var description: String {
        switch self {
        case .locate(let e): return e.description
        case .document(let e): return e.description
        case .operation(let e): return e.description
        case .write(let e): return e.description
        case .locked(let path, let seconds):
            return "another ctoboard is changing these documents (lock \(path) held for \(Int(seconds)) s); try again when it is done"
        case .changedUnderneath(let path):
            return "\(path): changed on disk while ctoboard was writing; nothing was changed, run the command again"
        case .undo(let why): return why
        case .symlinkedState(let path, let target):
            return "\(path): is a symlink (to \(target)); ctoboard keeps its lock and journal only in a real folder it made: remove the link and run the command again"
        case .massDeletion(let path, let lost, let total):
            let shown = DisplayPath.relative(path)
            return "\(shown): lost \(lost) of its \(total) tasks since the last sync, too many to carry; nothing was written. Restore it (e.g. `git checkout -- '\(shown)'`), or if you deleted them on purpose run `ctoboard sync --allow-deletions`"
        }
    }
}
