/// One checkbox task found in a document.
public struct TaskEntry: Sendable, Equatable {
    /// The line, 0-based.
    public var line: Int
    /// The checkbox syntax of the line.
    public var item: ChecklistItem
    /// The text after the checkbox, taken apart.
    public var text: TaskText
    /// The section given by the headings and labels above the task, if any.
    public var headingPane: Pane?
    /// The section given by inline `[Status: ...]` / `[Priority: ...]` tags, if any.
    public var tagPane: Pane?
    /// The group: the sub-heading inside a section, such as "Infrastructure & Hosting".
    public var group: String?

    /// The normalized title: the task's identity across documents. Empty for other owners'
    /// tasks in TODO.md, which are not taken apart.
    public var key: String { text.key }
    /// ``TitleKey/hash(_:)`` of ``key``, made when the text was parsed.
    var keyHash: UInt64 { text.keyHash }
    /// The task's section: its tags win over its headings; nil when neither says (unknown).
    public var pane: Pane? { tagPane ?? headingPane }
    /// Whether the box is checked.
    public var checked: Bool { item.checked }
    /// The owner named by the last `[Owner: NAME]` tag outside backticks.
    public var owner: String? { text.owner?.value }
    /// The title for display.
    public var title: String { text.title }
    /// Whether the task is flagged critical.
    public var critical: Bool { text.critical }

    /// open, done, or verify: unchecked in Completed awaits verification.
    public var state: TaskState {
        if item.checked { return .done }
        if pane == .completed || (pane == nil && (text.verifyMarker != nil || text.needsVerification != nil)) {
            return .verify
        }
        return .open
    }
}
