import CTOBoardCore

/// The stable `list --json` form of a pair (documented in the README).
enum TaskListJSON {
    /// `{"owner", "ownerDoc", "todo", "tasks": [...]}` with lines 1-based.
    static func encode(_ pair: TaskPair) -> [UInt8] {
        var w = JSONWriter(capacity: 320 * pair.tasks.count + 256)
        write(pair, to: &w)
        return w.bytes
    }

    /// ``encode(_:)`` handed to `sink` in pieces of about `chunkSize` bytes, in order, as they
    /// are made: `list --json` at 100,000 tasks writes 5 MB, which then never exists in memory
    /// as a whole (nor as a copy of it).
    static func encode(_ pair: TaskPair, chunkSize: Int = 128 << 10, to sink: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var w = JSONWriter(chunkSize: chunkSize, sink: sink)
            write(pair, to: &w)
            w.flush()
        }
    }

    private static func write(_ pair: TaskPair, to w: inout JSONWriter) {
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
    }

    /// One task's object. Fields are read straight from the entries, without copying them, and
    /// the fixed values (sections, priorities, states) are written as literals.
    private static func write(_ task: borrowing MatchedTask, to w: inout JSONWriter) {
        let ownerPane = task.owner?.pane
        let pane = ownerPane ?? task.todo?.pane
        let state: TaskState
        if ownerPane != nil, let s = task.owner?.state {
            state = s
        } else if task.todo?.pane != nil, let s = task.todo?.state {
            state = s
        } else {
            state = task.owner?.state ?? task.todo!.state
        }
        // Each literal carries the punctuation around it.
        w.raw("\n{\"id\":"); w.string(task.id)
        w.raw(",\"title\":"); (task.owner?.text ?? task.todo!.text).withTitleBytes { w.string(utf8: $0) }
        switch pane {
        case .completed?: w.raw(",\"section\":\"completed\",\"priority\":null")
        case .inProgress?: w.raw(",\"section\":\"in-progress\",\"priority\":null")
        case .high?: w.raw(",\"section\":\"pending\",\"priority\":\"high\"")
        case .medium?: w.raw(",\"section\":\"pending\",\"priority\":\"medium\"")
        case .low?: w.raw(",\"section\":\"pending\",\"priority\":\"low\"")
        case nil: w.raw(",\"section\":null,\"priority\":null")
        }
        switch state {
        case .open: w.raw(",\"state\":\"open\"")
        case .done: w.raw(",\"state\":\"done\"")
        case .verify: w.raw(",\"state\":\"verify\"")
        }
        w.raw(",\"group\":"); w.optionalString(task.owner?.group ?? task.todo?.group)
        w.raw(",\"progress\":"); w.optionalString(task.owner?.progress ?? task.todo?.progress)
        w.raw(",\"critical\":"); w.bool((task.owner?.critical ?? false) || (task.todo?.critical ?? false))
        w.raw(",\"inOwnerDoc\":"); w.bool(task.owner != nil)
        w.raw(",\"inTodo\":"); w.bool(task.todo != nil)
        w.raw(",\"ownerLine\":"); w.optionalInt(task.owner.map { $0.line + 1 })
        w.raw(",\"todoLine\":"); w.optionalInt(task.todo.map { $0.line + 1 })
        w.raw("}")
    }
}
