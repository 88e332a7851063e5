import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct ReviewTests {
    @Test func queueHasVerifyTasksThenInProgress() {
        let session = ReviewSession(tasks: Fixtures.tasks)
        #expect(session.queue == ["c2", "c3", "p1", "p2"])
        #expect(session.currentID == "c2")
        #expect(!session.finished)
    }

    @Test func walksEveryTaskAndEndsWithSummary() {
        var state = Fixtures.state()
        _ = state.press(.char("R"))
        guard case .review = state.mode else {
            Issue.record("expected review mode")
            return
        }
        #expect(state.press(.char("v")) == [.verify(id: "c2")])
        #expect(state.press(.char("k")).isEmpty)                                 // keep c3
        #expect(state.press(.char("m")).isEmpty)                                 // move p1 …
        #expect(state.press(.char("3")) == [.move(id: "p1", to: .high)])         // … to High
        #expect(state.press(.char("p")).isEmpty)                                 // reprioritize p2 …
        #expect(state.press(.char("l")) == [.move(id: "p2", to: .low)])
        guard case .review(let session) = state.mode else {
            Issue.record("expected the summary")
            return
        }
        #expect(session.finished)
        #expect(session.tally.verified == 1)
        #expect(session.tally.kept == 1)
        #expect(session.tally.moved == 1)
        #expect(session.tally.reprioritized == 1)
        let screen = BoardView.render(state, width: 100, height: 30).plainText()
        #expect(screen.contains("Weekly review complete"))
        #expect(screen.contains("Verified        1"))
        _ = state.press(.char("x"))
        #expect(state.mode == .normal)
        #expect(state.message?.text == "Review done: 1 verified, 0 completed, 1 kept, 1 moved, 1 reprioritized, 0 skipped")
    }

    @Test func completeSkipAndStopEarly() {
        var state = Fixtures.state()
        _ = state.press(.char("R"))
        #expect(state.press(.char("c")).isEmpty)        // c2 is already completed
        #expect(state.message?.isError == true)
        #expect(state.press(.char("s")).isEmpty)        // skip c2
        #expect(state.press(.char(" ")).isEmpty)        // skip c3
        #expect(state.press(.char("v")).isEmpty)        // p1 is not awaiting verification
        #expect(state.press(.char("c")) == [.complete(id: "p1")])
        #expect(state.press(.escape).isEmpty)           // stop early: summary
        guard case .review(let session) = state.mode else {
            Issue.record("expected the summary")
            return
        }
        #expect(session.finished)
        #expect(session.tally.skipped == 2)
        #expect(session.tally.completed == 1)
    }

    @Test func cardShowsCurrentTaskAndKeys() {
        var state = Fixtures.state()
        _ = state.press(.char("R"))
        let screen = BoardView.render(state, width: 100, height: 30).plainText()
        #expect(screen.contains("Task 1 of 4"))
        #expect(screen.contains("Security audit"))
        #expect(screen.contains("v verify"))
        _ = state.press(.char("m"))
        #expect(BoardView.render(state, width: 100, height: 30).plainText().contains("Move to: 1 Completed"))
    }

    @Test func reloadSkipsVanishedTask() {
        var state = Fixtures.state()
        _ = state.press(.char("R"))
        state.reload(tasks: Fixtures.tasks.filter { $0.id != "c2" })
        guard case .review(let session) = state.mode else {
            Issue.record("expected review mode")
            return
        }
        #expect(session.currentID == "c3")
    }

    @Test func nothingToReview() {
        var state = BoardState(tasks: [BoardTask(id: "x", title: "Only", pane: .low)])
        _ = state.press(.char("R"))
        #expect(state.mode == .normal)
        #expect(state.message?.text.hasPrefix("Nothing to review") == true)
    }
}
