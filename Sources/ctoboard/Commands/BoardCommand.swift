import ArgumentParser
import CTOBoardCore
import CTOBoardTerminal
import CTOBoardUI

/// `ctoboard` (or `ctoboard board`): the ncurses board.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Open the board (the default command). Press ? inside for every key.")

    @OptionGroup var pairOptions: PairOptions
    @OptionGroup var boardOptions: BoardOptions

    func run() throws {
        try reporting { try BoardRunner.run(pairOptions: pairOptions, boardOptions: boardOptions, startInReview: false) }
    }
}

/// `ctoboard review`: the board, straight into the weekly review.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Walk through every task awaiting verification, then every task in progress.",
        discussion: """
        Keys: v verify, c complete, k keep, m then 1-5 move, p then h/m/l reprioritize, s skip, \
        b or Up back, u undo, q stop. With --notes, the summary is written to FILE as Markdown when \
        the board closes.
        """)

    @OptionGroup var pairOptions: PairOptions
    @OptionGroup var boardOptions: BoardOptions
    @Option(name: .long, help: "Write the review's summary to this file as Markdown when the board closes.")
    var notes: String?

    func run() throws {
        try reporting {
            try ReviewNotes.checkWritable(notes)
            let state = try BoardRunner.run(pairOptions: pairOptions, boardOptions: boardOptions, startInReview: true)
            try ReviewNotes.write(from: state, to: notes)
        }
    }
}

/// `ctoboard demo`: the board on a fresh temporary copy of the bundled example workspace.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the board on a temporary copy of the bundled example workspace (changes nothing else).")

    @OptionGroup var boardOptions: BoardOptions

    @Flag(help: "Print the temporary workspace's path and exit instead of opening the board.")
    var printPath = false

    func run() throws {
        try reporting {
            let folder = try DemoWorkspace.create()
            let ownerDoc = Paths.join(folder, ExampleWorkspace.ownerDocPath)
            if printPath {
                print(folder)
                return
            }
            let paths = try PairOptions.locate(ownerDoc: ownerDoc)
            try BoardRunner.run(pairs: [paths], config: nil, boardOptions: boardOptions, startInReview: false)
            print("The demo workspace is kept at \(folder)")
        }
    }
}

/// The interactive loop around a ``BoardController``.
enum BoardRunner {
    /// The board on the pairs the options name.
    @discardableResult
    static func run(pairOptions: PairOptions, boardOptions: BoardOptions, startInReview: Bool) throws(CLIError) -> BoardState {
        let config = try pairOptions.config()
        return try run(pairs: try pairOptions.pairs(config: config), config: config, boardOptions: boardOptions,
                startInReview: startInReview)
    }

    @discardableResult
    static func run(pairs: [PairPaths], config: Config?, boardOptions: BoardOptions, startInReview: Bool) throws(CLIError) -> BoardState {
        let today = CalendarDate.today(environment: Environment.variables)
        var controller = BoardController(sessions: pairs.map { Session(paths: $0, config: config ?? Config(), today: today) })
        let keyMap = try boardOptions.keyMap(config: config)
        var state: BoardState
        do { state = try controller.makeState(keyMap: keyMap) } catch { throw error.cli }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            throw CLIError("\(error)", code: .badInput)
        }
        defer { terminal.restore() }
        let (theme, warning) = boardOptions.resolveTheme(config: config, hasColors: terminal.hasColors)
        if let warning { state.message = .init(warning, isError: true) }
        if startInReview { _ = state.perform(.review) }
        var watcher = FolderWatcher(files: pairs.flatMap { [$0.ownerDoc, $0.todo] })
        // The first frame comes first; external edits and conflicts since the last sync are
        // merged right after it, in the first idle moment.
        var pendingSince: UInt64? = 0
        BoardLoop.run(terminal: terminal, state: &state, theme: theme, pollMs: 100, idle: { state in
            // Debounce: look at the documents once events have been quiet for 150 ms.
            if watcher?.drain() == true { pendingSince = Clock.milliseconds() }
            guard let since = pendingSince, Clock.milliseconds() - since >= 150 else { return }
            pendingSince = nil
            do throws(SessionError) {
                try controller.sync(&state, preferences: [:], announce: false)
            } catch {
                state.message = .init(error.description, isError: true)
            }
            // The merge's own writes are not external changes (another sync would reset the
            // "external change merged" status at once); an edit that landed meanwhile is.
            _ = watcher?.drain()
            if !controller.session.documentsMatchBase() { pendingSince = Clock.milliseconds() }
            // A folder replaced (git checkout of a whole tree) needs new watches.
            if watcher == nil { watcher = FolderWatcher(files: pairs.flatMap { [$0.ownerDoc, $0.todo] }) }
        }, perform: { effect, state in
            controller.perform(effect, state: &state)
            // Our own writes are not external changes; an edit that landed meanwhile is.
            _ = watcher?.drain()
            if !controller.session.documentsMatchBase() { pendingSince = Clock.milliseconds() }
        })
        return state
    }
}
