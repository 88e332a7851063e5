import Foundation
import Testing
@testable import CTOBoardCore

/// Outside a git work tree, owners in different folders that share a TODO.md must still be
/// serialized: each also takes the lock beside TODO.md.
@Suite("Shared TODO.md lock outside git")
struct SharedTodoLockTests {
    @Test func ownersInDifferentFoldersShareTheLockBesideTodo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let todo = try dir.write("t/TODO.md", "## In Progress\n- [ ] A [Owner: CTO]\n- [ ] B [Owner: Security]\n")
        let cto = try dir.write("a/CTO.md", "## In Progress\n- [ ] A\n")
        let sec = try dir.write("b/SEC.md", "## In Progress\n- [ ] B\n")
        var config = Config()
        config.lockTimeout = 0.2
        let today = CalendarDate(year: 2026, month: 11, day: 27)
        let ctoSession = Session(paths: PairPaths(owner: "CTO", ownerDoc: cto, todo: todo), config: config, today: today)
        let secSession = Session(paths: PairPaths(owner: "Security", ownerDoc: sec, todo: todo), config: config, today: today)
        #expect(ctoSession.store.folder != secSession.store.folder)

        // While one owner's transaction holds the lock beside TODO.md, the other waits and gives up.
        _ = try ctoSession.perform(.toggle("A"))
        let shared = StateStore(folder: dir.path + "/t/.ctoboard")
        let held = try shared.lock(timeout: 1)
        #expect(throws: SessionError.self) { try secSession.perform(.toggle("B")) }
        held.unlock()
        _ = try secSession.perform(.toggle("B"))
        let text = String(decoding: try FileIO.readDocument(at: todo, missingHint: ""), as: UTF8.self)
        #expect(text.contains("- [x] A [Owner: CTO]") && text.contains("- [x] B [Owner: Security]"))
    }
}
