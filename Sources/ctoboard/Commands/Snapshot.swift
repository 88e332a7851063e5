import ArgumentParser
import CTOBoardCore
import CTOBoardTerminal
import CTOBoardUI

/// `ctoboard snapshot`: the board as plain text, after some key presses.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the board as plain text at a size, after some key presses.",
        discussion: """
        KEYS are typed as they are, with named keys in angle brackets: "jj<space>", "<down><tab>?", \
        "a<space>New task<enter>". Names: space, up, down, left, right, pgup, pgdn, home, end, tab, \
        shift-tab, enter, esc, backspace, delete, ctrl-r. The keys' effects are applied to the \
        documents, as on the board; use --demo to work on a temporary copy of the example.
        """)

    @Option(help: "Width in columns.") var width = 120
    @Option(help: "Height in rows.") var height = 40
    @Option(help: "Keys to press first.") var keys = ""
    @Flag(help: "Use a temporary copy of the bundled example workspace.") var demo = false
    @OptionGroup var pairOptions: PairOptions
    @OptionGroup var boardOptions: BoardOptions

    func run() throws {
        try reporting {
            let config = try pairOptions.config()
            let pairs: [PairPaths]
            if demo {
                let folder = try DemoWorkspace.create()
                pairs = [try PairOptions.locate(ownerDoc: Paths.join(folder, ExampleWorkspace.ownerDocPath))]
            } else {
                pairs = try pairOptions.pairs(config: config)
            }
            let today = CalendarDate.today(environment: Environment.variables)
            var controller = BoardController(sessions: pairs.map { Session(paths: $0, config: config ?? Config(), today: today) }, watcher: nil)
            var state: BoardState
            let keyMap = try boardOptions.keyMap(config: config)
            do throws(SessionError) { state = try controller.makeState(keyMap: keyMap) } catch { throw error.cli }
            _ = try? controller.sync(&state, preferences: [:], announce: false)
            state.setViewport(width: width, height: height)
            for key in try Self.parse(keys) {
                for effect in state.handle(key) where effect != .quit {
                    controller.perform(effect, state: &state)
                }
            }
            let (theme, _) = boardOptions.resolveTheme(config: config, hasColors: false)
            print(BoardView.render(state, width: width, height: height, theme: theme).plainText())
        }
    }

    /// Parses KEYS: characters, and `<name>` for named keys.
    static func parse(_ text: String) throws(CLIError) -> [KeyEvent] {
        var result: [KeyEvent] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "<", let close = text[i...].firstIndex(of: ">"), close > text.index(after: i) {
                let name = String(text[text.index(after: i)..<close])
                guard let key = KeyEvent(name: name) else {
                    throw CLIError("--keys: unknown key <\(name)>; see `ctoboard snapshot --help`", code: .badInput)
                }
                result.append(key)
                i = text.index(after: close)
            } else {
                result.append(.char(c))
                i = text.index(after: i)
            }
        }
        return result
    }
}
