import Foundation
import Testing

/// The board's side of a conflict, through `ctoboard snapshot`: the header counts the tasks
/// marked CONFLICT, and the dialog shows both versions and what differs.
@Suite struct BoardConflictTests {
    static let elixir = "- [ ] Evaluate Elixir as business logic layer for high-concurrency services"

    /// The owner checks the Elixir task while TODO.md moves it to Low.
    func conflictedWorkspace() throws -> Workspace {
        let ws = try Workspace()
        #expect(try ws.ctoboard(["sync"]).status == 0)
        var owner = String(decoding: ws.ownerBytes, as: UTF8.self)
        owner = owner.replacingOccurrences(of: Self.elixir, with: Self.elixir.replacingOccurrences(of: "[ ]", with: "[x]"))
        try owner.write(toFile: ws.ownerDoc, atomically: true, encoding: .utf8)
        var todo = String(decoding: ws.todoBytes, as: UTF8.self)
        let line = Self.elixir + " [Owner: CTO]\n"
        todo = todo.replacingOccurrences(of: line, with: "")
        todo = todo.replacingOccurrences(of: "### Low Priority\n", with: "### Low Priority\n" + line)
        try todo.write(toFile: ws.todo, atomically: true, encoding: .utf8)
        return ws
    }

    /// A rename in the owner document and a checkbox in TODO.md: one conflict, whose dialog says
    /// what differs, and one choice settles it with no duplicate and no deletion.
    @Test func aRenameAndACheckboxAreOneConflictSettledByOneChoice() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        #expect(try ws.ctoboard(["sync"]).status == 0)
        let task = "- [ ] Conduct security audits"
        let owner = String(decoding: ws.ownerBytes, as: UTF8.self)
            .replacingOccurrences(of: task, with: "- [ ] Conduct quarterly security audits")
        try owner.write(toFile: ws.ownerDoc, atomically: true, encoding: .utf8)
        let todo = String(decoding: ws.todoBytes, as: UTF8.self).replacingOccurrences(of: task, with: "- [x] Conduct security audits")
        try todo.write(toFile: ws.todo, atomically: true, encoding: .utf8)
        // One task, one row: the renamed version is not a second task beside the conflict.
        let board = try ws.ctoboard(["snapshot", "--width", "160", "--height", "40", "--keys", "/security audits<enter>"])
        let rows = board.stdout.components(separatedBy: "\n").filter { $0.contains("│") && $0.contains("Conduct ") }
        #expect(rows.count == 1 && rows[0].contains("CONFLICT Conduct quarterl"), "\(board.stdout)")
        // Its details name both lines.
        #expect(board.stdout.contains("Lines: CTO_OWNER.md:112 · TODO.md:"), "\(board.stdout)")
        let dialog = try ws.ctoboard(["snapshot", "--width", "120", "--height", "40", "--keys", "/conflict<enter><enter>"])
        #expect(dialog.stdout.contains("! 1 conflict "), "\(dialog.stdout)")
        #expect(dialog.stdout.contains("they differ in: checkbox, title"), "\(dialog.stdout)")
        let chosen = try ws.ctoboard(["snapshot", "--width", "120", "--height", "40", "--keys", "/conflict<enter><enter>t"])
        #expect(chosen.status == 0)
        let ownerAfter = String(decoding: ws.ownerBytes, as: UTF8.self), todoAfter = String(decoding: ws.todoBytes, as: UTF8.self)
        #expect(ownerAfter.components(separatedBy: "security audits").count == 2, "\(ownerAfter)")
        #expect(ownerAfter.contains("- [x] Conduct security audits\n"))
        #expect(todoAfter.components(separatedBy: "security audits").count == 2)
        #expect(try ws.ctoboard(["check"]).status == 0)
    }

    @Test func headerCountsTheTasksMarkedConflictAndTheDialogShowsBothVersions() throws {
        let ws = try conflictedWorkspace()
        defer { ws.remove() }
        let board = try ws.ctoboard(["snapshot", "--width", "120", "--height", "40"])
        #expect(board.status == 0)
        // The rows marked CONFLICT (not the footer's hint, which uses the same word).
        let rows = board.stdout.components(separatedBy: "\n").filter { !$0.contains("to choose") }
        let marked = rows.reduce(0) { $0 + $1.components(separatedBy: "CONFLICT").count - 1 }
        #expect(marked == 1)
        #expect(board.stdout.contains("! 1 conflict "), "\(board.stdout)")
        #expect(board.stdout.contains("press Enter on a task marked CONFLICT to choose"))
        let dialog = try ws.ctoboard(["snapshot", "--width", "120", "--height", "40", "--keys", "/conflict<enter><enter>"])
        #expect(dialog.stdout.contains("Resolve conflict"))
        #expect(dialog.stdout.contains("they differ in: checkbox, pane"), "\(dialog.stdout)")
        // Both versions in full, wrapped inside the box.
        let words = dialog.stdout.split(whereSeparator: { " \n│".contains($0) }).joined(separator: " ")
        #expect(words.contains("- [x] Evaluate Elixir as business logic layer for high-concurrency services TODO.md"))
        #expect(words.contains("- [ ] Evaluate Elixir as business logic layer for high-concurrency services [Owner: CTO]"))
    }

    /// Several conflicts at once, and an open sync that writes the documents (and so moves
    /// lines) before the board shows them: a task renamed differently on each side is still one
    /// row, on the very first open.
    @Test func aRenamedTaskIsOneRowOnTheFirstOpenToo() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        #expect(try ws.ctoboard(["sync"]).status == 0)
        var owner = String(decoding: ws.ownerBytes, as: UTF8.self), todo = String(decoding: ws.todoBytes, as: UTF8.self)
        owner = owner.replacingOccurrences(of: "- [ ] Conduct security audits\n", with: "- [ ] Review and approve all architecture decisions (security)\n")
        todo = todo.replacingOccurrences(of: "- [ ] Conduct security audits [Owner: CTO]", with: "- [x] Conduct security audits [Owner: CTO]")
        owner = owner.replacingOccurrences(of: "- [ ] Establish code review process\n", with: "- [ ] Establish code review process v2\n")
        todo = todo.replacingOccurrences(of: "- [ ] Establish code review process [Owner: CTO]", with: "- [ ] Establish code review process v3 [Owner: CTO]")
        owner = owner.replacingOccurrences(of: "- [ ] Technical debt review and planning\n", with: "- [ ] Technical debt review\n")
        todo = todo.replacingOccurrences(of: "- [ ] Technical debt review and planning [Owner: CTO]\n", with: "")
        try owner.write(toFile: ws.ownerDoc, atomically: true, encoding: .utf8)
        try todo.write(toFile: ws.todo, atomically: true, encoding: .utf8)
        let board = try ws.ctoboard(["snapshot", "--width", "140", "--height", "45", "--keys", "4z"])
        #expect(board.status == 0, "\(board)")
        let rows = board.stdout.components(separatedBy: "\n").filter { $0.contains("Establish code review process") && $0.contains("[") }
        #expect(rows.count == 1 && rows[0].contains("CONFLICT"), "\(board.stdout)")
    }
}
