import CTOBoardCore

/// A side effect requested by ``BoardUpdate``, for the executable to run against the core.
/// After running effects the executable calls ``BoardState/reload(tasks:)`` (and sets a message).
public enum Effect: Hashable, Sendable {
    /// Toggle the task's checkbox (Space).
    case toggle(id: String)
    /// Confirm a task awaiting verification (v).
    case verify(id: String)
    /// Mark the task completed, i.e. move it to Completed · Verify (c).
    case complete(id: String)
    /// Start the task: move it to In Progress (s).
    case start(id: String)
    /// Move the task to another pane (H/L, +/-, review move/reprioritize). The board already
    /// made `to` the active pane and will select the task there after the reload.
    case move(id: String, to: Pane)
    /// Move within the pane: +1 is one place down, -1 one place up (J/K).
    case reorder(id: String, by: Int)
    /// Add a task with this title to a pane (a, then Enter).
    case add(title: String, pane: Pane)
    /// Change a task's title (e, then Enter). Never sent when the title is unchanged or empty.
    case edit(id: String, title: String)
    /// Delete the task (d, confirmed with y).
    case delete(id: String)
    /// Add or remove the task's CRITICAL marker (!).
    case critical(id: String)
    /// Undo the last change (u).
    case undo
    /// Redo (Ctrl-R).
    case redo
    /// Sync the two documents now (r).
    case syncNow
    /// Resolve a conflict keeping the owner document's version (`keepOwner`) or TODO.md's.
    case resolveConflict(id: String, keepOwner: Bool)
    /// Switch to the next owner (o; only offered when ``HeaderInfo/ownerCount`` > 1).
    case switchOwner
    /// Show every owner's tasks of TODO.md, read-only (again: back to the owner's board).
    case allOwners
    /// Open the task's document in the user's editor at the task's line (E: the owner document,
    /// T: TODO.md), then carry what was edited into the other document.
    case openInEditor(id: String, document: SyncEngine.Side)
    /// Leave the board (q, Ctrl-C).
    case quit
}
