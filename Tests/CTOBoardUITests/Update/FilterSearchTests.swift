import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct FilterSearchTests {
    @Test func focusMovesToThePaneWithTheOnlyMatchSoSpaceActsOnIt() {
        var state = Fixtures.state()
        #expect(state.activePane == .inProgress)
        _ = state.press(.char("/"))
        _ = state.type("tidy")
        #expect(state.activePane == .low)
        _ = state.press(.enter)
        #expect(state.press(.char(" ")) == [.toggle(id: "l1")])
    }

    @Test func badgesAndStatesAreSearchable() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        _ = state.type("critical")
        #expect(Pane.allCases.flatMap { state.visibleTasks(in: $0).map(\.id) } == ["p1", "h1"])
        _ = state.press(.ctrl("u"))
        _ = state.type("VERIFY")
        #expect(Pane.allCases.flatMap { state.visibleTasks(in: $0).map(\.id) } == ["c2", "c3"])
        _ = state.press(.ctrl("u"))
        _ = state.type("conflict")
        #expect(Pane.allCases.flatMap { state.visibleTasks(in: $0).map(\.id) } == ["h2"])
        #expect(state.activePane == .high)
    }

    @Test func nAndShiftNStepThroughMatchesAcrossPanes() {
        var state = Fixtures.state()
        _ = state.press(.char("n"))
        #expect(state.message?.text == "No filter: press / to search first")
        _ = state.press(.char("/"))
        _ = state.type("critical")
        _ = state.press(.enter)
        #expect(state.selectedTask?.id == "p1")
        _ = state.press(.char("n"))
        #expect(state.selectedTask?.id == "h1")
        #expect(state.activePane == .high)
        _ = state.press(.char("n"))
        #expect(state.selectedTask?.id == "p1")
        _ = state.press(.char("N"))
        #expect(state.selectedTask?.id == "h1")
    }

    @Test func theMatchIsHighlightedInTheTitle() {
        var state = Fixtures.state()
        _ = state.press(.char("/"))
        _ = state.type("datab")
        _ = state.press(.enter)
        let buffer = BoardView.render(state, width: 80, height: 24)
        let row = buffer.line(3)
        #expect(row.contains("Vector database validation"))
        let start = row.distance(from: row.startIndex, to: row.range(of: "datab")!.lowerBound)
        #expect(buffer[start, 3].style.attributes.contains(.underline))
        #expect(buffer[start + 4, 3].style.attributes.contains(.underline))
        #expect(!buffer[start + 5, 3].style.attributes.contains(.underline))
        #expect(!buffer[start - 1, 3].style.attributes.contains(.underline))
    }
}
