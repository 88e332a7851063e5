import Testing
import CTOBoardCore
@testable import CTOBoardUI
@testable import CTOBoardTerminal

/// Mouse events through the loop and the controller, on a real pair of documents.
@Suite("Mouse through the board loop", .serialized)
struct BoardMouseLoopTests {
    @Test("a click on a checkbox in another pane toggles that task in both documents")
    func clickToggles() throws {
        let w = try BoardLoopTests.Workspace()
        let title = "Infrastructure cost optimization"
        let session = Session(paths: w.paths, today: CalendarDate(year: 2026, month: 11, day: 27))
        var controller = BoardController(sessions: [session], watcher: nil)
        var state = try controller.makeState(keyMap: .default)
        // Where the view draws the task, from the layout of the board at the fake terminal's size.
        state.setViewport(width: 130, height: 30)
        let frame = try #require(BoardLayout(state, width: 130, height: 30).panes.first { $0.pane == .low })
        let position = try #require(state.visibleTasks(in: .low).firstIndex { $0.title == title })
        let y = frame.listY + state.rowIndex(in: .low, ofPosition: position) - frame.firstRow
        let terminal = FakeTerminal(width: 130, height: 30, [
            .key(.mouse(MouseEvent(.press(.left), x: frame.x + 1, y: y))),
            .key(.mouse(MouseEvent(.release(.left), x: frame.x + 1, y: y))),
            .waitFor("Toggled “\(title)” in both documents"),
        ])
        BoardLoop.run(terminal: terminal, state: &state, theme: .mono, pollMs: 20,
                      perform: { controller.perform($0, state: &$1, terminal: terminal) })
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(w.text(w.paths.ownerDoc).contains("- [x] \(title)\n"))
        #expect(w.text(w.paths.todo).contains("- [x] \(title) [Owner: CTO]"))
        #expect(state.activePane == .low)
    }
}
