import CTOBoardUI
import CTOBoardCore

extension BoardController {
    /// E and T: opens a document in ``editor`` at the task's line, with the terminal given up
    /// until the editor exits; then syncs at once, so what was edited is carried into the other
    /// document through the sync engine, as any external edit is.
    ///
    /// It syncs before too: that records the documents as they are when the editor opens as the
    /// base of the next sync, so a task renamed or removed in the editor is a rename or a removal
    /// (without a base, as on a first run, the sync engine never deletes: it would keep both).
    mutating func openInEditor(id: String, document: SyncEngine.Side, terminal: (any Terminal)?,
                               state: inout BoardState) throws(SessionError) {
        try sync(&state, preferences: [:], announce: false)
        let pair = try session.load()
        let name = document == .owner ? DisplayPath.relative(pair.paths.ownerDoc) : DisplayPath.relative(pair.paths.todo)
        guard let task = pair.tasks.first(where: { $0.id == id }) else {
            state.message = .init("That task is no longer in the documents: press r to sync", isError: true)
            return
        }
        guard let entry = document == .owner ? task.owner : task.todo else {
            state.message = .init("“\(task.title)” has no line in \(name): nothing to open there", isError: true)
            return
        }
        let argv: [String]
        do {
            argv = try editor.argv(file: document == .owner ? pair.paths.ownerDoc : pair.paths.todo, line: entry.line + 1)
        } catch {
            state.message = .init(error.description, isError: true)
            return
        }
        let outcome = terminal.map { terminal in terminal.suspend { EditorLauncher.run(argv) } } ?? EditorLauncher.run(argv)
        let plan = try sync(&state, preferences: [:], announce: false)
        switch outcome {
        case .failed(let reason):
            state.message = .init("Could not start the editor \(argv[0]): \(reason) (set $VISUAL, $EDITOR or \(EditorCommand.templateVariable))",
                                  isError: true)
        case .exited(let status) where status != 0:
            state.message = .init("The editor \(argv[0]) exited with status \(status)" + carried(plan), isError: true)
        case .signaled(let signalNumber):
            state.message = .init("The editor \(argv[0]) was stopped by signal \(signalNumber)" + carried(plan), isError: true)
        case .exited:
            if !plan.conflicts.isEmpty { return }   // the sync's message says how to choose
            state.message = .init(plan.carried.isEmpty ? "No change to carry over from \(name)"
                                                       : "Edited \(name); carried over: " + plan.carried.joined(separator: "; "))
        }
    }

    private func carried(_ plan: SyncPlan) -> String {
        plan.carried.isEmpty ? "" : "; carried over: " + plan.carried.joined(separator: "; ")
    }
}
