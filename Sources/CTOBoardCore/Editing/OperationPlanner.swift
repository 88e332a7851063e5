/// Plans an operation: the new bytes of both documents, with minimal edits.
public struct OperationPlanner: Sendable {
    /// Today, for `(verified DATE)` and `**Last Updated**:`.
    public var today: CalendarDate
    /// Whether `**Last Updated**:` lines are set (config `update_last_updated`).
    public var updateLastUpdated: Bool

    public init(today: CalendarDate, updateLastUpdated: Bool = true) {
        self.today = today
        self.updateLastUpdated = updateLastUpdated
    }

    /// The change `operation` makes to `pair`.
    public func plan(_ operation: TaskOperation, on pair: TaskPair) throws(OperationError) -> PlannedChange {
        var owner = DocumentEditor(pair.ownerDoc)
        var todo = DocumentEditor(pair.todo)
        var change: PlannedChange
        if case .add(let title, let pane) = operation {
            let t = try Self.validTitle(title, in: pair)
            add(title: Array(t.utf8), pane: pane, owner: &owner, todo: &todo, ownerName: pair.paths.owner)
            change = PlannedChange(ownerBytes: [], todoBytes: [], kind: .added, title: t, to: pane)
        } else {
            let task: MatchedTask
            do { task = try pair.resolve(operation.taskQuery ?? "") } catch { throw .query(error) }
            change = try apply(operation, to: task, in: pair, owner: &owner, todo: &todo)
        }
        if updateLastUpdated && (!owner.document.bytes.sameBytes(as: pair.ownerDoc.document.bytes)
                                 || !todo.document.bytes.sameBytes(as: pair.todo.document.bytes)) {
            owner.setLastUpdated(today)
            todo.setLastUpdated(today)
        }
        change.ownerBytes = owner.document.bytes
        change.todoBytes = todo.document.bytes
        change.ownerDocument = owner.document
        change.todoDocument = todo.document
        change.taskID = change.taskID ?? TitleKey.shortID(TitleKey.make(Array(change.title.utf8)))
        return change
    }

    /// The title trimmed; it must not be empty, must be one line, must not hold an owner,
    /// status or priority tag (outside backticks), and must not be the title of a task already
    /// there (other than the one `renaming`): the two would share an id.
    private static func validTitle(_ title: String, in pair: TaskPair, renaming: MatchedTask? = nil) throws(OperationError) -> String {
        let t = title.trimmingSpaces()
        guard !t.isEmpty else { throw .emptyTitle }
        guard !t.contains("\n"), !t.contains("\r") else { throw .multiline }
        let text = TaskText(Array(t.utf8))
        if let tag = text.allTags.first { throw .taggedTitle(tag: String(decoding: text.bytes[tag.range], as: UTF8.self)) }
        if let other = pair.tasks.first(where: { $0.key == text.key && $0.id != renaming?.id }) {
            throw .duplicateTitle(title: other.title, id: other.id)
        }
        return t
    }

    private func apply(_ operation: TaskOperation, to task: MatchedTask, in pair: TaskPair,
                       owner: inout DocumentEditor, todo: inout DocumentEditor) throws(OperationError) -> PlannedChange {
        let from = task.pane
        let title = task.title
        func change(_ kind: ChangeKind, to: Pane? = nil) -> PlannedChange {
            PlannedChange(ownerBytes: [], todoBytes: [], kind: kind, title: title, taskID: task.id, from: from, to: to)
        }
        switch operation {
        case .toggle:
            let checked = !(task.owner?.checked ?? task.todo!.checked)
            // Un-verifying a verified task (unchecking it in Completed) puts back the
            // awaiting-verification form and drops `(verified DATE)`: no stale marker stays.
            let unverify = !checked && from == .completed
            if let e = task.owner {
                if unverify { owner.setText(line: e.line, TaskTextRewriter.rewrite(e.text, for: .awaitingVerification)) }
                owner.setChecked(line: e.line, checked)
            }
            if let e = task.todo {
                if unverify { todo.setText(line: e.line, TaskTextRewriter.rewrite(e.text, for: .awaitingVerification)) }
                todo.setChecked(line: e.line, checked)
            }
            return change(checked && from == .completed ? .verified : .toggled, to: from)
        case .verify:
            place(task, pane: .completed, checked: true, target: .verified(date: today.iso), owner: &owner, todo: &todo)
            return change(.verified, to: .completed)
        case .complete:
            place(task, pane: .completed, checked: false, target: .awaitingVerification, owner: &owner, todo: &todo)
            return change(.completed, to: .completed)
        case .start:
            place(task, pane: .inProgress, checked: false, target: .active, owner: &owner, todo: &todo)
            return change(.started, to: .inProgress)
        case .move(_, let pane):
            if pane == .completed {
                if from == .completed { throw .nothingToDo("\"\(title)\" is already in Completed") }
                place(task, pane: .completed, checked: false, target: .awaitingVerification, owner: &owner, todo: &todo)
                return change(.completed, to: .completed)
            }
            let checked = from == .completed ? false : (task.owner?.checked ?? task.todo!.checked)
            place(task, pane: pane, checked: checked, target: .active, owner: &owner, todo: &todo)
            let kind: ChangeKind
            if pane == .inProgress { kind = .started }
            else if from?.priorityName != nil { kind = .reprioritized }
            else { kind = .moved }
            return change(kind, to: pane)
        case .reorder(_, let by):
            var c = change(.reordered, to: from)
            c.note = try reorder(task, by: by, in: pair, owner: &owner, todo: &todo)
            return c
        case .edit(_, let newTitle):
            let t = try Self.validTitle(newTitle, in: pair, renaming: task)
            if let e = task.owner { owner.setText(line: e.line, TaskTextRewriter.retitle(e.text, title: Array(t.utf8))) }
            if let e = task.todo { todo.setText(line: e.line, TaskTextRewriter.retitle(e.text, title: Array(t.utf8))) }
            var c = change(.edited, to: from)
            c.title = t
            c.taskID = TitleKey.shortID(TitleKey.make(Array(t.utf8)))
            return c
        case .delete:
            if let e = task.owner { owner.deleteTask(line: e.line) }
            if let e = task.todo { todo.deleteTask(line: e.line) }
            return change(.deleted)
        case .critical:
            // The history has no kind of its own for this: it is an edit of the task's text.
            let critical = !task.critical
            if let e = task.owner { owner.setText(line: e.line, CriticalMarker.set(e.text, critical: critical)) }
            if let e = task.todo { todo.setText(line: e.line, CriticalMarker.set(e.text, critical: critical)) }
            return change(.edited, to: from)
        case .add:
            preconditionFailure("add is planned without a task")
        }
    }

