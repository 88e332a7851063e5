import Foundation
import Testing
import CTOBoardCore

/// Kills `ctoboard` with SIGKILL at every step of a commit and checks that the next command
/// recovers the pair to both old or both new.
@Suite("Crash at every commit step", .serialized)
struct CrashTests {
    /// The operations: one that flips a byte in each document, one that moves lines.
    static let operations: [[String]] = [
        ["toggle", "Conduct security audits"],
        ["move", "Document Phoenix/Elixir stack architecture", "--to", "high"],
    ]

    /// The documents after `operation` without a crash.
    static func expectedAfter(_ operation: [String]) throws -> [Data] {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try ws.ctoboard(operation)
        #expect(r.status == 0, "\(r)")
        return ws.documents
    }

    @Test(arguments: FaultInjection.steps)
    func crashAtStepRecoversToOldOrNew(_ step: String) throws {
        for (index, operation) in Self.operations.enumerated() {
            let before = [Workspace.exampleOwner, Workspace.exampleTodo]
            let after = try Self.expectedAfter(operation)
            #expect(after[0] != before[0] && after[1] != before[1], "the operation changes both documents")

            let ws = try Workspace()
            defer { ws.remove() }
            let crashed = try ws.ctoboard(operation, env: ["CTOBOARD_FAULT": step])
            #expect(crashed.killed, "\(operation) with CTOBOARD_FAULT=\(step): \(crashed)")

            // Any command recovers on start: `check` for the toggle, `list` for the move.
            if index == 1 {
                let list = try ws.ctoboard(["list"])
                #expect(list.status == 0, "list after a crash at \(step): \(list)")
            }
            let check = try ws.ctoboard(["check"])
            #expect(check.status == 0, "check after a crash at \(step): \(check)")
            let docs = ws.documents
            #expect(docs == before || docs == after,
                    "after a crash at \(step) and recovery the documents are neither both old nor both new")
            #expect(ws.leftoverTemps.isEmpty, "temp files left after a crash at \(step): \(ws.leftoverTemps)")
            #expect(!ws.hasJournal, "journal left after a crash at \(step)")

            // Once the journal is complete the change is rolled forward; before, nothing happened.
            let committed = FaultInjection.steps.firstIndex(of: step)! >= FaultInjection.steps.firstIndex(of: "journal-written")!
            #expect(docs == (committed ? after : before), "crash at \(step)")

            // The pair is fully usable afterwards: the same change, or its undo, works.
            let next = try ws.ctoboard(committed ? ["undo"] : operation)
            #expect(next.status == 0, "\(next)")
            #expect(ws.documents == (committed ? before : after))
        }
    }

    @Test func crashDuringRecoveryIsRecoveredAgain() throws {
        // A crash after the journal is written, then another crash while the next command
        // rolls it forward (its own commit is never reached, recovery is idempotent).
        let ws = try Workspace()
        defer { ws.remove() }
        let operation = Self.operations[0]
        let after = try Self.expectedAfter(operation)
        #expect(try ws.ctoboard(operation, env: ["CTOBOARD_FAULT": "renamed-owner"]).killed)
        #expect(ws.hasJournal)
        // The owner document is new, TODO.md still old: half-changed until recovery.
        #expect(ws.ownerBytes == after[0] && ws.todoBytes == Workspace.exampleTodo)
        let check = try ws.ctoboard(["check"])
        #expect(check.status == 0, "\(check)")
        #expect(ws.documents == after)
        #expect(!ws.hasJournal)
    }

    /// A teammate's edit made after a crash, at any step from the commit point on, reaches the
    /// other document as it would have without the crash: recovery does not store it as agreed.
    @Test(arguments: ["journal-synced", "renamed-owner", "renamed-todo", "history-stored", "base-stored"])
    func anEditMadeAfterACrashIsCarried(_ step: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        #expect(try ws.ctoboard(["sync"]).status == 0)
        #expect(try ws.ctoboard(Self.operations[0], env: ["CTOBOARD_FAULT": step]).killed)
        let task = "Technology stack performance monitoring"
        let todo = String(decoding: ws.todoBytes, as: UTF8.self)
        #expect(todo.contains("- [ ] \(task) [Owner: CTO]"))
        try Data(todo.replacingOccurrences(of: "- [ ] \(task) [Owner: CTO]", with: "- [x] \(task) [Owner: CTO]").utf8)
            .write(to: URL(fileURLWithPath: ws.todo))
        let sync = try ws.ctoboard(["sync"])
        #expect(sync.status == 0, "after a crash at \(step): \(sync)")
        #expect(String(decoding: ws.ownerBytes, as: UTF8.self).contains("- [x] \(task)\n"), "after a crash at \(step)")
        #expect(String(decoding: ws.ownerBytes, as: UTF8.self).contains("- [x] Conduct security audits"), "the crashed toggle")
        #expect(try ws.ctoboard(["check"]).status == 0)
    }
}
