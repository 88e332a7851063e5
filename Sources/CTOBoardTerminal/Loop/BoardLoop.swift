import CTOBoardUI
/// The interactive loop, wiring a ``Terminal`` to the pure board: render, read a key, update,
/// run effects, repeat.
///
/// ```swift
/// let terminal = try NcursesTerminal()
/// defer { terminal.restore() }
/// let theme = Theme.resolve(options.theme, terminalHasColors: terminal.hasColors).theme
/// var state = BoardState(tasks: tasks, header: header, keyMap: keyMap)
/// var controller = BoardController(sessions: sessions, watcher: DocumentWatcher(files: files))
/// BoardLoop.run(terminal: terminal, state: &state, theme: theme,
///               idle: { controller.idle(&$0) },
///               perform: { controller.perform($0, state: &$1) })
/// ```
public enum BoardLoop {
    /// Runs until an ``Effect/quit`` effect, then restores the terminal.
    /// - Parameters:
    ///   - pollMs: how long to wait for a key before calling `idle`.
    ///   - idle: called when no key arrived within `pollMs` (e.g. to pick up external edits).
    ///   - perform: runs one effect (never `.quit`) against the core and updates the state
    ///     (``BoardState/reload(tasks:)``, ``BoardState/message``, ``BoardState/header``).
    public static func run(terminal: some Terminal, state: inout BoardState, theme: Theme, pollMs: Int = 250,
                           idle: (inout BoardState) -> Void = { _ in },
                           perform: (Effect, inout BoardState) -> Void) {
        defer { terminal.restore() }
        var size = terminal.size
        state.setViewport(width: size.width, height: size.height)
        var needsDraw = true
        while true {
            if needsDraw {
                terminal.draw(BoardView.render(state, width: size.width, height: size.height, theme: theme))
                needsDraw = false
            }
            guard let key = terminal.readKey(timeoutMs: pollMs) else {
                let before = state.tasks
                let header = state.header
                let message = state.message
                idle(&state)
                if state.tasks != before || state.header != header || state.message != message { needsDraw = true }
                continue
            }
            needsDraw = true
            if key == .resize {
                size = terminal.size
                state.setViewport(width: size.width, height: size.height)
            }
            for effect in state.handle(key) {
                if effect == .quit { return }
                perform(effect, &state)
            }
        }
    }
}
