import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct BoardUpdateTests {
    @Test func startsOnInProgressWithFirstTaskSelected() {
        let state = Fixtures.state()
        #expect(state.activePane == .inProgress)
        #expect(state.selectedTask?.id == "p1")
    }

    @Test func upDownSelectAndClamp() {
        var state = Fixtures.state()
        _ = state.press(.char("j"))
        #expect(state.selectedTask?.id == "p2")
        _ = state.press(.down, .down)
        #expect(state.selectedTask?.id == "p2")
        _ = state.press(.char("k"), .up)
        #expect(state.selectedTask?.id == "p1")
        _ = state.press(.char("4"), .char("G"))
        #expect(state.selectedTask?.id == "m3")
        _ = state.press(.char("g"))
        #expect(state.selectedTask?.id == "m1")
    }

    @Test func updateIsPure() {
        let state = Fixtures.state()
        let (next, effects) = BoardUpdate.update(state, .char("j"))
        #expect(effects.isEmpty)
        #expect(state.selectedTask?.id == "p1")
        #expect(next.selectedTask?.id == "p2")
    }

    @Test func paneChangesWrapAndJump() {
        var state = Fixtures.state()
        _ = state.press(.char("l"))
        #expect(state.activePane == .high)
        _ = state.press(.tab, .right)
        #expect(state.activePane == .low)
        _ = state.press(.tab)
        #expect(state.activePane == .completed)
        _ = state.press(.backTab)
        #expect(state.activePane == .low)
        _ = state.press(.char("h"), .left)
        #expect(state.activePane == .high)
        _ = state.press(.char("1"))
        #expect(state.activePane == .completed)
        _ = state.press(.char("5"))
        #expect(state.activePane == .low)
    }

    @Test func selectionIsRememberedPerPane() {
        var state = Fixtures.state()
        _ = state.press(.char("4"), .char("j"), .char("j"), .char("2"))
        #expect(state.selectedTask?.id == "p1")
        _ = state.press(.char("4"))
        #expect(state.selectedTask?.id == "m3")
    }

    @Test func taskActionsEmitEffects() {
        var state = Fixtures.state()
        #expect(state.press(.char(" ")) == [.toggle(id: "p1")])
        #expect(state.press(.char("c")) == [.complete(id: "p1")])
        #expect(state.press(.char("u")) == [.undo])
        #expect(state.press(.ctrl("r")) == [.redo])
        #expect(state.press(.char("r")) == [.syncNow])
        #expect(state.press(.char("q")) == [.quit])
        #expect(state.press(.ctrl("c")) == [.quit])
        #expect(state.press(.char("J")) == [.reorder(id: "p1", by: 1)])
        // s on an in-progress task only explains.
        #expect(state.press(.char("s")).isEmpty)
        #expect(state.message != nil)
        _ = state.press(.char("4"))
        #expect(state.press(.char("s")) == [.start(id: "m1")])
        #expect(state.press(.char("K")).isEmpty)   // already at the top
        #expect(state.message?.text == "Already at the top")
    }

    @Test func verifyOnlyForVerifyTasks() {
        var state = Fixtures.state()
        #expect(state.press(.char("v")).isEmpty)
        #expect(state.message?.isError == true)
        _ = state.press(.char("1"), .char("j"))
        #expect(state.selectedTask?.id == "c2")
        #expect(state.press(.char("v")) == [.verify(id: "c2")])
    }

    @Test func moveBetweenPanesFollowsTheTask() {
        var state = Fixtures.state()
        #expect(state.press(.char("L")) == [.move(id: "p1", to: .high)])
        #expect(state.activePane == .high)
        // The executable runs the effect and reloads: the moved task is selected in its new pane.
        var tasks = Fixtures.tasks
        let index = tasks.firstIndex { $0.id == "p1" }!
        var moved = tasks.remove(at: index)
        moved.pane = .high
        tasks.append(moved)
        state.reload(tasks: tasks)
        #expect(state.selectedTask?.id == "p1")
        _ = state.press(.char("1"))
        #expect(state.press(.char("H")).isEmpty)
        #expect(state.message?.text == "Already in the first pane")
        _ = state.press(.char("5"))
        #expect(state.press(.char("L")).isEmpty)
    }

    @Test func priorityMovesOnlyBetweenPendingPanes() {
        var state = Fixtures.state()
        _ = state.press(.char("3"))
        #expect(state.press(.char("+")).isEmpty)
        #expect(state.message?.text == "Already highest priority")
        #expect(state.press(.char("-")) == [.move(id: "h1", to: .medium)])
        _ = state.press(.char("5"))
        #expect(state.press(.char("-")).isEmpty)
        #expect(state.press(.char("+")) == [.move(id: "l1", to: .medium)])
        _ = state.press(.char("2"))
        #expect(state.press(.char("+")).isEmpty)
        #expect(state.message?.text.contains("pending") == true)
    }

    @Test func reloadKeepsSelectionByID() {
        var state = Fixtures.state()
        _ = state.press(.char("4"), .char("j"))
        #expect(state.selectedTask?.id == "m2")
        // A task is inserted above: m2 stays selected although its position changed.
        var tasks = Fixtures.tasks
        tasks.insert(BoardTask(id: "m0", title: "New first", pane: .medium), at: 7)
        state.reload(tasks: tasks)
        #expect(state.selectedTask?.id == "m2")
        #expect(state.selectedPosition(in: .medium) == 2)
        // The selected task disappears: the selection stays at the same position.
        tasks.removeAll { $0.id == "m2" }
        state.reload(tasks: tasks)
        #expect(state.selectedTask?.id == "m3")
    }

    @Test func filterAsYouTypeAcrossPanesCaseInsensitive() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        #expect(state.mode == .filter)
        _ = state.type("REV")
        #expect(state.filterText == "REV")
        #expect(state.visibleTasks(in: .inProgress).map(\.id) == ["p2"])
        #expect(state.visibleCount(in: .high) == 0)
        #expect(state.selectedTask?.id == "p2")
        _ = state.press(.backspace, .backspace, .backspace)
        _ = state.type("a")
        #expect(state.visibleCount(in: .medium) == 2) // Evaluate, Write ADR
        _ = state.press(.enter)
        #expect(state.mode == .normal)
        #expect(state.filterText == "a")
        _ = state.press(.escape)
        #expect(state.filterText == "")
        #expect(state.visibleCount(in: .medium) == 3)
    }

    @Test func filterEscClearsWhileTyping() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        _ = state.type("日本")
        #expect(state.visibleTasks(in: .medium).map(\.id) == ["m3"])
        _ = state.press(.escape)
        #expect(state.mode == .normal)
        #expect(state.filterText.isEmpty)
        #expect(state.visibleCount(in: .medium) == 3)
    }

    @Test func filterMatchesAcrossNormalisationForms() {
        var state = BoardState(tasks: [
            BoardTask(id: "a", title: "Cafe\u{301} menu", pane: .high),
            BoardTask(id: "b", title: "ÉCOLE", pane: .high),
            BoardTask(id: "c", title: "Other", pane: .high),
        ])
        _ = state.press(.char("/"))
        _ = state.type("café")
        #expect(state.visibleTasks(in: .high).map(\.id) == ["a"])
        _ = state.press(.escape, .char("/"))
        _ = state.type("e\u{301}co")
        #expect(state.visibleTasks(in: .high).map(\.id) == ["b"])
    }

    @Test func filterKeysDoNotTriggerActions() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        #expect(state.type("q d").isEmpty)
        #expect(state.mode == .filter)
        #expect(state.filterText == "q d")
    }

    @Test func addWithUTF8Editing() {
        var state = Fixtures.state()
        _ = state.press(.char("3"), .char("a"))
        guard case .editor(_, .add(.high)) = state.mode else {
            Issue.record("expected the add editor, got \(state.mode)")
            return
        }
        _ = state.type("Cafe\u{301} 漢字")
        _ = state.press(.left, .left, .backspace)    // removes the space before 漢字
        _ = state.press(.home, .delete)               // removes C
        _ = state.type("c")
        _ = state.press(.end)
        _ = state.type("👨‍👩‍👧")
        _ = state.press(.backspace)
        _ = state.type("!")
        let effects = state.press(.enter)
        #expect(effects == [.add(title: "cafe\u{301}漢字!", pane: .high)])
        #expect(state.mode == .normal)
    }

    @Test func editPrefillsAndEscCancels() {
        var state = Fixtures.state()
        _ = state.press(.char("e"))
        guard case .editor(let editor, .edit(id: "p1")) = state.mode else {
            Issue.record("expected the edit editor")
            return
        }
        #expect(editor.text == "Vector database validation")
        #expect(state.press(.escape).isEmpty)
        #expect(state.mode == .normal)
        _ = state.press(.char("e"), .end)
        _ = state.type(" (Qdrant)")
        #expect(state.press(.enter) == [.edit(id: "p1", title: "Vector database validation (Qdrant)")])
        // Unchanged or empty titles do nothing.
        _ = state.press(.char("e"))
        #expect(state.press(.enter).isEmpty)
        _ = state.press(.char("a"), .enter)
        #expect(state.message?.isError == true)
    }

    @Test func deleteAsksForConfirmation() {
        var state = Fixtures.state()
        #expect(state.press(.char("d")).isEmpty)
        #expect(state.mode == .confirmDelete(id: "p1"))
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.message?.text == "Delete cancelled")
        _ = state.press(.char("d"))
        #expect(state.press(.char("y")) == [.delete(id: "p1")])
        #expect(state.mode == .normal)
    }

    @Test func helpOverlayOpensAndAnyKeyCloses() {
        var state = Fixtures.state()
        _ = state.press(.char("?"))
        #expect(state.mode == .help)
        #expect(state.press(.char("q")).isEmpty)   // closes, does not quit
        #expect(state.mode == .normal)
    }

    @Test func conflictChooser() {
        var state = Fixtures.state()
        _ = state.press(.enter)
        #expect(state.mode == .normal)
        #expect(state.message?.text == "No conflict on this task")
        _ = state.press(.char("3"), .char("j"), .enter)
        #expect(state.mode == .conflict(id: "h2"))
        #expect(state.press(.char("t")) == [.resolveConflict(id: "h2", keepOwner: false)])
        _ = state.press(.enter)
        #expect(state.press(.char("o")) == [.resolveConflict(id: "h2", keepOwner: true)])
        _ = state.press(.enter)
        #expect(state.press(.escape).isEmpty)
        #expect(state.mode == .normal)
    }

    @Test func switchOwnerOnlyWithSeveralOwners() {
        var state = Fixtures.state()
        #expect(state.press(.char("o")).isEmpty)
        state.header.ownerCount = 2
        #expect(state.press(.char("o")) == [.switchOwner])
    }

    @Test func pagingMovesByListHeight() {
        var state = BoardState(tasks: Fixtures.many(500), viewportWidth: 80, viewportHeight: 24)
        _ = state.press(.char("4"))
        let page = BoardView.listHeight(width: 80, height: 24)
        _ = state.press(.pageDown)
        #expect(state.selectedPosition(in: .medium) == page)
        _ = state.press(.pageDown, .pageUp)
        #expect(state.selectedPosition(in: .medium) == page)
        _ = state.press(.char("G"))
        #expect(state.selectedPosition(in: .medium) == 99)
        #expect(state.scroll[Pane.medium.ordinal] == 100 - page)
    }

    @Test func emptyPaneExplains() {
        var state = BoardState(tasks: [BoardTask(id: "x", title: "Only", pane: .low)])
        _ = state.press(.char("1"))
        #expect(state.press(.char(" ")).isEmpty)
        #expect(state.message?.text == "No task selected")
    }

    @Test func unboundKeyShowsHint() {
        var state = Fixtures.state()
        #expect(state.press(.char("Z")).isEmpty)
        #expect(state.message?.text.contains("?") == true)
        _ = state.press(.char("j"))
        #expect(state.message == nil)
    }
}
