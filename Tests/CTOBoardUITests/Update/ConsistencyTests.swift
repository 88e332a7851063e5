import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct ConsistencyTests {
    @Test func focusSelectsTheTaskAffectedInItsPane() {
        var state = Fixtures.state()
        // As after undo of a delete in Low, or an add to Medium, while another pane has focus.
        var tasks = Fixtures.tasks
        tasks.append(BoardTask(id: "m4", title: "Fresh task", pane: .medium))
        state.reload(tasks: tasks)
        let found = state.focus(title: "Fresh task")
        #expect(found)
        #expect(state.activePane == .medium)
        #expect(state.selectedTask?.id == "m4")
        let gone = state.focus(title: "Gone")
        #expect(!gone)
    }

    @Test func readOnlyViewRefusesAddEditDeleteBeforeAnyPrompt() {
        var header = Fixtures.header
        header.readOnly = true
        var state = BoardState(tasks: Fixtures.tasks, header: header)
        for key: Character in ["a", "e", "d"] {
            #expect(state.press(.char(key)).isEmpty)
            #expect(state.mode == .normal, "\(key) opened a prompt")
            #expect(state.message?.text == "Read-only view: press A to go back to your board and change tasks")
        }
    }

    @Test func longPanesShowThePosition() {
        var state = BoardState(tasks: Fixtures.many(3245), viewportWidth: 80, viewportHeight: 24)
        _ = state.press(.char("4"))
        for _ in 0..<11 { _ = state.press(.down) }
        let lines = BoardView.render(state, width: 80, height: 24).plainText().components(separatedBy: "\n")
        #expect(lines.contains { $0.hasSuffix("↓ 12/649") })
        _ = state.press(.char("G"))
        let bottom = BoardView.render(state, width: 80, height: 24).plainText().components(separatedBy: "\n")
        #expect(bottom.contains { $0.hasSuffix("↑ 649/649") })
    }

    @Test func messagesUseCurlyQuotes() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        _ = state.type("rev")
        _ = state.press(.enter)
        #expect(state.message?.text == "Filter “rev”: Esc clears")
        _ = state.press(.char("d"))
        #expect(BoardView.render(state, width: 80, height: 24).plainText().contains("Delete “Review PRs”? (y/n)"))
    }
}

@Suite struct CriticalKeyTests {
    @Test func bangTogglesCritical() {
        var state = Fixtures.state()
        #expect(state.press(.char("!")) == [.critical(id: "p1")])
    }
}
