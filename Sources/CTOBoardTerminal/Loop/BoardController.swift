import CTOBoardUI
import CTOBoardCore

/// Runs the board's effects against the core and keeps the board state in step with the
/// documents. Every change goes through a ``Session``: one keystroke, both documents. External
/// edits come from a ``DocumentWatcher`` and are merged in the loop's idle moments.
public struct BoardController {
    /// Every pair the board can switch between (owners), and the one shown.
    public private(set) var sessions: [Session]
    public private(set) var current = 0
    /// Reports external edits; nil runs the board without picking them up.
    private let watcher: DocumentWatcher?
    /// Whether the next idle moment syncs, whatever the watcher says (the first one does).
    private var needsSync = true
    /// Conflict ids → description, from the last sync.
    private(set) var conflicts: [String: SyncConflict] = [:]
    /// Whether the board shows every owner's TODO.md tasks, read-only.
    private(set) var allOwners = false
    /// The editor E and T open (by default `$VISUAL`, `$EDITOR` or `vi`; none of them when empty).
    public var editor = EditorCommand(environment: [:])

    public var session: Session { sessions[current] }

    public init(sessions: [Session], watcher: DocumentWatcher?) {
        self.sessions = sessions
        self.watcher = watcher
    }

    /// The board state for the current pair.
    public func makeState(keyMap: KeyMap) throws(SessionError) -> BoardState {
        let pair = try session.load()
        var state = BoardState(tasks: tasks(pair), header: header(pair, status: nil), keyMap: keyMap)
        state.layout = session.config.layout.flatMap(LayoutMode.init(rawValue:)) ?? .auto
        return state
    }

    /// The view models of a pair's tasks; tasks whose section is unknown are not shown.
    func tasks(_ pair: TaskPair) -> [BoardTask] {
        if allOwners { return everyOwnersTasks(pair) }
        let seconds = secondRows(pair)
        let hidden = Set(seconds.values.map(\.id))
        return pair.tasks.compactMap { t in
            hidden.contains(t.id) ? nil : BoardTask(t, conflict: conflicts[t.id], otherVersion: seconds[t.id])
        }
    }

    /// The other version of each task renamed on one side and changed on the other, by the
    /// conflict's id: by title it is a task of its own, found in one document only, but the
    /// conflict holds both versions, and the board shows that task once, as the conflict.
    /// Found by the version's line text (the open sync may have moved the lines since it
    /// reported the conflict).
    private func secondRows(_ pair: TaskPair) -> [String: MatchedTask] {
        var result: [String: MatchedTask] = [:]
        for c in conflicts.values {
            guard let ownerVersion = c.ownerVersion, let todoVersion = c.todoVersion,
                  let first = pair.tasks.first(where: { $0.id == c.id }), first.owner == nil || first.todo == nil else { continue }
            result[c.id] = pair.tasks.first { t in
                guard t.id != c.id, conflicts[t.id] == nil, result.values.allSatisfy({ $0.id != t.id }) else { return false }
                if first.owner == nil, let o = t.owner, t.todo == nil { return pair.ownerDoc.document.text(o.line) == ownerVersion }
                if first.todo == nil, let d = t.todo, t.owner == nil { return pair.todo.document.text(d.line) == todoVersion }
                return false
            }
        }
        return result
    }

    /// Every task of TODO.md with its owner in front, for the read-only view.
    func everyOwnersTasks(_ pair: TaskPair) -> [BoardTask] {
        let full = TaskDocument(document: pair.todo.document)
        var seen: [String: Int] = [:]
        return full.entries.compactMap { e -> BoardTask? in
            guard let pane = e.pane else { return nil }
            let owner = e.owner ?? "no owner"
            let id = TitleKey.shortID(owner.lowercased() + "\u{0}" + e.key)
            let n = seen[id, default: 0] + 1
            seen[id] = n
            return BoardTask(id: n == 1 ? id : "\(id)-\(n)", title: "[\(owner)] \(e.title)", pane: pane, state: e.state,
                             critical: e.critical, group: e.group, inOwnerDoc: true, inTodo: true)
        }
    }

    func header(_ pair: TaskPair, status: String?) -> HeaderInfo {
        let drift = pair.drift().count
        let text: String
        let level: HeaderInfo.Level
        // Count the tasks the board marks CONFLICT, not the engine's entries.
        let inConflict = allOwners ? 0 : pair.tasks.reduce(0) { $0 + ($1.pane != nil && conflicts[$1.id] != nil ? 1 : 0) }
        if inConflict > 0 {
            text = "\(inConflict) conflict\(inConflict == 1 ? "" : "s")"; level = .error
        } else if let status {
            text = status; level = .warning
        } else if drift > 0 {
            text = "\(drift) difference\(drift == 1 ? "" : "s")"; level = .warning
        } else {
            text = "in sync"; level = .ok
        }
        return HeaderInfo(ownerName: allOwners ? "every owner (read-only)" : pair.paths.owner, ownerDocPath: DisplayPath.relative(pair.paths.ownerDoc),
                          todoPath: DisplayPath.relative(pair.paths.todo), syncStatus: text, syncLevel: level,
                          ownerCount: sessions.count, readOnly: allOwners)
    }

    /// Shows `pair` on the board, keeping the selection on the same task.
    func show(_ pair: TaskPair, in state: inout BoardState, status: String? = nil) {
        state.reload(tasks: tasks(pair))
        state.header = header(pair, status: status)
    }

