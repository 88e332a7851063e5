import Testing
import CTOBoardCore
@testable import CTOBoardUI

@Suite("Mouse: SGR decoding, hit-testing and update")
struct MouseInputTests {
    // MARK: Decoder

    @Test("press and release of each button, with 1-based coordinates made 0-based")
    func pressRelease() {
        #expect(InputDecoder.decodeMouse("0;10;5M") == .mouse(MouseEvent(.press(.left), x: 9, y: 4)))
        #expect(InputDecoder.decodeMouse("0;10;5m") == .mouse(MouseEvent(.release(.left), x: 9, y: 4)))
        #expect(InputDecoder.decodeMouse("1;1;1M") == .mouse(MouseEvent(.press(.middle), x: 0, y: 0)))
        #expect(InputDecoder.decodeMouse("2;300;80M") == .mouse(MouseEvent(.press(.right), x: 299, y: 79)))
        // Shift/Meta/Ctrl bits are ignored.
        #expect(InputDecoder.decodeMouse("16;3;4M") == .mouse(MouseEvent(.press(.left), x: 2, y: 3)))
    }

    @Test("the wheel")
    func wheel() {
        #expect(InputDecoder.decodeMouse("64;7;8M") == .mouse(MouseEvent(.wheelUp, x: 6, y: 7)))
        #expect(InputDecoder.decodeMouse("65;7;8M") == .mouse(MouseEvent(.wheelDown, x: 6, y: 7)))
        #expect(InputDecoder.decodeMouse("66;7;8M") == nil)   // horizontal wheel
    }

    @Test("motion, out-of-range and malformed reports are dropped")
    func malformed() {
        for report in ["32;1;1M", "35;4;4M", "0;0;5M", "0;5;0M", "0;5M", "0;5;6", "0;5;6X", "a;5;6M", "0;-5;6M",
                       "0;5;6;7M", "0;;6M", "0;999999999999999999999;1M", "128;1;1M", "3;1;1M", "", "M"] {
            #expect(InputDecoder.decodeMouse(report) == nil, "\(report)")
        }
    }

    // MARK: Layout

    /// The example board of ``Fixtures``, at a size.
    static func state(width: Int, height: Int = 30) -> BoardState { Fixtures.state(width: width, height: height) }

    @Test("side by side: a task's row and its checkbox are where the view draws them")
    func hitColumns() throws {
        let state = Self.state(width: 130)
        let layout = BoardLayout(state, width: 130, height: 30)
        let screen = BoardView.render(state, width: 130, height: 30).plainText().components(separatedBy: "\n")
        #expect(layout.panes.count == 5)
        for frame in layout.panes {
            guard let task = state.visibleTask(in: frame.pane, at: 0) else { continue }
            let y = frame.listY + state.rowIndex(in: frame.pane, ofPosition: 0)
            let line = Array(screen[y])
            // The checkbox columns hold "[ ]" or "[x]" in the rendered frame.
            let box = String(line[(frame.x + BoardLayout.checkboxColumns.lowerBound)..<(frame.x + BoardLayout.checkboxColumns.upperBound)])
            #expect(box == "[ ]" || box == "[x]", "\(frame.pane): \(box)")
            #expect(layout.hit(x: frame.x + 1, y: y) == .row(frame.pane, index: y - frame.listY, onCheckbox: true))
            #expect(layout.hit(x: frame.x + 6, y: y) == .row(frame.pane, index: y - frame.listY, onCheckbox: false), "\(task.title)")
            #expect(layout.hit(x: frame.x + 2, y: frame.titleY) == .paneTitle(frame.pane))
        }
        #expect(layout.hit(x: 5, y: 0) == nil)   // the header
    }

