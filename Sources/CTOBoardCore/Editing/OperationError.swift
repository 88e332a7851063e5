/// An operation that cannot be planned.
public enum OperationError: Error, Equatable, Sendable, CustomStringConvertible {
    case query(TaskQueryError)
    case emptyTitle
    case nothingToDo(String)
    case multiline
    /// The title holds an owner, status or priority tag (`tag`), which would place or own the
    /// task against what the command says.
    case taggedTitle(tag: String)
    /// A task with this title is there already (`title`, `id`).
    case duplicateTitle(title: String, id: String)

    public var description: String {
        switch self {
        case .query(let e): return e.description
        case .emptyTitle: return "the title is empty; give the task a title"
        case .nothingToDo(let why): return why
        case .multiline: return "a title must be one line"
        case .taggedTitle(let tag):
            return "the title holds the tag `\(tag)`, which would place or own the task; leave it out (use --to for the section, --owner for the owner)"
        case .duplicateTitle(let title, let id):
            return "a task titled \"\(title)\" [\(id)] is there already; give this one a title that tells them apart"
        }
    }
}