    /// In an idle moment: merges the external edits the watcher reports (and, the first time,
    /// those made since the last sync; the first frame comes before it).
    public mutating func idle(_ state: inout BoardState) {
        let changed = watcher?.poll(timeoutMs: 0) ?? []
        guard needsSync || !changed.isEmpty else { return }
        needsSync = false
        do throws(SessionError) {
            try sync(&state, preferences: [:], announce: false)
        } catch {
            state.message = .init(error.description, isError: true)
        }
        absorbOwnWrites()
    }

    /// Runs one effect against the current pair; `terminal` is given up while an editor runs.
    public mutating func perform(_ effect: Effect, state: inout BoardState, terminal: (any Terminal)? = nil) {
        run(effect, state: &state, terminal: terminal)
        absorbOwnWrites()
    }

    /// The board's own writes are not external edits (a merge's writes would otherwise reset the
    /// "external change merged" status at once); an edit that landed meanwhile still is.
    private func absorbOwnWrites() {
        let session = session
        watcher?.absorbOwnWrites { session.documentsMatchBase() }
    }

    private mutating func run(_ effect: Effect, state: inout BoardState, terminal: (any Terminal)?) {
        if allOwners {
            switch effect {
            case .allOwners, .syncNow, .switchOwner, .quit: break
            default:
                state.message = .init("Every owner's tasks are read-only here: press A to go back to \(session.paths.owner)'s board", isError: true)
                return
            }
        }
        do throws(SessionError) {
            switch effect {
            case .toggle(let id): try operate(.toggle(id), &state)
            case .verify(let id): try operate(.verify(id), &state)
            case .complete(let id): try operate(.complete(id), &state)
            case .start(let id): try operate(.start(id), &state)
            case .move(let id, let pane): try operate(.move(id, to: pane), &state)
            case .reorder(let id, let by): try operate(.reorder(id, by: by), &state)
            case .add(let title, let pane):
                try operate(.add(title: title, to: pane), &state)
                state.focus(title: title)
            case .edit(let id, let title): try operate(.edit(id, title: title), &state)
            case .delete(let id): try operate(.delete(id), &state)
            case .critical(let id):
                let title = state.task(id: id)?.title ?? id, on = state.task(id: id)?.critical != true
                try operate(.critical(id), &state)
                state.message = .init(on ? "Marked “\(title)” CRITICAL in both documents" : "Removed CRITICAL from “\(title)” in both documents")
            case .undo:
                let e = try session.undo()
                show(try session.load(), in: &state)
                state.focus(title: e.title)
                state.message = .init("Undid \(e.kind.rawValue) “\(e.title)” in both documents")
            case .redo:
                let e = try session.redo()
                show(try session.load(), in: &state)
                state.focus(title: e.title)
                state.message = .init("Redid \(e.kind.rawValue) “\(e.title)” in both documents")
            case .syncNow:
                try sync(&state, preferences: [:], announce: true)
            case .resolveConflict(let id, let keepOwner):
                try sync(&state, preferences: [id: keepOwner ? .owner : .todo], announce: true)
                // The user's own choice is not an external change.
                if state.message?.isError != true {
                    state.message = .init("Kept \(keepOwner ? "the owner document's" : "TODO.md's") version in both documents")
                }
            case .switchOwner:
                guard sessions.count > 1 else {
                    state.message = .init("Only one owner is configured (list pairs in .ctoboard.toml)")
                    return
                }
                current = (current + 1) % sessions.count
                conflicts = [:]
                show(try session.load(), in: &state)
                state.message = .init("Owner: \(session.paths.owner)")
            case .allOwners:
                allOwners.toggle()
                show(try session.load(), in: &state)
                state.message = .init(allOwners ? "Every owner's tasks in TODO.md (read-only); A goes back" : "Owner: \(session.paths.owner)")
            case .openInEditor(let id, let document):
                try openInEditor(id: id, document: document, terminal: terminal, state: &state)
            case .quit:
                return
            }
        } catch {
            state.message = .init(error.description, isError: true)
        }
    }

    private func operate(_ op: TaskOperation, _ state: inout BoardState) throws(SessionError) {
        let outcome = try session.perform(op)
        show(outcome.pair, in: &state)
        let change = outcome.change
        var text = "\(change.kind.rawValue.capitalizedFirst) “\(change.title)” in both documents"
        if let sync = outcome.sync, !sync.carried.isEmpty { text = "External change merged; " + text }
        state.message = .init(text)
    }

    /// Carries external edits through the sync engine and says so.
    @discardableResult
    public mutating func sync(_ state: inout BoardState, preferences: [String: SyncEngine.Side], announce: Bool) throws(SessionError) -> SyncPlan {
        let result = try session.sync(preferences: preferences)
        let plan = result.plan, pair = result.pair
        conflicts = Dictionary(plan.conflicts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let merged = !plan.carried.isEmpty
        // A clean merge leaves the documents in sync: the header says so, the message says what came in.
        show(pair, in: &state)
        if merged {
            state.message = .init("External change merged: " + plan.carried.joined(separator: "; "))
        } else if !plan.conflicts.isEmpty {
            state.message = .init("\(state.header.syncStatus.capitalizedFirst): press Enter on a task marked CONFLICT to choose", isError: true)
        } else if announce {
            state.message = .init("In sync")
        }
        return plan
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
