import CTOBoardCore

/// The pure update function (the bubbletea `Update`): a key event turns a state into a new state
/// plus effects for the executable to run against the core.
public enum BoardUpdate {
    /// Applies one key event.
    /// - Returns: the new state and the effects to run, in order. After running them, call
    ///   ``BoardState/reload(tasks:)`` with the core's new tasks (and set a message if useful).
    public static func update(_ state: BoardState, _ event: KeyEvent) -> (BoardState, [Effect]) {
        var next = state
        let effects = next.handle(event)
        return (next, effects)
    }
}

extension BoardState {
    /// Applies one key event in place; see ``BoardUpdate/update(_:_:)``.
    public mutating func handle(_ event: KeyEvent) -> [Effect] {
        if event == .resize {
            for pane in Pane.allCases { ensureVisible(pane) }
            return []
        }
        if case .mouse(let mouse) = event { return handleMouse(mouse) }
        switch mode {
        case .normal: message = nil; return handleNormal(event)
        case .filter: return handleFilter(event)
        case .editor(let editor, let purpose): return handleEditor(event, editor: editor, purpose: purpose)
        case .confirmDelete(let id): return handleConfirmDelete(event, id: id)
        case .help: return handleHelp(event)
        case .conflict(let id): return handleConflict(event, id: id)
        case .review(let session): return handleReview(event, session: session)
        }
    }

    // MARK: Normal mode

    private mutating func handleNormal(_ event: KeyEvent) -> [Effect] {
        guard let action = keyMap.action(for: event) else {
            if event == .escape {
                if !filterText.isEmpty { setFilter(""); message = Message("Filter cleared") }
                return []
            }
            if case .char(let c) = event {
                message = Message("Key \(c) is not bound. Press \(keyMap.keyNames(for: .help)) for help.")
            }
            return []
        }
        return perform(action)
    }

    /// Runs an action as if its key was pressed in normal mode.
    public mutating func perform(_ action: Action) -> [Effect] {
        let pane = activePane
        let position = selectedPosition(in: pane)
        let task = selectedTask
        switch action {
        case .up: select(position: position - 1, in: pane)
        case .down: select(position: position + 1, in: pane)
        case .first: select(position: 0, in: pane)
        case .last: select(position: visibleCount(in: pane) - 1, in: pane)
        case .pageUp: select(position: position - pageSize, in: pane)
        case .pageDown: select(position: position + pageSize, in: pane)
        case .prevPane: switchPane(by: -1)
        case .nextPane: switchPane(by: 1)
        case .pane1: activate(.completed)
        case .pane2: activate(.inProgress)
        case .pane3: activate(.high)
        case .pane4: activate(.medium)
        case .pane5: activate(.low)
        case .toggle:
            guard let task else { return noTask() }
            return [.toggle(id: task.id)]
        case .verify:
            guard let task else { return noTask() }
            guard task.state == .verify else {
                message = Message("Only tasks awaiting verification (VERIFY) can be verified", isError: true)
                return []
            }
            return [.verify(id: task.id)]
        case .complete:
            guard let task else { return noTask() }
            if task.pane == .completed {
                message = Message("Already in Completed", isError: false)
                return []
            }
            return [.complete(id: task.id)]
        case .start:
            guard let task else { return noTask() }
            if task.pane == .inProgress {
                message = Message("Already in progress")
                return []
            }
            return [.start(id: task.id)]
        case .movePrev, .moveNext:
            guard let task else { return noTask() }
            let order = Pane.allCases
            let target = task.pane.ordinal + (action == .movePrev ? -1 : 1)
            guard order.indices.contains(target) else {
                message = Message(action == .movePrev ? "Already in the first pane" : "Already in the last pane")
                return []
            }
            return move(task, to: order[target])
        case .reorderDown, .reorderUp:
            guard let task else { return noTask() }
            let delta = action == .reorderDown ? 1 : -1
            let newPosition = position + delta
            guard newPosition >= 0, newPosition < visibleCount(in: pane) else {
                message = Message(delta > 0 ? "Already at the bottom" : "Already at the top")
                return []
            }
            follow(id: task.id, in: pane)
            return [.reorder(id: task.id, by: delta)]
        case .priorityUp, .priorityDown:
            guard let task else { return noTask() }
            let priorities: [Pane] = [.high, .medium, .low]
            guard let index = priorities.firstIndex(of: task.pane) else {
                message = Message("Priority applies to pending tasks (High, Medium, Low)")
                return []
            }
            let target = index + (action == .priorityUp ? -1 : 1)
            guard priorities.indices.contains(target) else {
                message = Message(action == .priorityUp ? "Already highest priority" : "Already lowest priority")
                return []
            }
            return move(task, to: priorities[target])
        case .critical:
            guard let task else { return noTask() }
            return [.critical(id: task.id)]
        case .add:
            if header.readOnly { return readOnly() }
            mode = .editor(LineEditor(), .add(pane))
        case .edit:
            if header.readOnly { return readOnly() }
            guard let task else { return noTask() }
            mode = .editor(LineEditor(text: task.title), .edit(id: task.id))
        case .delete:
            if header.readOnly { return readOnly() }
            guard let task else { return noTask() }
            mode = .confirmDelete(id: task.id)
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .filter: mode = .filter
        case .nextMatch, .prevMatch:
            guard !filterText.isEmpty else {
                message = Message("No filter: press \(keyMap.keyNames(for: .filter)) to search first")
                return []
            }
            if !stepMatch(forward: action == .nextMatch) { message = Message("No match for “\(filterText)”") }
        case .sync: return [.syncNow]
        case .review:
            let session = ReviewSession(tasks: tasks)
            if session.queue.isEmpty {
                message = Message("Nothing to review: no task awaits verification or is in progress")
            } else {
                if !filterText.isEmpty { setFilter("") }
                mode = .review(session)
                focusReviewedTask()
            }
        case .details:
            toggleDetails()
            if showDetails && viewportHeight < BoardView.detailMinHeight {
                message = Message("Details need a terminal of \(BoardView.detailMinHeight) rows or more")
            } else {
                message = Message(showDetails ? "Details shown" : "Details hidden")
            }
        case .zoom:
            toggleZoom()
            message = Message(zoomed ? "Zoom: only \(activePane.title); \(keyMap.keyNames(for: .zoom)) goes back" : "Zoom off")
        case .help:
            helpScroll = 0
            mode = .help
        case .quit: return [.quit]
        case .open:
            guard let task else { return noTask() }
            guard task.conflict != nil else {
                message = Message("No conflict on this task")
                return []
            }
            mode = .conflict(id: task.id)
        case .allOwners:
            return [.allOwners]
        case .openOwnerDoc: return openInEditor(.owner)
        case .openTodo: return openInEditor(.todo)
        case .switchOwner:
            guard header.ownerCount > 1 else {
                message = Message("Only one owner in this project")
                return []
            }
            return [.switchOwner]
        }
        return []
    }

