import CTOBoardCore
import Foundation
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
        #expect(screen.contains("Verified (1)"))
        #expect(screen.contains("  · Security audit"))
        #expect(screen.contains("Kept as is (1)"))
        #expect(screen.contains("  · Migrate DNS"))
        #expect(screen.contains("Moved (1)"))
        #expect(screen.contains("  · Vector database validation"))
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
        // Stopped early: the summary lists the task not reviewed.
        #expect(session.notReviewed == ["Review PRs"])
        let screen = BoardView.render(state, width: 100, height: 30).plainText()
        #expect(screen.contains("Weekly review stopped: 1 not reviewed"))
        #expect(screen.contains("Not reviewed (1)"))
        #expect(screen.contains("  · Review PRs"))
        #expect(screen.contains("Skipped (left for later) (2)"))
    }

    @Test func theBoardBehindTheCardSelectsTheTaskUnderReview() {
        var state = Fixtures.state(width: 160, height: 30)
        _ = state.press(.char("R"))
        #expect(state.activePane == .completed)
        #expect(state.selectedTask?.id == "c2")
        _ = state.press(.char("k"), .char("k"))
        #expect(state.activePane == .inProgress)
        #expect(state.selectedTask?.id == "p1")
        // Scrolled into view on a long pane.
        var many = BoardState(tasks: Fixtures.many(2000), viewportWidth: 120, viewportHeight: 30)
        _ = many.press(.char("R"))
        for _ in 0..<300 { _ = many.press(.char("s")) }
        guard case .review(let session) = many.mode, let id = session.currentID else { Issue.record("review"); return }
        #expect(many.selectedTask?.id == id)
        #expect(BoardView.render(many, width: 120, height: 30).plainText().contains("▶"))
    }

    @Test func keepAndSkipAreDistinctAndSayWhatTheyDid() {
        var state = Fixtures.state()
        _ = state.press(.char("R"), .char("k"))
        #expect(state.message?.text == "Kept “Security audit” as it is (reviewed, nothing to change)")
        _ = state.press(.char("s"))
        #expect(state.message?.text == "Skipped “Migrate DNS”: left for later, not reviewed")
        guard case .review(let session) = state.mode else { Issue.record("review"); return }
        #expect(session.outcomes == ["c2": .kept, "c3": .skipped])
    }

    @Test func backAndUndo() {
        var state = Fixtures.state()
        _ = state.press(.char("R"))
        #expect(state.press(.char("v")) == [.verify(id: "c2")])
        _ = state.press(.char("b"))
        guard case .review(let back) = state.mode else { Issue.record("review"); return }
        #expect(back.currentID == "c2")
        _ = state.press(.down, .up)       // ↓ skips c2 again, ↑ goes back
        #expect(state.selectedTask?.id == "c2")
        // u takes back the skip (no document change), then the verify (undoes it in the documents).
        #expect(state.press(.char("u")).isEmpty)
        #expect(state.press(.char("u")) == [.undo])
        guard case .review(let undone) = state.mode else { Issue.record("review"); return }
        #expect(undone.outcomes.isEmpty)
        #expect(undone.currentID == "c2")
        #expect(state.press(.char("u")).isEmpty)
        #expect(state.message?.text == "Nothing to undo in this review")
    }

    @Test func footerListsTheReviewKeysAndTheCardKeepsItsPlace() {
        var state = Fixtures.state(width: 100, height: 30)
        var tasks = Fixtures.tasks
        tasks[1] = BoardTask(id: "c2", title: String(repeating: "very long title ", count: 8), pane: .completed, state: .verify)
        state.reload(tasks: tasks)
        _ = state.press(.char("R"))
        let first = BoardView.render(state, width: 100, height: 30).plainText().components(separatedBy: "\n")
        #expect(first[29].contains("b/↑ back  u undo  q stop"))
        // The long title is shown in full, wrapped.
        let card = first.map { line in line.split(separator: "│").dropFirst().first.map(String.init) ?? "" }
        let words = card.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains(String(repeating: "very long title ", count: 8).trimmingCharacters(in: .whitespaces)))
        _ = state.press(.char("k"))
        let second = BoardView.render(state, width: 100, height: 30).plainText().components(separatedBy: "\n")
        let corner = { (lines: [String]) in lines.firstIndex { $0.contains("┌─ Weekly review") } }
        #expect(corner(first) == corner(second))
        #expect(first[corner(first)!].firstIndex(of: "┌") == second[corner(second)!].firstIndex(of: "┌"))
    }

    @Test func markdownNotesNameEveryTask() {
        var state = Fixtures.state()
        _ = state.press(.char("R"), .char("v"), .char("s"), .char("q"))
        guard case .review(let session) = state.mode else { Issue.record("review"); return }
        #expect(session.markdown(date: "2026-01-12") == """
        # Weekly review 2026-01-12

        Review done: 1 verified, 0 completed, 0 kept, 0 moved, 0 reprioritized, 1 skipped, 2 not reviewed.

        ## Verified (1)

        - Security audit

        ## Skipped (left for later) (1)

        - Migrate DNS

        ## Not reviewed (2)

        - Vector database validation
        - Review PRs

        """)
        _ = state.press(.char("x"))
        #expect(state.lastReview == session)
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
