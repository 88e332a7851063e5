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
        for (i, task) in pair.tasks.enumerated() {
            if i > 0 { w.raw(",") }
            // One look at the entry shown; MatchedTask's conveniences would each look again.
            let shown = task.owner ?? task.todo!
            let pane = task.pane
            w.raw("\n{")
            w.key("id"); w.string(task.id); w.raw(",")
            w.key("title"); w.string(shown.title); w.raw(",")
            w.key("section"); w.optionalString(pane?.sectionName); w.raw(",")
            w.key("priority"); w.optionalString(pane?.priorityName); w.raw(",")
            w.key("state"); w.string(task.state.rawValue); w.raw(",")
            w.key("group"); w.optionalString(task.group); w.raw(",")
            w.key("critical"); w.bool(task.critical); w.raw(",")
            w.key("inOwnerDoc"); w.bool(task.owner != nil); w.raw(",")
            w.key("inTodo"); w.bool(task.todo != nil); w.raw(",")
            w.key("ownerLine"); w.optionalInt(task.owner.map { $0.line + 1 }); w.raw(",")
            w.key("todoLine"); w.optionalInt(task.todo.map { $0.line + 1 })
            w.raw("}")
        }
        w.raw("\n]}\n")
        return w.bytes
    }
}
