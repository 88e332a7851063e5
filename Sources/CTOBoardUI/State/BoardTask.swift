import CTOBoardCore

/// The board's view of one task. The executable maps core tasks into this, so the UI does
/// not depend on core internals.
public struct BoardTask: Hashable, Sendable, Identifiable {
    /// Stable identity across reloads (selection follows it).
    public var id: String
    /// The title as shown (one line).
    public var title: String
    /// The pane the task is shown in.
    public var pane: Pane
    /// Open, done or awaiting verification.
    public var state: TaskState
    /// Shows a CRITICAL badge.
    public var critical: Bool
    /// Sub-heading the task belongs to (shown as a group header in the Completed pane).
    public var group: String?
    /// A description of an unresolved conflict between the two documents, if any.
    /// Enter on such a task opens the conflict chooser.
    public var conflict: String?
    /// The task is present in the owner document.
    public var inOwnerDoc: Bool
    /// The task is present in TODO.md.
    public var inTodo: Bool
    /// 1-based line of the task in the owner document, when known (shown in the detail area).
    public var ownerLine: Int?
    /// 1-based line of the task in TODO.md, when known.
    public var todoLine: Int?
    /// The date of its `(verified YYYY-MM-DD)` marker, if any.
    public var verifiedDate: String?
    /// For a conflict: the task's line as the owner document has it (nil when deleted there).
    public var ownerVersion: String?
    /// For a conflict: the task's line as TODO.md has it (nil when deleted there).
    public var todoVersion: String?
    /// For a conflict: what differs between the versions, e.g. ["checkbox", "pane"].
    public var conflictDifferences: [String]
    /// The task's sub-items and notes (its list item's other lines), as text.
    public var subItems: [String] = []
    /// Its nested checklist's progress, such as `2/3`; nil without one.
    public var progress: String?

    /// Creates a task view model.
    public init(
        id: String, title: String, pane: Pane, state: TaskState = .open, critical: Bool = false,
        group: String? = nil, conflict: String? = nil, inOwnerDoc: Bool = true, inTodo: Bool = true,
        ownerLine: Int? = nil, todoLine: Int? = nil, verifiedDate: String? = nil,
        ownerVersion: String? = nil, todoVersion: String? = nil, conflictDifferences: [String] = []
    ) {
        self.id = id
        self.title = title
        self.pane = pane
        self.state = state
        self.critical = critical
        self.group = group
        self.conflict = conflict
        self.inOwnerDoc = inOwnerDoc
        self.inTodo = inTodo
        self.ownerLine = ownerLine
        self.todoLine = todoLine
        self.verifiedDate = verifiedDate
        self.ownerVersion = ownerVersion
        self.todoVersion = todoVersion
        self.conflictDifferences = conflictDifferences
    }
}
