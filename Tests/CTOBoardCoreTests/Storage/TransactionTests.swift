import Foundation
import Testing
@testable import CTOBoardCore

@Suite("Pair transaction")
struct TransactionTests {
    let oldOwner = DocLayout.lf.render(SyncFixture.ownerLines)
    let oldTodo = DocLayout.lf.render(SyncFixture.todoLines)
    let newOwner = DocLayout.lf.render(applying([.replace("- [ ] Build API", "- [x] Build API")], to: SyncFixture.ownerLines))
    let newTodo = DocLayout.lf.render(applying([.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")], to: SyncFixture.todoLines))
    let historyLine = Array("{\"test\":1}\n".utf8)

    func sandbox() throws -> SyncSandbox {
        let box = try SyncSandbox(owner: oldOwner, todo: oldTodo)
        try box.store.ensureFolder()
        return box
    }

    private func journal(_ box: SyncSandbox, entries: [Journal.Entry]) -> Journal {
        Journal(basePath: box.store.basePath(box.paths), pair: box.paths, entries: entries,
                historyPath: box.store.historyPath(box.paths), historyLine: historyLine)
    }

    private func bothEntries(_ box: SyncSandbox) -> [Journal.Entry] {
        [Journal.Entry(path: box.paths.ownerDoc, old: oldOwner, new: newOwner),
         Journal.Entry(path: box.paths.todo, old: oldTodo, new: newTodo)]
    }

    private func inode(_ path: String) -> UInt64 {
        var st = stat()
        return stat(path, &st) == 0 ? UInt64(st.st_ino) : 0
    }

    private func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    @Test func commitWritesBothBaseAndHistoryAndRemovesTheJournal() throws {
        let box = try sandbox()
        defer { box.remove() }
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        #expect(box.ownerBytes == newOwner)
        #expect(box.todoBytes == newTodo)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo))
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
        #expect(!FileIO.isFile(box.store.journalPath))
        #expect(box.leftoverTemps.isEmpty)
    }

    /// A journal still there after the change was made (a crash while the base was stored,
    /// or its removal lost to a power cut) is rolled forward again to the same result: the
    /// documents untouched, the history line not doubled, the base new.
    @Test func aJournalLeftAfterTheChangeIsRolledForwardAgain() throws {
        let box = try sandbox()
        defer { box.remove() }
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        try SyncSandbox.write(BaseSnapshot(owner: oldOwner, todo: oldTodo).encode(), to: box.store.basePath(box.paths))
        let ownerInode = inode(box.paths.ownerDoc), todoInode = inode(box.paths.todo)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.rolledForward && r.merged.isEmpty && r.rescued.isEmpty)
        #expect(inode(box.paths.ownerDoc) == ownerInode && inode(box.paths.todo) == todoInode)
        #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo)
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo))
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    /// A change to one document journals the other one as it is. Recovery leaves that one alone,
    /// even when it was edited since, and its base stays what the transaction saw, so that the
    /// next sync carries the edit.
    @Test func recoverLeavesTheUnchangedDocumentAlone() throws {
        let box = try sandbox()
        defer { box.remove() }
        let edited = oldTodo + Array("- [ ] Late edit [Owner: CTO]\n".utf8)
        try SyncSandbox.write(edited, to: box.paths.todo)
        let entries = [Journal.Entry(path: box.paths.ownerDoc, old: oldOwner, new: newOwner),
                       Journal.Entry(path: box.paths.todo, old: oldTodo, new: oldTodo)]
        try SyncSandbox.write(journal(box, entries: entries).encode(), to: box.store.journalPath)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.rolledForward)
        #expect(r.merged.isEmpty && r.rescued.isEmpty)
        #expect(box.ownerBytes == newOwner)
        #expect(box.todoBytes == edited)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: oldTodo))
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func commitRefusesWhenADocumentChangedUnderneath() throws {
        let box = try sandbox()
        defer { box.remove() }
        let someoneElse = oldTodo + Array("- [ ] Late edit [Owner: CTO]\n".utf8)
        try SyncSandbox.write(someoneElse, to: box.paths.todo)
        #expect(throws: PairTransaction.Failure.changedUnderneath(path: box.paths.todo)) {
            try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                       historyLine: historyLine, store: box.store)
        }
        #expect(box.ownerBytes == oldOwner)
        #expect(box.todoBytes == someoneElse)
        #expect(box.leftoverTemps.isEmpty)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func recoverRollsForwardWhenBothDocumentsAreOld() throws {
        let box = try sandbox()
        defer { box.remove() }
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.rolledForward)
        #expect(!r.discarded)
        #expect(r.merged.isEmpty && r.rescued.isEmpty)
        #expect(box.ownerBytes == newOwner)
        #expect(box.todoBytes == newTodo)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo))
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
        #expect(!FileIO.isFile(box.store.journalPath))
        // A second recovery has nothing to do, and does not append the history line again.
        let again = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(!again.rolledForward)
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
    }

    @Test func recoverLeavesADocumentAlreadyNew() throws {
        let box = try sandbox()
        defer { box.remove() }
        try SyncSandbox.write(newOwner, to: box.paths.ownerDoc)
        let ownerInode = inode(box.paths.ownerDoc)
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        // The history line was already appended before the crash: it is not doubled.
        try SyncSandbox.write(historyLine, to: box.store.historyPath(box.paths))
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.rolledForward)
        #expect(box.ownerBytes == newOwner)
        #expect(inode(box.paths.ownerDoc) == ownerInode, "a document already new is not rewritten")
        #expect(box.todoBytes == newTodo)
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func recoverMergesADocumentEditedSince() throws {
        let box = try sandbox()
        defer { box.remove() }
        // Someone checked "Tune costs" in the owner document after the crash.
        let edited = DocLayout.lf.render(applying([.replace("- [ ] Tune costs", "- [x] Tune costs")], to: SyncFixture.ownerLines))
        try SyncSandbox.write(edited, to: box.paths.ownerDoc)
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.merged == [box.paths.ownerDoc])
        #expect(r.rescued.isEmpty)
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.replace("- [ ] Build API", "- [x] Build API"), .replace("- [ ] Tune costs", "- [x] Tune costs")], to: SyncFixture.ownerLines))))
        #expect(box.todoBytes == newTodo)
        // The base is the agreement from before the commit, not the edited bytes: the edit is
        // still to be carried, and the next sync carries it (no conflict, nothing else changed).
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: oldOwner, todo: oldTodo))
        #expect(!FileIO.isFile(box.store.journalPath))
        let sync = try box.session().sync()
        #expect(sync.plan.conflicts.isEmpty, "\(sync.plan.conflicts)")
        #expect(box.todoBytes == DocLayout.lf.render(applying([.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]"),
                                                               .replace("- [ ] Tune costs [Owner: CTO]", "- [x] Tune costs [Owner: CTO]")],
                                                              to: SyncFixture.todoLines)))
    }

    /// A document the interrupted commit changes, deleted since, is not brought back: the
    /// command says what to do, and the change waits in the journal until it is restored.
    @Test func recoverLeavesAMissingDocumentMissing() throws {
        let box = try sandbox()
        defer { box.remove() }
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        unlink(box.paths.todo)
        #expect(throws: SessionError.document(.missing(path: box.paths.todo, hint: "ctoboard was interrupted while changing it; restore it (for example `git checkout -- '\(DisplayPath.relative(box.paths.todo))'`) and run the command again to finish that change"))) {
            try box.session().sync()
        }
        #expect(!FileIO.isFile(box.paths.todo))
        #expect(box.ownerBytes == oldOwner, "the other document was rolled forward without this one")
        #expect(FileIO.isFile(box.store.journalPath))
        // Restored: the change is finished.
        try SyncSandbox.write(oldTodo, to: box.paths.todo)
        _ = try box.session().load()
        #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func recoverNeverOverwritesAConflictingEdit() throws {
        let box = try sandbox()
        defer { box.remove() }
        // Someone rewrote the very line the journal changes.
        let edited = DocLayout.lf.render(applying([.replace("- [ ] Build API", "- [ ] Build the public API")], to: SyncFixture.ownerLines))
        try SyncSandbox.write(edited, to: box.paths.ownerDoc)
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.rescued == [box.paths.ownerDoc])
        #expect(box.ownerBytes == edited)
        #expect(try FileIO.readRaw(at: box.paths.ownerDoc + ".ctoboard-rescued") == newOwner)
        #expect(!FileIO.isFile(box.store.journalPath))
        // The next sync sees the rename in one document and the toggle in the other: one
        // conflict, shown, and neither version lost.
        let sync = try box.session().sync()
        #expect(sync.plan.conflicts.count == 1, "\(sync.plan.conflicts)")
        #expect(box.ownerBytes == edited && box.todoBytes == newTodo)
    }

    @Test(arguments: ["truncated", "flipped", "garbage", "empty"])
    func recoverDiscardsAnIncompleteJournal(_ damage: String) throws {
        let box = try sandbox()
        defer { box.remove() }
        var bytes = journal(box, entries: bothEntries(box)).encode()
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped": bytes[bytes.count / 2] ^= 0x40
        case "garbage": bytes = Array("not a journal at all\n".utf8)
        default: bytes = []
        }
        try SyncSandbox.write(bytes, to: box.store.journalPath)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(r.discarded)
        #expect(!r.rolledForward)
        #expect(box.ownerBytes == oldOwner)
        #expect(box.todoBytes == oldTodo)
        #expect(box.store.loadBase(box.paths) == nil)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func recoverRemovesStagedTempFiles() throws {
        let box = try sandbox()
        defer { box.remove() }
        _ = try AtomicFile.stage(newOwner, for: box.paths.ownerDoc, step: "")
        #expect(box.leftoverTemps.count == 1)
        let r = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(!r.rolledForward && !r.discarded)
        #expect(box.leftoverTemps.isEmpty)
        #expect(box.ownerBytes == oldOwner)
        // Session.load recovers too when only a temp file is left.
        _ = try AtomicFile.stage(newTodo, for: box.paths.todo, step: "")
        _ = try box.session().load()
        #expect(box.leftoverTemps.isEmpty)
        #expect(box.todoBytes == oldTodo)
    }

    @Test func sessionLoadRollsForwardAJournal() throws {
        let box = try sandbox()
        defer { box.remove() }
        try SyncSandbox.write(journal(box, entries: bothEntries(box)).encode(), to: box.store.journalPath)
        let pair = try box.session().load()
        #expect(pair.ownerDoc.document.bytes == newOwner)
        #expect(pair.todo.document.bytes == newTodo)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    @Test func symlinkedDocumentIsWrittenThroughAndTheLinkKept() throws {
        let box = try sandbox()
        defer { box.remove() }
        // The owner document is a relative symlink to a file in another folder.
        let realFolder = box.dir + "/real"
        try FileManager.default.createDirectory(atPath: realFolder, withIntermediateDirectories: true)
        let target = realFolder + "/owner.md"
        try SyncSandbox.write(oldOwner, to: target)
        try FileManager.default.removeItem(atPath: box.paths.ownerDoc)
        #expect(symlink("../real/owner.md", box.paths.ownerDoc) == 0)
        let outcome = try box.session(updateLastUpdated: false).perform(.toggle("Build API"))
        #expect(outcome.change.kind == .toggled)
        var st = stat()
        #expect(lstat(box.paths.ownerDoc, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "the link is kept")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: box.paths.ownerDoc) == "../real/owner.md")
        #expect(try FileIO.readRaw(at: target) == newOwner)
        #expect(box.todoBytes == newTodo)
        // No temp file next to the link or the target.
        #expect(box.leftoverTemps.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: realFolder) == ["owner.md"])
    }

    @Test func fileModeIsPreserved() throws {
        let box = try sandbox()
        defer { box.remove() }
        #expect(chmod(box.paths.ownerDoc, 0o640) == 0)
        #expect(chmod(box.paths.todo, 0o604) == 0)
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        #expect(box.ownerBytes == newOwner)
        #expect(mode(box.paths.ownerDoc) == 0o640)
        #expect(mode(box.paths.todo) == 0o604)
        // Recovery keeps the mode too.
        try SyncSandbox.write(Journal(basePath: box.store.basePath(box.paths), pair: box.paths,
                                      entries: [Journal.Entry(path: box.paths.ownerDoc, old: newOwner, new: oldOwner),
                                                Journal.Entry(path: box.paths.todo, old: newTodo, new: newTodo)],
                                      historyPath: box.store.historyPath(box.paths), historyLine: []).encode(),
                              to: box.store.journalPath)
        _ = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(box.ownerBytes == oldOwner)
        #expect(mode(box.paths.ownerDoc) == 0o640)
    }

    @Test func journalRoundTrips() {
        let j = Journal(basePath: "/s/base", pair: SyncFixture.paths,
                        entries: [Journal.Entry(path: "/a", old: [1, 2, 0, 3], new: []), Journal.Entry(path: "/b", old: [], new: Array("x\r\n".utf8)),
                                  Journal.Entry(path: "/c", old: [0xFF, 0x0A], new: [0xFF, 0x0A])],
                        historyPath: "/s/h", historyLine: Array("{}\n".utf8))
        #expect(Journal.decode(j.encode()) == j)
        let b = BaseSnapshot(owner: [0xEF, 0xBB, 0xBF, 0x0D], todo: [])
        #expect(BaseSnapshot.decode(b.encode()) == b)
        #expect(BaseSnapshot.decode(Array(b.encode().dropLast())) == nil)
    }

    /// One seal covers the whole journal: a change to any byte of it, or a cut, is a torn journal.
    @Test func theJournalIsSealedAsAWhole() {
        let bytes = Journal(basePath: "/s/base", pair: SyncFixture.paths,
                            entries: [Journal.Entry(path: "/o", old: oldOwner, new: newOwner), Journal.Entry(path: "/t", old: oldTodo, new: newTodo)],
                            historyPath: "/s/h", historyLine: historyLine).encode()
        #expect(Journal.decode(bytes) != nil)
        for i in 0..<bytes.count {
            var damaged = bytes
            damaged[i] ^= 0x20
            #expect(Journal.decode(damaged) == nil, "byte \(i)")
        }
        for n in [1, 8, 9, bytes.count / 2, bytes.count - 1] {
            #expect(Journal.decode(Array(bytes.dropLast(n))) == nil, "cut \(n)")
        }
    }
}