    @Test("tabs: each tab is hit where its label is drawn")
    func hitTabs() throws {
        let state = Self.state(width: 80)
        let layout = BoardLayout(state, width: 80, height: 30)
        let tabBar = BoardView.render(state, width: 80, height: 30).plainText().components(separatedBy: "\n")[2]
        #expect(layout.tabs.count == 5)
        for tab in layout.tabs {
            let label = "\(tab.pane.ordinal + 1) "
            let x = try #require(tabBar.range(of: label).map { tabBar.distance(from: tabBar.startIndex, to: $0.lowerBound) })
            #expect(layout.hit(x: x, y: 2) == .paneTitle(tab.pane), "\(tab.pane) at \(x) in \(tabBar)")
        }
    }

    // MARK: Update

    @Test("a click on a task of another pane activates the pane and selects the task, without toggling")
    func clickSelects() throws {
        var state = Self.state(width: 130)
        let layout = BoardLayout(state, width: 130, height: 30)
        let frame = try #require(layout.panes.first { $0.pane == .medium })
        let target = try #require(state.visibleTask(in: .medium, at: 1))
        #expect(state.activePane != .medium)
        #expect(state.handle(.mouse(MouseEvent(.press(.left), x: frame.x + 8, y: frame.listY + 1))) == [])
        #expect(state.activePane == .medium)
        #expect(state.selectedTask == target)
        // A release does nothing more.
        #expect(state.handle(.mouse(MouseEvent(.release(.left), x: frame.x + 1, y: frame.listY + 1))) == [])
    }

    @Test("a click on a checkbox selects the task and toggles it")
    func clickToggles() throws {
        var state = Self.state(width: 130)
        let frame = try #require(BoardLayout(state, width: 130, height: 30).panes.first { $0.pane == .high })
        let target = try #require(state.visibleTask(in: .high, at: 0))
        #expect(state.handle(.mouse(MouseEvent(.press(.left), x: frame.x + 2, y: frame.listY))) == [.toggle(id: target.id)])
        #expect(state.selectedTask == target)
    }

    @Test("a click on a tab switches pane; clicks below the list or in other modes do nothing")
    func clickTab() throws {
        var state = Self.state(width: 80)
        let tab = try #require(BoardLayout(state, width: 80, height: 30).tabs.first { $0.pane == .low })
        #expect(state.handle(.mouse(MouseEvent(.press(.left), x: tab.x + 1, y: 2))) == [])
        #expect(state.activePane == .low)
        let before = state.selection
        _ = state.handle(.mouse(MouseEvent(.press(.left), x: 3, y: 20)))   // an empty row
        #expect(state.selection == before && state.activePane == .low)
        _ = state.handle(.char("?"))
        let help = state.mode
        _ = state.handle(.mouse(MouseEvent(.press(.left), x: tab.x + 1, y: 2)))
        #expect(state.mode == help)
    }

    @Test("the wheel scrolls the pane under the pointer")
    func wheelScrolls() throws {
        let tasks = (0..<40).map { BoardTask(id: "t\($0)", title: "Task \($0)", pane: .low) }
            + [BoardTask(id: "h", title: "High one", pane: .high)]
        var state = BoardState(tasks: tasks, viewportWidth: 130, viewportHeight: 20)
        state.activePane = .high
        let frame = try #require(BoardLayout(state, width: 130, height: 20).panes.first { $0.pane == .low })
        let down = KeyEvent.mouse(MouseEvent(.wheelDown, x: frame.x + 3, y: frame.listY + 2))
        for _ in 0..<6 { _ = state.handle(down) }
        #expect(state.selectedPosition(in: .low) == 18)
        #expect(state.scroll[Pane.low.ordinal] > 0)
        #expect(state.activePane == .high)
        let rendered = BoardView.render(state, width: 130, height: 20).plainText()
        #expect(rendered.contains("Task 18") && !rendered.contains("Task 0\n") && !rendered.contains(" Task 0 "))
        _ = state.handle(.mouse(MouseEvent(.wheelUp, x: frame.x + 3, y: frame.listY)))
        #expect(state.selectedPosition(in: .low) == 15)
    }
}
