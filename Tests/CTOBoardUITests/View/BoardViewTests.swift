import CTOBoardCore
import Foundation
import Testing
@testable import CTOBoardUI

@Suite struct BoardViewTests {
    func lines(_ state: BoardState, _ width: Int, _ height: Int) -> [String] {
        BoardView.render(state, width: width, height: height).plainText().components(separatedBy: "\n")
    }

    @Test func headerShowsOwnerPathsStatusAndCounts() {
        let screen = lines(Fixtures.state(), 100, 24)
        #expect(screen[0].hasPrefix(" ctoboard · CTO  ✓ in sync"))
        #expect(screen[0].hasSuffix("Done 3 · Doing 2 · High 2 · Med 3 · Low 1"))
        #expect(screen[1].contains("owner: docs/Development/CTO_OWNER.md"))
        #expect(screen[1].contains("todo: docs/Project Management/TODO.md"))
    }

    @Test func longPathsAreShortenedKeepingTheFileName() {
        #expect(BoardView.shortenPath("/very/long/path/to/docs/Project Management/TODO.md", toWidth: 30)
                == "…/Project Management/TODO.md")
        #expect(BoardView.shortenPath("a/b.md", toWidth: 30) == "a/b.md")
        let short = BoardView.shortenPath("/x/averyveryverylongfilename.md", toWidth: 10)
        #expect(DisplayWidth.width(of: short) <= 10)
        #expect(short.hasSuffix("name.md"))
    }

    @Test func tabsLayoutAt80Columns() {
        let screen = lines(Fixtures.state(), 80, 24)
        #expect(screen.count == 24)
        // Tab bar with every pane and its count, the active one bracketed.
        #expect(screen[2].contains("[2 Doing (2)]"))
        #expect(screen[2].contains("1 Done (3)"))
        #expect(screen[2].contains("5 Low (1)"))
        // Only the active pane's tasks.
        #expect(screen[3] == "▶[ ] CRITICAL Vector database validation")
        #expect(screen[4] == " [ ] Review PRs")
        #expect(!screen.joined().contains("Set up CI"))
        // Footer: key hints on the last line.
        #expect(screen[23].contains("Space toggle"))
        #expect(screen[23].contains("? help"))
    }

    @Test func sideBySideAt160Columns() {
        var state = Fixtures.state(width: 160, height: 30)
        _ = state.press(.char("4"), .char("j"))
        let screen = lines(state, 160, 30)
        #expect(screen[2].contains("1 Completed · Verify (3)"))
        #expect(screen[2].contains("2 In Progress (2)"))
        #expect(screen[2].contains("▶ 4 Pending · Medium (3)"))
        #expect(screen[3].contains("━━━"))
        let all = screen.joined(separator: "\n")
        for title in ["Ship v1", "CRITICAL Vector database …", "Set up CI", "Write ADR 12", "Tidy docs", "日本語のタイトル"] {
            #expect(all.contains(title), "\(title) missing")
        }
        // The selected row of the active pane is marked; other panes have no marker.
        #expect(all.contains("▶[ ] Write ADR 12"))
        #expect(all.components(separatedBy: "▶[").count == 2)
        // Columns are separated.
        #expect(screen[5].contains("│"))
    }

    @Test func completedPaneShowsGroupsAndBadges() {
        var state = Fixtures.state()
        _ = state.press(.char("1"))
        let screen = lines(state, 80, 24)
        #expect(screen[3] == "  January 2026")
        #expect(screen[4] == "▶[x] Ship v1")
        #expect(screen[5] == " [ ] VERIFY Security audit")
        #expect(screen[6] == "  December 2025")
        #expect(screen[7] == " [ ] VERIFY Migrate DNS")
    }

    @Test func conflictBadgeAndOnlyInOneDocument() {
        var tasks = Fixtures.tasks
        tasks.append(BoardTask(id: "h3", title: "Owner only", pane: .high, inTodo: false))
        var state = BoardState(tasks: tasks, header: Fixtures.header)
        _ = state.press(.char("3"))
        let screen = lines(state, 80, 24)
        #expect(screen[4] == " [ ] CONFLICT Backup policy")
        #expect(screen[5] == " [ ] Owner only (owner doc only)")
    }

    @Test func selectedRowIsReversedInMono() {
        let buffer = BoardView.render(Fixtures.state(), width: 80, height: 24, theme: .mono)
        #expect(buffer[20, 3].style.attributes.contains(.reverse))
        #expect(!buffer[20, 4].style.attributes.contains(.reverse))
    }

    @Test func longTitleIsTruncatedWithEllipsisAtDisplayWidth() {
        let title = "Réviser le plan de migration 漢字漢字漢字 vers la nouvelle infrastructure 👨‍👩‍👧 cloud"
        let state = BoardState(tasks: [BoardTask(id: "x", title: title, pane: .inProgress)])
        let buffer = BoardView.render(state, width: 60, height: 12)
        let row = buffer.line(3)
        #expect(row.hasSuffix("…"))
        #expect(DisplayWidth.width(of: row) <= 60)
        #expect(DisplayWidth.width(of: row) >= 59)   // fills the line (a wide char may leave one cell)
        #expect(row.hasPrefix("▶[ ] Réviser le plan"))
    }

    @Test func tooSmallTerminal() {
        let screen = BoardView.render(Fixtures.state(), width: 39, height: 20).plainText()
        #expect(screen.contains("Terminal too small (need 40×10)"))
        #expect(!screen.contains("ctoboard"))
        let short = BoardView.render(Fixtures.state(), width: 80, height: 9).plainText()
        let line = short.components(separatedBy: "\n").first { !$0.isEmpty }
        #expect(line?.trimmingCharacters(in: .whitespaces) == "Terminal too small (need 40×10)")
        // Centred.
        #expect(line?.hasPrefix(String(repeating: " ", count: (80 - 31) / 2)) == true)
        // Narrower than the message: a shorter one.
        #expect(BoardView.render(Fixtures.state(), width: 30, height: 8).plainText().contains("Too small: need 40×10"))
        // Tiny sizes don't crash.
        _ = BoardView.render(Fixtures.state(), width: 1, height: 1)
        _ = BoardView.render(Fixtures.state(), width: 0, height: 0)
    }

    @Test func minimumSizeRenders() {
        let screen = lines(Fixtures.state(), 40, 10)
        #expect(screen[0].contains("ctoboard"))
        #expect(screen[3].contains("Vector"))
    }

    @Test func helpOverlayListsBindingsFromKeyMap() throws {
        var state = Fixtures.state(width: 100, height: 50)
        state.keyMap = try KeyMap.default.applying(toml: "[keys]\ntoggle = \"x\"\n")
        _ = state.press(.char("?"))
        let screen = BoardView.render(state, width: 100, height: 50).plainText()
        #expect(screen.contains("Keys (Esc, q or ? closes)"))
        #expect(screen.contains("x  "))
        #expect(screen.contains("toggle done"))
        #expect(screen.contains("weekly review"))
        #expect(screen.contains("Ctrl-r"))
        for action in Action.allCases {
            #expect(screen.contains(action.summary), "\(action) missing from help")
        }
    }

    @Test func footerShowsEditorFilterAndConfirm() {
        var state = Fixtures.state()
        _ = state.press(.char("a"))
        _ = state.type("New 漢字")
        var screen = lines(state, 80, 24)
        #expect(screen[22] == " Add to In Progress: New 漢字")
        _ = state.press(.escape, .char("/"))
        _ = state.type("rev")
        screen = lines(state, 80, 24)
        #expect(screen[22] == " Filter: rev")
        #expect(screen[2].contains("[2 Doing (1/2)]"))
        _ = state.press(.enter, .char("d"))
        screen = lines(state, 80, 24)
        #expect(screen[22].contains("Delete “Review PRs”? (y/n)"))
    }

    @Test func messageLine() {
        var state = Fixtures.state()
        state.message = .init("Synced: external change merged")
        #expect(lines(state, 80, 24)[22] == " Synced: external change merged")
    }

    @Test func conflictOverlay() {
        var state = Fixtures.state()
        _ = state.press(.char("3"), .char("j"), .enter)
        let screen = BoardView.render(state, width: 80, height: 24).plainText()
        #expect(screen.contains("Resolve conflict"))
        #expect(screen.contains("owner doc: open · TODO.md: done"))
        #expect(screen.contains("o  keep the owner document's version"))
    }

    @Test func scrollingKeepsSelectionVisible() {
        var state = BoardState(tasks: Fixtures.many(1000), viewportWidth: 80, viewportHeight: 24)
        _ = state.press(.char("4"))
        for _ in 0..<60 { _ = state.press(.down) }
        let screen = lines(state, 80, 24)
        #expect(screen.contains { $0.hasPrefix("▶[ ] Task number 303 ") })   // medium = i % 5 == 3; 61st task
    }

    @Test func twentyThousandTasksRenderFast() {
        var state = BoardState(tasks: Fixtures.many(20_000), viewportWidth: 160, viewportHeight: 50)
        _ = state.press(.char("1"))
        _ = state.press(.char("G"))
        // CPU time of this thread, not wall time: other tests and processes share the cores, and
        // what matters is the work a key press costs.
        let clock = ThreadCPUClock()
        var buffer = ScreenBuffer(width: 0, height: 0)
        var effects: [Effect] = []
        let elapsed = clock.measure {
            for _ in 0..<10 {
                effects += state.press(.up)
                buffer = BoardView.render(state, width: 160, height: 50)
            }
        }
        #expect(effects.isEmpty)
        #expect(buffer.plainText().contains("▶[ ] Task number 19945 with a …"))
        // 10 key presses + renders; generous for debug builds (release is well under 10 ms each).
        #expect(elapsed < .milliseconds(1000), "took \(elapsed)")
        let filterClock = clock.measure {
            _ = state.press(.char("/"))
            _ = state.type("number 1999")
            buffer = BoardView.render(state, width: 160, height: 50)
        }
        #expect(state.visibleCount(in: .completed) == 2) // 19990, 19995
        #expect(filterClock < .milliseconds(3000), "filter took \(filterClock)")
    }
}
