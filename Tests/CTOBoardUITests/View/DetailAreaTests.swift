import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct DetailAreaTests {
    static let long = "Validate the vector database choice against the latency budget of the retrieval service before the board meeting"

    func board(height: Int, width: Int = 120) -> BoardState {
        var tasks = Fixtures.tasks
        tasks[3] = BoardTask(id: "p1", title: Self.long, pane: .inProgress, critical: true, ownerLine: 103, todoLine: 55,
                             verifiedDate: "2026-01-12")
        return BoardState(tasks: tasks, header: Fixtures.header, viewportWidth: width, viewportHeight: height)
    }

    func text(_ state: BoardState, _ width: Int, _ height: Int) -> String {
        BoardView.render(state, width: width, height: height).plainText()
    }

    @Test func showsTheSelectedTaskInFullWithItsLinesByDefault() {
        let screen = text(board(height: 30), 120, 30)
        #expect(screen.contains("─ Details (i hides)"))
        // The full title, wrapped: every word is on screen.
        let words = screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains(Self.long))
        #expect(screen.contains("State: in progress · CRITICAL · Pane: In Progress"))
        #expect(screen.contains("Lines: CTO_OWNER.md:103 · TODO.md:55 · Verified 2026-01-12"))
    }

    @Test func showsSubItemsAndChecklistProgress() {
        var tasks = Fixtures.tasks
        var task = BoardTask(id: "p1", title: "Plan the migration", pane: .inProgress, ownerLine: 90, todoLine: 40)
        task.subItems = ["  - [x] inventory the services", "  - [ ] pick a window", "    Note: ask finance first"]
        task.progress = "1/2"
        tasks[3] = task
        let state = BoardState(tasks: tasks, header: Fixtures.header, viewportWidth: 120, viewportHeight: 30)
        let screen = text(state, 120, 30)
        #expect(screen.contains("State: in progress · Pane: In Progress · Checklist: 1/2"))
        #expect(screen.contains("    - [x] inventory the services"))
        #expect(screen.contains("    - [ ] pick a window"))
        #expect(screen.contains("      Note: ask finance first"))
    }

    @Test func wrapsAtEightyColumns() {
        let lines = text(board(height: 24, width: 80), 80, 24).components(separatedBy: "\n")
        let rule = lines.firstIndex { $0.hasPrefix("─ Details") }
        #expect(rule == 15)
        #expect(lines[16].hasSuffix(" Validate the vector database choice against the latency budget of the"))
        #expect(lines[17].hasPrefix(" retrieval service before the board meeting"))
    }

    @Test func hiddenWhenTooShortAndToggledWithI() {
        #expect(!text(board(height: 23), 120, 23).contains("Details"))
        var state = board(height: 30)
        _ = state.press(.char("i"))
        #expect(!text(state, 120, 30).contains("─ Details"))
        #expect(state.message?.text == "Details hidden")
        // The list grows into the freed rows.
        #expect(BoardView.listHeight(state, width: 120, height: 30) == BoardView.listHeight(board(height: 30), width: 120, height: 30) + 7)
        _ = state.press(.char("i"))
        #expect(text(state, 120, 30).contains("─ Details"))
    }

    @Test func conflictShowsBothVersions() {
        let task = BoardTask(id: "x", title: "Backup policy", pane: .high, conflict: "differs",
                             ownerVersion: "- [ ] Backup policy", todoVersion: "- [x] Backup policy [Owner: CTO]")
        let lines = BoardView.detailLines(task, header: Fixtures.header, width: 100, maxLines: 6).map(\.text)
        #expect(lines.contains("State: open · CONFLICT · Pane: Pending · High"))
        #expect(lines.contains("Conflict · owner doc: - [ ] Backup policy"))
        #expect(lines.contains("Conflict · TODO.md:   - [x] Backup policy [Owner: CTO]"))
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextWrap.wrap("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("日本語のタイトル", width: 5) == ["日本", "語の", "タイ", "トル"])
        #expect(TextWrap.wrap("one two three four", width: 8, maxLines: 2) == ["one two", "three…"])
        #expect(TextWrap.wrap("", width: 5) == [""])
    }
}
