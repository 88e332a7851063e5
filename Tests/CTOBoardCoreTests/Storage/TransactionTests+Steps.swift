import Foundation
import Testing
@testable import CTOBoardCore

/// The commit protocol step by step (``PairTransaction``), through the fault hooks: a failure
/// or a crash at every step, and another program's write landing between the check of the
/// documents and their replacement.
extension TransactionTests {
    private static let appended = Array("- [ ] Appended by another program\n".utf8)

    private func commit(_ box: SyncSandbox) throws(PairTransaction.Failure) {
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
    }

    /// Every step of a commit: those before the change is made (the history line) are first.
    private static func isMade(_ step: String) -> Bool {
        FaultInjection.steps.firstIndex(of: step)! >= FaultInjection.steps.firstIndex(of: "history-stored")!
    }

    /// Checks the pair after recovery: both new with the base and one history line, or both old.
    private func expectRecovered(_ box: SyncSandbox, new: Bool, _ step: String) throws {
        _ = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        if new {
            #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo, "\(step): not both new")
            #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo), "\(step)")
            #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine, "\(step)")
        } else {
            #expect(box.ownerBytes == oldOwner && box.todoBytes == oldTodo, "\(step): not both old")
            #expect(box.store.loadBase(box.paths) == nil, "\(step)")
        }
        #expect(!FileIO.isFile(box.store.journalPath), "\(step): journal left")
        #expect(box.leftoverTemps.isEmpty, "\(step): temp files left")
    }

    @Test(arguments: FaultInjection.steps)
    func aFailureAtEveryStepLeavesBothOldOrBothNew(_ step: String) throws {
        let box = try sandbox()
        defer { box.remove() }
        FaultInjection.setHook(under: box.dir) { reached in reached == step ? EIO : nil }
        defer { FaultInjection.setHook(under: box.dir, nil) }
        if Self.isMade(step) {
            // The change is made; what is left is finished by the next start.
            try commit(box)
            #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo)
        } else {
            #expect(throws: PairTransaction.Failure.self) { try commit(box) }
            #expect(box.ownerBytes == oldOwner && box.todoBytes == oldTodo, "\(step): a document changed")
            #expect(!FileIO.isFile(box.store.journalPath), "\(step): journal left")
        }
        FaultInjection.setHook(under: box.dir, nil)
        try expectRecovered(box, new: Self.isMade(step), step)
    }

    /// A crash at a step leaves the files as they are when it is reached: they are copied there,
    /// put back once the commit is over, and recovered from.
    @Test(arguments: FaultInjection.steps)
    func aCrashAtEveryStepRecoversToBothOldOrBothNew(_ step: String) throws {
        let box = try sandbox()
        defer { box.remove() }
        let saved = Snapshot()
        FaultInjection.setHook(under: box.dir) { reached in
            if reached == step { saved.take(box.dir) }
            return nil
        }
        try commit(box)
        FaultInjection.setHook(under: box.dir, nil)
        try saved.restore(box.dir)
        let committed = FaultInjection.steps.firstIndex(of: step)! >= FaultInjection.steps.firstIndex(of: "journal-written")!
        try expectRecovered(box, new: committed, step)
    }

    /// Another program appends to TODO.md after it was checked and before it is replaced (at
    /// the check itself, after the commit point, after the owner document is renamed): the
    /// commit puts both documents back, the append survives, and the caller is told to retry.
    @Test(arguments: ["verified", "journal-synced", "renamed-owner"])
    func anotherProgramsWriteBeforeTheRenameSurvives(_ step: String) throws {
        let box = try sandbox()
        defer { box.remove() }
        let todo = box.paths.todo, line = Self.appended
        FaultInjection.setHook(under: box.dir) { reached in
            if reached == step { Self.append(line, to: todo) }
            return nil
        }
        defer { FaultInjection.setHook(under: box.dir, nil) }
        #expect(throws: PairTransaction.Failure.changedUnderneath(path: box.paths.todo)) { try commit(box) }
        #expect(box.todoBytes == oldTodo + Self.appended)
        #expect(box.ownerBytes == oldOwner)
        #expect(!FileIO.isFile(box.store.journalPath))
        #expect(box.leftoverTemps.isEmpty)
        #expect(box.store.loadBase(box.paths) == nil)
    }

    /// A save by rename (a new file put at TODO.md's path) after the check is not replaced unseen.
    @Test func anotherProgramsSaveByRenameSurvives() throws {
        let box = try sandbox()
        defer { box.remove() }
        let theirs = oldTodo + Self.appended, todo = box.paths.todo
        FaultInjection.setHook(under: box.dir) { reached in
            if reached == "journal-synced" { try? SyncSandbox.write(theirs, to: todo + ".theirs"); rename(todo + ".theirs", todo) }
            return nil
        }
        defer { FaultInjection.setHook(under: box.dir, nil) }
        #expect(throws: PairTransaction.Failure.changedUnderneath(path: box.paths.todo)) { try commit(box) }
        #expect(box.todoBytes == theirs)
        #expect(box.ownerBytes == oldOwner)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    /// A change whose commit meets another program's write is planned again on the documents
    /// as they are then: both the change and the write are in the result.
    @Test func sessionPlansAgainWhenADocumentChangedUnderneath() throws {
        let box = try sandbox()
        defer { box.remove() }
        let todo = box.paths.todo, line = Self.appended
        let writes = Counter()
        FaultInjection.setHook(under: box.dir) { reached in
            if reached == "verified", writes.next() == 0 { Self.append(line, to: todo) }
            return nil
        }
        defer { FaultInjection.setHook(under: box.dir, nil) }
        _ = try box.session(updateLastUpdated: false).perform(.toggle("Build API"))
        #expect(writes.value == 2, "planned twice")
        #expect(box.todoBytes == newTodo + Self.appended)
        #expect(box.ownerBytes == newOwner)
    }

    private static func append(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
    }

    /// Every file under a folder, taken at one moment and put back later.
    private final class Snapshot: @unchecked Sendable {
        private var files: [String: Data] = [:]
        private var taken = false

        func take(_ dir: String) {
            taken = true
            let e = FileManager.default.enumerator(atPath: dir)
            while let rel = e?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: dir + "/" + rel), !FileIO.isDirectory(dir + "/" + rel) {
                    files[rel] = data
                }
            }
        }

        func restore(_ dir: String) throws {
            #expect(taken, "the step was reached")
            let e = FileManager.default.enumerator(atPath: dir)
            var present: [String] = []
            while let rel = e?.nextObject() as? String {
                if !FileIO.isDirectory(dir + "/" + rel) { present.append(rel) }
            }
            for rel in present where files[rel] == nil { unlink(dir + "/" + rel) }
            for (rel, data) in files { try SyncSandbox.write(Array(data), to: dir + "/" + rel) }
        }
    }

    private final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func next() -> Int { defer { value += 1 }; return value }
    }
}
