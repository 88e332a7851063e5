import Foundation
import Testing
@testable import CTOBoardCore

/// A checkbox change and a rename of the same task are one conflict, resolved by one choice, as
/// the board makes it (a preference for the task's id): no choice deletes or duplicates it.
@Suite("Sync: one conflict, one choice")
struct ConflictChoiceTests {
    private func count(_ fragment: String, in bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: fragment).count - 1
    }

    @Test(arguments: [SyncEngine.Side.owner, .todo])
    func aRenameAndACheckboxAreOneChoice(_ side: SyncEngine.Side) throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session().sync()
        let owner = String(decoding: box.ownerBytes, as: UTF8.self).replacingOccurrences(of: "- [ ] Audit security", with: "- [ ] Audit security and access")
        let todo = String(decoding: box.todoBytes, as: UTF8.self).replacingOccurrences(of: "- [ ] Audit security", with: "- [x] Audit security")
        try SyncSandbox.write(Array(owner.utf8), to: box.paths.ownerDoc)
        try SyncSandbox.write(Array(todo.utf8), to: box.paths.todo)
        let first = try box.session().sync()
        #expect(first.plan.conflicts.count == 1, "\(first.plan.conflicts.map(\.summary))")
        let id = try #require(first.plan.conflicts.first?.id)
        let chosen = try box.session().sync(preferences: [id: side])
        #expect(chosen.plan.conflicts.isEmpty)
        let after = (box.ownerBytes, box.todoBytes)
        // A second prompt (the other side's id, the other choice) finds nothing left to decide.
        let other = TaskMatcher.id(TitleKey.make(Array((side == .owner ? "Audit security" : "Audit security and access").utf8)), 1)
        let flipped: SyncEngine.Side = side == .owner ? .todo : .owner
        var preferences = [id: flipped]
        preferences[other] = flipped
        let again = try box.session().sync(preferences: preferences)
        #expect(again.plan.conflicts.isEmpty && again.plan.carried.isEmpty, "\(again.plan.carried)")
        #expect(box.ownerBytes == after.0 && box.todoBytes == after.1)
        for doc in [box.ownerBytes, box.todoBytes] {
            #expect(count("Audit security", in: doc) == 1)
            #expect(count(side == .owner ? "[ ] Audit security and access" : "[x] Audit security", in: doc) == 1)
        }
        #expect(try box.loadPair().drift().isEmpty)
    }
}
