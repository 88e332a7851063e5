/// The new contents of both documents for one transaction, and what it did.
public struct PlannedChange: Sendable, Equatable {
    public var ownerBytes: [UInt8]
    public var todoBytes: [UInt8]
    public var kind: ChangeKind
    /// The task's title (the new one for `edited`).
    public var title: String
    /// The task's id after the change.
    public var taskID: String?
    /// The pane before and after, where it changed.
    public var from: Pane?
    public var to: Pane?

    public init(ownerBytes: [UInt8], todoBytes: [UInt8], kind: ChangeKind, title: String,
                taskID: String? = nil, from: Pane? = nil, to: Pane? = nil) {
        self.ownerBytes = ownerBytes
        self.todoBytes = todoBytes
        self.kind = kind
        self.title = title
        self.taskID = taskID
        self.from = from
        self.to = to
    }
}