    private mutating func readOnly() -> [Effect] {
        message = Message("Read-only view: press \(keyMap.keyNames(for: .allOwners)) to go back to your board and change tasks", isError: true)
        return []
    }

    private mutating func noTask() -> [Effect] {
        message = Message("No task selected")
        return []
    }

    private mutating func move(_ task: BoardTask, to target: Pane) -> [Effect] {
        activePane = target
        follow(id: task.id, in: target)
        return [.move(id: task.id, to: target)]
    }

    private mutating func switchPane(by delta: Int) {
        let order = Pane.allCases
        let count = order.count
        activate(order[((activePane.ordinal + delta) % count + count) % count])
    }

    private mutating func activate(_ pane: Pane) {
        activePane = pane
        ensureVisible(pane)
    }

    // MARK: Help

    private mutating func handleHelp(_ event: KeyEvent) -> [Effect] {
        let page = max(1, BoardView.helpPageHeight(self, width: viewportWidth, height: viewportHeight) - 1)
        let last = BoardView.helpMaxScroll(self, width: viewportWidth, height: viewportHeight)
        switch event {
        case .char("j"), .down: helpScroll += 1
        case .char("k"), .up: helpScroll -= 1
        case .pageDown: helpScroll += page
        case .pageUp: helpScroll -= page
        case .home, .char("g"): helpScroll = 0
        case .end, .char("G"): helpScroll = last
        case .ctrl("c"): return [.quit]
        default:
            mode = .normal
            return []
        }
        helpScroll = min(max(0, helpScroll), last)
        return []
    }

    // MARK: Filter

    private mutating func handleFilter(_ event: KeyEvent) -> [Effect] {
        switch event {
        case .char(let c): setFilter(filterText + String(c))
        case .backspace:
            if !filterText.isEmpty { setFilter(String(filterText.dropLast())) }
        case .ctrl("u"): setFilter("")
        case .enter:
            mode = .normal
            message = filterText.isEmpty ? nil : Message("Filter “\(filterText)”: Esc clears")
        case .escape:
            setFilter("")
            mode = .normal
        case .ctrl("c"): return [.quit]
        case .up: select(position: selectedPosition(in: activePane) - 1, in: activePane)
        case .down: select(position: selectedPosition(in: activePane) + 1, in: activePane)
        case .tab, .right: switchPane(by: 1)
        case .backTab, .left: switchPane(by: -1)
        default: break
        }
        return []
    }

    // MARK: Inline editor

    private mutating func handleEditor(_ event: KeyEvent, editor: LineEditor, purpose: BoardMode.EditorPurpose) -> [Effect] {
        var editor = editor
        switch event {
        case .char(let c): editor.insert(String(c))
        case .left, .ctrl("b"): editor.moveLeft()
        case .right, .ctrl("f"): editor.moveRight()
        case .home, .ctrl("a"): editor.moveHome()
        case .end, .ctrl("e"): editor.moveEnd()
        case .backspace, .ctrl("h"): editor.backspace()
        case .delete, .ctrl("d"): editor.deleteForward()
        case .ctrl("u"): editor.deleteToStart()
        case .escape:
            mode = .normal
            message = Message("Cancelled")
            return []
        case .ctrl("c"):
            mode = .normal
            return [.quit]
        case .enter:
            let title = editor.text.trimmingLeadingAndTrailingSpaces()
            mode = .normal
            guard !title.isEmpty else {
                message = Message("Empty title: nothing saved", isError: true)
                return []
            }
            switch purpose {
            case .add(let pane): return [.add(title: title, pane: pane)]
            case .edit(let id):
                if task(id: id)?.title == title { message = Message("Title unchanged"); return [] }
                return [.edit(id: id, title: title)]
            }
        default: break
        }
        mode = .editor(editor, purpose)
        return []
    }

