/// One task's change carried by a sync, as the history stores it for the weekly report: what
/// kind of change an operation of the same effect would be, the task's title and its sections.
public struct TaskChange: Sendable, Equatable, Codable {
    public var kind: ChangeKind
    public var title: String
    public var from: Pane?
    public var to: Pane?

    public init(kind: ChangeKind, title: String, from: Pane? = nil, to: Pane? = nil) {
        self.kind = kind
        self.title = title
        self.from = from
        self.to = to
    }
}
