/// An operation that cannot be planned.
public enum OperationError: Error, Equatable, Sendable, CustomStringConvertible {
    case query(TaskQueryError)
    case emptyTitle
    case nothingToDo(String)
    case multiline

    public var description: String {
        switch self {
        case .query(let e): return e.description
        case .emptyTitle: return "the title is empty; give the task a title"
        case .nothingToDo(let why): return why
        case .multiline: return "a title must be one line"
        }
    }
}
