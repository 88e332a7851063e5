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
            try BoardRunner.run(pairs: [paths], config: try PairOptions.userSettings(over: nil), boardOptions: boardOptions,
                                startInReview: false)
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
        let watcher = DocumentWatcher(files: pairs.flatMap { [$0.ownerDoc, $0.todo] })
        var controller = BoardController(sessions: pairs.map { Session.cli(paths: $0, config: config, today: today) },
                                         watcher: watcher)
        // The template comes from the user's own config or $CTOBOARD_EDITOR (UserConfig), never from a repository.
        controller.editor = EditorCommand(template: config?.editorCommand ?? Environment.variables[EditorCommand.templateVariable],
                                          environment: Environment.variables)
        let keyMap = try boardOptions.keyMap(config: config)
        var state: BoardState
        do { state = try controller.makeState(keyMap: keyMap) } catch { throw error.cli }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(mouse: config?.mouse ?? true)
        } catch {
            throw CLIError("\(error)", code: .badInput)
        }
        defer { terminal.restore() }
        let (theme, warning) = boardOptions.resolveTheme(config: config, hasColors: terminal.hasColors)
        // A setting the repository may not make (an editor command) was ignored: say so on the
        // board too, where the line printed before it started is hidden.
        if let warning = warning ?? config?.warnings.first { state.message = .init(warning, isError: true) }
        if startInReview { _ = state.perform(.review) }
        BoardLoop.run(terminal: terminal, state: &state, theme: theme, pollMs: 100,
                      idle: { controller.idle(&$0) }, perform: { controller.perform($0, state: &$1, terminal: terminal) })
        return state
    }
}
