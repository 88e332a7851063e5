extension SyncEngine {
    /// The changes from `old` to `new` (one task on the side that changed), named as the
    /// operation with the same effect would be: verified, completed, started, reprioritized,
    /// moved, toggled, edited (renamed), added or deleted.
    static func changes(_ new: TaskEntry?, old: TaskEntry?) -> [TaskChange] {
        guard let new else { return old.map { [TaskChange(kind: .deleted, title: $0.title, from: $0.pane)] } ?? [] }
        guard let old else { return [TaskChange(kind: .added, title: new.title, to: new.pane)] }
        var out: [TaskChange] = []
        if old.key != new.key { out.append(TaskChange(kind: .edited, title: new.title)) }
        let moved = old.pane != nil && new.pane != nil && old.pane != new.pane
        if moved, let from = old.pane, let to = new.pane {
            let kind: ChangeKind
            switch to {
            case .completed: kind = new.checked ? .verified : .completed
            case .inProgress: kind = .started
            case .high, .medium, .low: kind = from.priorityName != nil ? .reprioritized : .moved
            }
            out.append(TaskChange(kind: kind, title: new.title, from: from, to: to))
        }
        if old.checked != new.checked && !(moved && new.pane == .completed && new.checked) {
            let verified = new.checked && new.pane == .completed
            out.append(TaskChange(kind: verified ? .verified : .toggled, title: new.title, from: new.pane, to: new.pane))
        }
        return out
    }
}
