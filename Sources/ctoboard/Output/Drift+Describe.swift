import CTOBoardCore

/// `check`'s line for a difference.
extension Drift {
    /// One line for the terminal, naming the task and both line numbers (1-based).
    func describe(ownerDocName: String, todoName: String) -> String {
        let o = task.owner.map { "\(ownerDocName):\($0.line + 1)" }
        let t = task.todo.map { "\(todoName):\($0.line + 1)" }
        let title = "\"\(task.title)\" [\(task.id)]"
        switch kind {
        case .onlyInOwnerDoc:
            return "\(o!): \(title) is only in the owner document"
        case .onlyInTodo:
            return "\(t!): \(title) is only in TODO.md"
        case .checkbox:
            let oc = task.owner!.checked ? "[x]" : "[ ]"
            let tc = task.todo!.checked ? "[x]" : "[ ]"
            return "\(o!): \(title) checkbox differs: \(oc) in the owner document, \(tc) in TODO.md (\(t!))"
        case .section:
            let op = task.owner!.pane.map(Self.name) ?? "?"
            let tp = task.todo!.pane.map(Self.name) ?? "?"
            let what = (task.owner!.pane?.priorityName != nil && task.todo!.pane?.priorityName != nil) ? "priority" : "section"
            return "\(o!): \(title) \(what) differs: \(op) in the owner document, \(tp) in TODO.md (\(t!))"
        }
    }

    private static func name(_ pane: Pane) -> String {
        switch pane {
        case .completed: return "Completed"
        case .inProgress: return "In Progress"
        case .high: return "Pending/High"
        case .medium: return "Pending/Medium"
        case .low: return "Pending/Low"
        }
    }
}
