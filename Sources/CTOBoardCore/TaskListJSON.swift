/// The stable `list --json` form of a pair (documented in the README).
public enum TaskListJSON {
    /// `{"owner", "ownerDoc", "todo", "tasks": [...]}` with lines 1-based.
    public static func encode(_ pair: TaskPair) -> [UInt8] {
        var w = JSONWriter(capacity: 200 * pair.tasks.count + 256)
        w.raw("{")
        w.key("owner"); w.string(pair.paths.owner); w.raw(",")
        w.key("ownerDoc"); w.string(pair.paths.ownerDoc); w.raw(",")
        w.key("todo"); w.string(pair.paths.todo); w.raw(",")
        w.key("tasks"); w.raw("[")
        for i in pair.tasks.indices {
            if i > 0 { w.raw(",") }
            write(pair.tasks[i], to: &w)
        }
        w.raw("\n]}\n")
        return w.bytes
    }

    /// One task's object. The entry shown is looked at once; MatchedTask's conveniences would
    /// each look again.
    private static func write(_ task: borrowing MatchedTask, to w: inout JSONWriter) {
        let owner = task.owner, todo = task.todo
        let shown = owner ?? todo!
        let pane = owner?.pane ?? todo?.pane
        let state: TaskState
        if let owner, owner.pane != nil { state = owner.state } else if let todo, todo.pane != nil { state = todo.state } else { state = shown.state }
        // Each literal carries the punctuation around it: half as many appends.
        w.raw("\n{\"id\":"); w.string(task.id)
        w.raw(",\"title\":"); w.string(utf8: shown.text.titleBytes)
        w.raw(",\"section\":"); w.optionalString(pane?.sectionName)
        w.raw(",\"priority\":"); w.optionalString(pane?.priorityName)
        w.raw(",\"state\":"); w.string(state.rawValue)
        w.raw(",\"group\":"); w.optionalString(owner?.group ?? todo?.group)
        w.raw(",\"critical\":"); w.bool((owner?.critical ?? false) || (todo?.critical ?? false))
        w.raw(",\"inOwnerDoc\":"); w.bool(owner != nil)
        w.raw(",\"inTodo\":"); w.bool(todo != nil)
        w.raw(",\"ownerLine\":"); w.optionalInt(owner.map { $0.line + 1 })
        w.raw(",\"todoLine\":"); w.optionalInt(todo.map { $0.line + 1 })
        w.raw("}")
    }
}
