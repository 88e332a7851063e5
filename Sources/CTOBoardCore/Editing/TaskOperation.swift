/// One change a person asks for. Each applies to both documents as one transaction.
public enum TaskOperation: Sendable, Equatable {
    /// Flip the checkbox (one byte in each document).
    case toggle(String)
    /// Completed and checked, `(verified DATE)`.
    case verify(String)
    /// Completed, unchecked, `**VERIFY**: TITLE (needs verification)`.
    case complete(String)
    /// In Progress.
    case start(String)
    /// To any pane or priority.
    case move(String, to: Pane)
    /// Up (negative) or down (positive) within its pane.
    case reorder(String, by: Int)
    /// A new task in a pane.
    case add(title: String, to: Pane)
    /// A new title.
    case edit(String, title: String)
    /// Removed from both documents.
    case delete(String)
    /// Add the CRITICAL marker, or remove it when there is one (either document's counts).
    case critical(String)

    /// The TASK argument, if the operation has one.
    public var taskQuery: String? {
        switch self {
        case .toggle(let q), .verify(let q), .complete(let q), .start(let q), .move(let q, _),
             .reorder(let q, _), .edit(let q, _), .delete(let q), .critical(let q):
            return q
        case .add:
            return nil
        }
    }
}
