import CTOBoardCore

/// What the board is doing: which keys mean what and which overlay is shown.
public enum BoardMode: Hashable, Sendable {
    /// What an inline editor is for.
    public enum EditorPurpose: Hashable, Sendable {
        /// Adding a new task to a pane.
        case add(Pane)
        /// Editing the title of a task.
        case edit(id: String)
    }

    /// Browsing: keys go through the ``KeyMap``.
    case normal
    /// Typing a filter after `/`: the board filters as you type; Enter keeps it, Esc clears it.
    case filter
    /// An inline one-line editor in the footer: Enter saves, Esc cancels.
    case editor(LineEditor, EditorPurpose)
    /// Waiting for y/n before deleting a task.
    case confirmDelete(id: String)
    /// The help overlay listing every binding: j, k, PgUp, PgDn, Home and End scroll it, any
    /// other key (Esc, q, ?) closes it.
    case help
    /// The conflict chooser for a task: keep the owner document's or TODO.md's version.
    case conflict(id: String)
    /// The weekly review, one task at a time, then a summary.
    case review(ReviewSession)
}
