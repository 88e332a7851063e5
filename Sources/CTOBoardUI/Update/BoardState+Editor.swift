import CTOBoardCore

extension BoardState {
    /// E and T: asks to open the selected task in the user's editor, in one document; refused
    /// when the task has no line there.
    mutating func openInEditor(_ document: SyncEngine.Side) -> [Effect] {
        guard let task = selectedTask else {
            message = Message("No task selected")
            return []
        }
        let present = document == .owner ? task.inOwnerDoc : task.inTodo
        guard present else {
            let name = document == .owner ? "the owner document" : "TODO.md"
            message = Message("“\(task.title)” has no line in \(name): nothing to open there", isError: true)
            return []
        }
        return [.openInEditor(id: task.id, document: document)]
    }
}
