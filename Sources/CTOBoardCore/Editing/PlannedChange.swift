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
    /// What the change did beyond its kind, for the person who asked: a reorder across a group
    /// heading says `moved into the group "NAME"`. Nil when there is nothing to add.
    public var note: String?
    /// The new documents split into lines, as the planner had them: a commit diffs them
    /// without splitting the bytes again.
    var ownerDocument: Document?
    var todoDocument: Document?

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

    /// Equal when the bytes and the description are (the split documents follow from the bytes).
    public static func == (a: PlannedChange, b: PlannedChange) -> Bool {
        a.ownerBytes == b.ownerBytes && a.todoBytes == b.todoBytes && a.kind == b.kind && a.title == b.title
            && a.taskID == b.taskID && a.from == b.from && a.to == b.to && a.note == b.note
    }
}
