/// One of the owner's tasks, as found in the owner document, TODO.md, or both.
public struct MatchedTask: Sendable, Equatable {
    /// The short stable id: six hex digits of the title key's hash, with `-N` for the Nth
    /// task of the same title.
    public var id: String
    /// The task in the owner document.
    public var owner: TaskEntry?
    /// The task in TODO.md.
    public var todo: TaskEntry?

    /// The normalized title (the same on both sides).
    public var key: String { (owner ?? todo)!.key }
    /// The entry shown for the task: the owner document's, else TODO.md's.
    public var primary: TaskEntry { (owner ?? todo)! }
    /// The title for display.
    public var title: String { primary.title }
    /// The section: the owner document's, else TODO.md's; nil when unknown.
    public var pane: Pane? { owner?.pane ?? todo?.pane }
    /// The state, from the entry shown.
    public var state: TaskState {
        if let owner, owner.pane != nil { return owner.state }
        if let todo, todo.pane != nil { return todo.state }
        return primary.state
    }
    /// Whether either side flags it critical.
    public var critical: Bool { (owner?.critical ?? false) || (todo?.critical ?? false) }
    /// The group within its section.
    public var group: String? { owner?.group ?? todo?.group }
}