    // MARK: Confirm, conflict

    private mutating func handleConfirmDelete(_ event: KeyEvent, id: String) -> [Effect] {
        mode = .normal
        switch event {
        case .char("y"), .char("Y"): return [.delete(id: id)]
        case .ctrl("c"): return [.quit]
        default:
            message = Message("Delete cancelled")
            return []
        }
    }

    private mutating func handleConflict(_ event: KeyEvent, id: String) -> [Effect] {
        switch event {
        case .char("o"), .char("O"), .char("1"):
            mode = .normal
            return [.resolveConflict(id: id, keepOwner: true)]
        case .char("t"), .char("T"), .char("2"):
            mode = .normal
            return [.resolveConflict(id: id, keepOwner: false)]
        case .escape, .char("q"):
            mode = .normal
            message = Message("Conflict left unresolved")
        case .ctrl("c"): return [.quit]
        default: break
        }
        return []
    }

    // MARK: Weekly review

    private mutating func handleReview(_ event: KeyEvent, session: ReviewSession) -> [Effect] {
        var session = session
        message = nil
        if event == .ctrl("c") { lastReview = session; return [.quit] }
        if session.finished {
            switch event {
            case .char("u"), .char("b"), .up: break  // back into the review from the summary
            default:
                mode = .normal
                lastReview = session
                message = Message(session.summary)
                return []
            }
        }
        guard session.finished || session.currentID.flatMap({ self.task(id: $0) }) != nil else {
            session.advance()
            mode = .review(session)
            return []
        }
        let task = session.currentID.flatMap { self.task(id: $0) }
        let id = task?.id ?? ""
        let title = "“\(task.map { BoardView.sanitize($0.title) } ?? "")”"
        var effects: [Effect] = []
        func moveTo(_ target: Pane, as outcome: ReviewSession.Outcome) {
            guard let task else { return }
            if target != task.pane {
                effects = [.move(id: id, to: target)]
                session.decide(outcome, changedDocuments: true)
                message = Message("\(outcome == .moved ? "Moved" : "Reprioritized") \(title) to \(target.title)")
            } else {
                session.decide(.kept, changedDocuments: false)
                message = Message("Kept \(title) in \(target.title)")
            }
        }
        switch (session.prompt, event) {
        case (_, .char("u")):
            if let step = session.undoLast() {
                if step.changedDocuments { effects = [.undo] }
                message = Message("Undid the last review action: back to task \(step.position + 1)")
            } else {
                message = Message("Nothing to undo in this review")
            }
        case (_, .char("b")), (_, .up):
            if !session.back() { message = Message("Already at the first task") }
        case (.move, .char(let c)) where ("1"..."5").contains(c):
            moveTo(Pane.allCases[Int(String(c))! - 1], as: .moved)
        case (.reprioritize, .char(let c)) where "hml345".contains(c):
            let target: Pane = "h3".contains(c) ? .high : "m4".contains(c) ? .medium : .low
            moveTo(target, as: .reprioritized)
        case (.move, .escape), (.reprioritize, .escape):
            session.prompt = .none
        case (.none, .char("v")):
            if task?.state == .verify {
                effects = [.verify(id: id)]
                session.decide(.verified, changedDocuments: true)
                message = Message("Verified \(title)")
            } else {
                message = Message("Not awaiting verification: use c to complete", isError: true)
            }
        case (.none, .char("c")):
            if task?.pane == .completed {
                message = Message("Already completed: use v to verify", isError: true)
            } else {
                effects = [.complete(id: id)]
                session.decide(.completed, changedDocuments: true)
                message = Message("Completed \(title): it now awaits verification")
            }
        case (.none, .char("k")):
            session.decide(.kept, changedDocuments: false)
            message = Message("Kept \(title) as it is (reviewed, nothing to change)")
        case (.none, .char("m")): session.prompt = .move
        case (.none, .char("p")): session.prompt = .reprioritize
        case (.none, .char("s")), (.none, .char(" ")), (.none, .char("n")), (.none, .down):
            session.decide(.skipped, changedDocuments: false)
            message = Message("Skipped \(title): left for later, not reviewed")
        case (.none, .char("q")), (.none, .escape):
            session.finish()
        default: break
        }
        mode = .review(session)
        focusReviewedTask()
        return effects
    }

    /// Selects the task under review on the board behind the card, in its pane.
    mutating func focusReviewedTask() {
        guard case .review(let session) = mode, let id = session.currentID, let task = task(id: id) else { return }
        activePane = task.pane
        follow(id: id, in: task.pane)
    }
}
