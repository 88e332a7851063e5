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
    /// One past the item's last line: a task is its whole list item (see ``lines``).
    public var end: Int
    /// The bytes of the item's lines after its first (its children), terminators included: a
    /// slice of the document's bytes, empty when the task has none. Sync carries them with a
    /// new task.
    public var childBytes: ArraySlice<UInt8> = []
    /// The nested checkboxes of the item: how many there are, and how many are checked.
    public var childBoxes = 0, checkedChildBoxes = 0

    /// The task's whole list item: its line, then every following line indented deeper than its
    /// list marker (sub-bullets, nested checkboxes, notes), lazy continuation lines, and blank
    /// lines the item goes on after. Moving or removing a task takes all of them.
    public var lines: Range<Int> { line..<end }
    /// The child lines' contents, without terminators.
    public var childLines: [[UInt8]] {
        let d = Document(bytes: Array(childBytes))
        return d.lines.indices.map { Array(d.content($0)) }
    }
    /// The nested checklist's progress, such as `2/3`; nil without nested checkboxes.
    public var progress: String? { childBoxes == 0 ? nil : "\(checkedChildBoxes)/\(childBoxes)" }

    /// The normalized title: the task's identity across documents. Empty for other owners'
    /// tasks in TODO.md, which are not taken apart.
    public var key: String { text.key }
    /// The place of an owner-tagged task that neither headings nor tags place (a TODO.md laid out
    /// by area, or under an unrecognised heading such as `## Icebox`, whose line carries only
    /// `[Owner: CTO]`): open → Pending · Medium, checked → Completed. Every task of the owner
    /// has a place: sync puts a new such task there in the owner document. It is only a default,
    /// kept apart from ``pane`` (which stays nil, unknown): it never differs from the owner
    /// document's section, so moving the task there is no conflict or drift, and a
    /// `[Status: …]` or `[Priority: …]` tag added later, or by ctoboard when the task moves,
    /// takes over.
    public var defaultPane: Pane?
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
