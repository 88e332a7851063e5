import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct ZoomLayoutTests {
    static let long = "Evaluate the Phoenix and Elixir stack for the implementation of the realtime service"

    func board(width: Int, height: Int = 30) -> BoardState {
        var tasks = Fixtures.tasks
        tasks[4] = BoardTask(id: "p2", title: Self.long, pane: .inProgress)
        return BoardState(tasks: tasks, header: Fixtures.header, viewportWidth: width, viewportHeight: height)
    }

    func text(_ state: BoardState, _ width: Int, _ height: Int = 30) -> String {
        BoardView.render(state, width: width, height: height).plainText()
    }

    @Test func zoomShowsOnlyTheFocusedPaneWithFullTitles() {
        var state = board(width: 160)
        #expect(!text(state, 160).contains("[ ] " + Self.long))
        _ = state.press(.char("z"))
        let screen = text(state, 160)
        #expect(screen.contains(" [ ] " + Self.long))
        #expect(!screen.contains("Set up CI"))
        #expect(screen.contains("[2 In Progress (2)]"))
        #expect(state.message?.text == "Zoom: only In Progress; z goes back")
        // Panes can still be switched while zoomed.
        _ = state.press(.char("3"))
        #expect(text(state, 160).contains("Set up CI"))
        _ = state.press(.char("z"))
        #expect(text(state, 160).contains("│"))
    }

    @Test func layoutKeyForcesColumnsOrTabs() {
        var state = board(width: 160)
        state.layout = .tabs
        #expect(!text(state, 160).contains("│"))
        state = board(width: 100)
        state.layout = .columns
        let screen = text(state, 100)
        #expect(screen.contains("│"))
        #expect(screen.contains("Tidy docs"))
    }

    @Test func paneHeadersKeepTheirCountsWhenNarrow() {
        var tasks = Fixtures.tasks
        tasks += (0..<120).map { BoardTask(id: "x\($0)", title: "Task \($0)", pane: .medium) }
        let state = BoardState(tasks: tasks, header: Fixtures.header, viewportWidth: 120, viewportHeight: 30)
        let header = text(state, 120).components(separatedBy: "\n")[2]
        #expect(header.contains("1 Done (3)"))
        #expect(header.contains("4 Med (123)"))
        #expect(header.contains("(1)"))
        for width in [10, 12, 15] {
            let label = BoardView.fittedPaneLabel(state, .medium, prefix: "▶ ", width: width)
            #expect(label.hasSuffix("(123)"), "\(label) at \(width)")
            #expect(DisplayWidth.width(of: label) <= width)
        }
    }
}
