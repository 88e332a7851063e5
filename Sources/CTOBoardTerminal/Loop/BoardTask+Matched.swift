import CTOBoardUI
import CTOBoardCore

extension BoardTask {
    /// The board's view of a matched task: where it is in each document, its verified date and,
    /// in a conflict, both versions. `otherVersion`: for a task renamed on one side, the task its
    /// other version makes by title (the board shows the two as one). Nil when its section is
    /// unknown (not shown on the board).
    init?(_ t: MatchedTask, conflict: SyncConflict?, otherVersion: MatchedTask? = nil) {
        guard let pane = t.pane else { return nil }
        let owner = t.owner ?? otherVersion?.owner, todo = t.todo ?? otherVersion?.todo
        self.init(id: t.id, title: t.title, pane: pane, state: t.state, critical: t.critical, group: t.group,
                  conflict: conflict?.summary, inOwnerDoc: owner != nil, inTodo: todo != nil,
                  ownerLine: owner.map { $0.line + 1 }, todoLine: todo.map { $0.line + 1 },
                  verifiedDate: BoardTask.verifiedDate(t.primary),
                  ownerVersion: conflict?.ownerVersion, todoVersion: conflict?.todoVersion,
                  conflictDifferences: conflict == nil ? [] : BoardTask.differences(t, conflict))
        subItems = t.primary.childLines.map { String(decoding: $0, as: UTF8.self) }
        progress = t.primary.progress
    }

    /// What differs between the two sides of a task: "checkbox", "title", "pane", or which side
    /// deleted it.
    static func differences(_ t: MatchedTask, _ conflict: SyncConflict? = nil) -> [String] {
        // A task renamed on one side is two rows on the board, each found in one document only;
        // the conflict holds both versions: compare those.
        if t.owner == nil || t.todo == nil, let o = conflict?.ownerVersion, let d = conflict?.todoVersion {
            var result: [String] = []
            if ChecklistItem(line: Array(o.utf8))?.checked != ChecklistItem(line: Array(d.utf8))?.checked { result.append("checkbox") }
            if titleKey(o) != titleKey(d) { result.append("title") }
            return result
        }
        guard let owner = t.owner else { return ["deleted in the owner document"] }
        guard let todo = t.todo else { return ["deleted in TODO.md"] }
        var result: [String] = []
        if owner.checked != todo.checked { result.append("checkbox") }
        if owner.title != todo.title { result.append("title") }
        if owner.pane != todo.pane { result.append("pane") }
        return result
    }

    /// The normalized title of a task line (what identifies it across the documents).
    private static func titleKey(_ line: String) -> String {
        let bytes = Array(line.utf8)
        let afterBox = bytes.firstIndex(of: UInt8(ascii: "]")).map { bytes.index(after: $0) } ?? 0
        return TaskText(bytes[afterBox...]).key
    }

    /// "2026-01-12" from a `(verified 2026-01-12)` marker.
    static func verifiedDate(_ entry: TaskEntry) -> String? {
        guard let range = entry.text.verified else { return nil }
        let marker = String(decoding: entry.text.bytes[range], as: UTF8.self)
        let date = marker.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "-" }
        return date.isEmpty ? nil : String(date)
    }
}