    /// Puts the task in `pane` with `checked` and markers for `target` in both documents.
    private func place(_ task: MatchedTask, pane: Pane, checked: Bool, target: TaskTextRewriter.Target,
                       owner: inout DocumentEditor, todo: inout DocumentEditor) {
        if let e = task.owner {
            let text = TaskTextRewriter.rewrite(e.text, for: target)
            owner.moveTask(line: e.line, to: pane, text: text, checked: checked)
        }
        if let e = task.todo {
            var text = TaskTextRewriter.rewrite(e.text, for: target)
            let parsed = todo.parsed()
            let tagged = e.text.status != nil || e.text.priority != nil
            if tagged || e.headingPane == nil {
                text = TaskTextRewriter.retag(TaskText(text), pane: pane)
            }
            if parsed.isSectioned && e.headingPane != nil {
                todo.moveTask(line: e.line, to: pane, text: text, checked: checked)
            } else {
                todo.setText(line: e.line, text)
                todo.setChecked(line: e.line, checked)
            }
        }
    }

    private func add(title: [UInt8], pane: Pane, owner: inout DocumentEditor, todo: inout DocumentEditor, ownerName: String) {
        let target: TaskTextRewriter.Target = pane == .completed ? .awaitingVerification : .active
        let text = TaskTextRewriter.rewrite(TaskText(title), for: target)
        owner.insertTask(text: text, checked: false, pane: pane)
        var todoText = text + Array(" [Owner: \(ownerName)]".utf8)
        if !todo.parsed().isSectioned {
            todoText = TaskTextRewriter.retag(TaskText(todoText), pane: pane)
            // Area layout: after this owner's last task, else at the end.
            let parsed = todo.parsed()
            if let last = parsed.entries.last(where: { TaskMatcher.belongs($0, to: ownerName) }) ?? parsed.entries.last {
                todo.insertAfter(line: last.end - 1, text: todoText)
                return
            }
        }
        todo.insertTask(text: todoText, checked: false, pane: pane)
    }

    /// Returns what happened when the task crossed a group heading (`moved into the group …`).
    private func reorder(_ task: MatchedTask, by: Int, in pair: TaskPair,
                         owner: inout DocumentEditor, todo: inout DocumentEditor) throws(OperationError) -> String? {
        guard by != 0, let pane = task.pane else { throw .nothingToDo("nothing to reorder") }
        let siblings = pair.tasks.filter { $0.pane == pane }
        guard let index = siblings.firstIndex(where: { $0.id == task.id }) else { throw .nothingToDo("nothing to reorder") }
        let target = index + by
        guard siblings.indices.contains(target) else {
            throw .nothingToDo("\"\(task.title)\" is already \(by < 0 ? "first" : "last") in \(pane.title)")
        }
        let other = siblings[target]
        var crossed: String?
        if let a = task.owner, let b = other.owner {
            Self.reorder(a, past: b, by: by, in: &owner)
            if a.group != b.group { crossed = Self.crossing(from: a.group, into: b.group) }
        }
        if let a = task.todo, let b = other.todo, a.headingPane == b.headingPane {
            Self.reorder(a, past: b, by: by, in: &todo)
            if a.group != b.group, crossed == nil { crossed = Self.crossing(from: a.group, into: b.group) }
        }
        return crossed
    }

    private static func crossing(from old: String?, into new: String?) -> String {
        if let new { return "moved into the group \"\(new)\"" }
        return "moved out of the group \"\(old ?? "")\""
    }

    /// Moves task `a` past its neighbour `b`. In the same group they swap; across a group
    /// heading only `a` moves, to the end (up) or the start (down) of `b`'s group: the neighbour
    /// is never dragged across.
    private static func reorder(_ a: TaskEntry, past b: TaskEntry, by: Int, in editor: inout DocumentEditor) {
        if a.group == b.group { return editor.swapTasks(a.line, b.line) }
        editor.moveItem(line: a.line, before: by < 0 ? b.end : b.line)
    }
}
