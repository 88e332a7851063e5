import Foundation
import Testing
@testable import CTOBoardCore

@Suite("Pair transaction")
struct TransactionTests {
    private let oldOwner = DocLayout.lf.render(SyncFixture.ownerLines)
    private let oldTodo = DocLayout.lf.render(SyncFixture.todoLines)
    private let newOwner = DocLayout.lf.render(applying([.replace("- [ ] Build API", "- [x] Build API")], to: SyncFixture.ownerLines))
    private let newTodo = DocLayout.lf.render(applying([.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")], to: SyncFixture.todoLines))
    private let historyLine = Array("{\"test\":1}\n".utf8)

    private func sandbox() throws -> SyncSandbox {
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

    /// The base is stored by renaming the journal into place: the base file is a version 4
    /// journal, whose header tells the new documents from any others.
    @Test func commitRenamesTheJournalToBeTheBase() throws {
        let box = try sandbox()
        defer { box.remove() }
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        let basePath = box.store.basePath(box.paths)
        let stored = try FileIO.readRaw(at: basePath)
        #expect(stored.starts(with: Journal.magic))
        #expect(Journal.decode(stored)?.entries.map(\.new) == [newOwner, newTodo])
        #expect(BaseSnapshot.headerMatches(at: basePath, owner: newOwner, todo: newTodo))
        #expect(!BaseSnapshot.headerMatches(at: basePath, owner: oldOwner, todo: newTodo))
        #expect(!BaseSnapshot.headerMatches(at: basePath, owner: newOwner, todo: oldTodo))
    }

    /// The rename of the journal to the base is not fsynced: if a power cut undoes it, the
    /// journal is back beside the old base, and recovery rolls it forward to the same result
    /// (documents untouched, the history line not doubled, the base new).
    @Test func aLostRenameToTheBaseIsRolledForwardAgain() throws {
        let box = try sandbox()
        defer { box.remove() }
        try SyncSandbox.write(BaseSnapshot(owner: oldOwner, todo: oldTodo).encode(), to: box.store.basePath(box.paths))
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        let basePath = box.store.basePath(box.paths)
        // The rename undone: the journal back under its name, the old base in place.
        #expect(rename(basePath, box.store.journalPath) == 0)
        try SyncSandbox.write(BaseSnapshot(owner: oldOwner, todo: oldTodo).encode(), to: basePath)
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

    /// Large documents are staged on another thread while the caller prepares the history line
    /// and the journal is made: such a commit writes both documents and stores the base, and a
    /// failure on that thread changes nothing and leaves no temp file.
    @Test func largeDocumentsAreStagedAside() throws {
        let filler = Array(Array(repeating: Array("- [ ] Filler task of some length\n".utf8), count: 10_000).joined())
        let oldO = oldOwner + filler, newO = newOwner + filler
        #expect(newO.count + newTodo.count >= PairTransaction.stageAsideFrom)
        let box = try SyncSandbox(owner: oldO, todo: oldTodo)
        try box.store.ensureFolder()
        defer { box.remove() }
        var prepared = 0
        try PairTransaction.commit(pair: box.paths, oldOwner: oldO, oldTodo: oldTodo, newOwner: newO, newTodo: newTodo,
                                   store: box.store) { changes in
            #expect(changes)
            prepared += 1
            return PairTransaction.Prepared(historyLine: historyLine)
        }
        #expect(prepared == 1)
        #expect(box.ownerBytes == newO)
        #expect(box.todoBytes == newTodo)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newO, todo: newTodo))
        #expect(try FileIO.readRaw(at: box.store.historyPath(box.paths)) == historyLine)
        #expect(box.leftoverTemps.isEmpty)

        // TODO.md's temp file cannot be made (a folder is in its place): the owner document's,
        // already staged, is removed and neither document changes.
        let failing = try SyncSandbox(owner: oldO, todo: oldTodo)
        try failing.store.ensureFolder()
        defer { failing.remove() }
        let blocker = AtomicFile.tempPath(for: failing.paths.todo)
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        #expect(throws: PairTransaction.Failure.self) {
            try PairTransaction.commit(pair: failing.paths, oldOwner: oldO, oldTodo: oldTodo, newOwner: newO, newTodo: newTodo,
                                       store: failing.store) { _ in PairTransaction.Prepared(historyLine: historyLine) }
        }
        #expect(failing.ownerBytes == oldO)
        #expect(failing.todoBytes == oldTodo)
        #expect(failing.leftoverTemps == [Paths.baseName(blocker)])
        #expect(!FileIO.isFile(failing.store.journalPath))
    }

    /// The journal is written into the spare file in place (whatever it held, longer or
    /// shorter), and the base it replaces becomes the next spare.
    @Test(arguments: [0, 10, 5_000_000])
    func theJournalIsWrittenIntoTheSpareAndTheOldBaseKept(_ spareSize: Int) throws {
        let box = try sandbox()
        defer { box.remove() }
        let oldBase = BaseSnapshot(owner: oldOwner, todo: oldTodo).encode()
        try SyncSandbox.write(oldBase, to: box.store.basePath(box.paths))
        if spareSize > 0 { try SyncSandbox.write(Array(repeating: 0xA5, count: spareSize), to: box.store.sparePath) }
        let spareInode = inode(box.store.sparePath)
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo))
        if spareSize > 0 { #expect(inode(box.store.basePath(box.paths)) == spareInode) }
        #expect(try FileIO.readRaw(at: box.store.sparePath) == oldBase)
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    /// A spare that is a symbolic link or has a second link is never written through, and one
    /// that cannot be replaced (a folder) does not stop commits.
    @Test(arguments: ["symlink", "hardlink", "folder"])
    func aSpareThatIsALinkIsReplaced(_ kind: String) throws {
        let box = try sandbox()
        defer { box.remove() }
        let outside = Paths.join(box.dir, "outside")
        try SyncSandbox.write(Array("keep me".utf8), to: outside)
        switch kind {
        case "symlink": #expect(symlink(outside, box.store.sparePath) == 0)
        case "hardlink": #expect(link(outside, box.store.sparePath) == 0)
        default:
            // A folder that cannot be removed: the journal is written to a fresh file instead.
            try FileManager.default.createDirectory(atPath: box.store.sparePath + "/inside", withIntermediateDirectories: true)
        }
        try PairTransaction.commit(pair: box.paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo,
                                   historyLine: historyLine, store: box.store)
        #expect(try FileIO.readRaw(at: outside) == Array("keep me".utf8))
        #expect(box.ownerBytes == newOwner && box.todoBytes == newTodo)
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: newOwner, todo: newTodo))
        #expect(!FileIO.isFile(box.store.journalPath))
    }

    /// Large documents replaced are kept by a second link in the state folder while the commit
    /// finishes, and that link is gone after it; one left by a crash is removed by recovery.
    @Test func secondLinksToReplacedDocumentsDoNotOutliveTheCommit() throws {
        let filler = Array(Array(repeating: Array("- [ ] Filler task of some length\n".utf8), count: 10_000).joined())
        let oldO = oldOwner + filler, newO = newOwner + filler
        let box = try SyncSandbox(owner: oldO, todo: oldTodo)
        try box.store.ensureFolder()
        defer { box.remove() }
        try PairTransaction.commit(pair: box.paths, oldOwner: oldO, oldTodo: oldTodo, newOwner: newO, newTodo: newTodo,
                                   store: box.store) { _ in PairTransaction.Prepared(historyLine: historyLine) }
        #expect(box.ownerBytes == newO && box.todoBytes == newTodo)
        let names = try FileManager.default.contentsOfDirectory(atPath: box.store.folder)
        #expect(!names.contains { $0.hasPrefix("replaced-") })

        try SyncSandbox.write(oldO, to: box.store.replacedPath("owner"))
        _ = try PairTransaction.recover(store: box.store, tempsOf: [box.paths])
        #expect(!FileIO.isFile(box.store.replacedPath("owner")))
        #expect(box.ownerBytes == newO)
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
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: box.ownerBytes, todo: newTodo))
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
                                      entries: [Journal.Entry(path: box.paths.ownerDoc, old: newOwner, new: oldOwner)],
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

    /// A journal is written in pieces, its documents as they are; the seal catches a change to
    /// any byte of it, inside a document or not, and a truncation.
    @Test func journalPiecesAreSealedAsAWhole() {
        let owner = Array(repeating: UInt8(ascii: "o"), count: 9_000) + Array("\n- [x] a\n".utf8)
        let todo = Array(repeating: UInt8(ascii: "t"), count: 5_000) + Array("\n- [x] a [Owner: CTO]\n".utf8)
        var oldOwner = owner, oldTodo = todo
        oldOwner[owner.count - 5] = UInt8(ascii: " ")
        oldTodo[todo.count - 18] = UInt8(ascii: " ")
        let j = Journal(basePath: "/s/base", pair: SyncFixture.paths,
                        entries: [Journal.Entry(path: SyncFixture.paths.ownerDoc, old: oldOwner, new: owner),
                                  Journal.Entry(path: SyncFixture.paths.todo, old: oldTodo, new: todo)],
                        historyPath: "/s/h", historyLine: Array("{}\n".utf8))
        let pieces = j.pieces()
        #expect(pieces.count > 1, "the documents are pieces of their own")
        let bytes = j.encode()
        #expect(bytes == Array(pieces.joined()))
        #expect(Journal.decode(bytes) == j)
        #expect(Journal.pairContents(bytes)?.owner == owner)
        #expect(Journal.pairContents(bytes)?.todo == todo)
        for i in stride(from: Journal.magic.count, to: bytes.count, by: 997) + [bytes.count - 1] {
            var damaged = bytes
            damaged[i] ^= 0x20
            #expect(Journal.decode(damaged) == nil, "byte \(i)")
            #expect(Journal.pairContents(damaged) == nil, "byte \(i)")
        }
        #expect(Journal.decode(Array(bytes.dropLast(9))) == nil)
        #expect(Journal.pairContents(bytes + [0]) == nil)
    }

    /// A base stored as a renamed journal is read from its file piece by piece, small and
    /// large documents alike, and refused when any byte of it is damaged or it is cut short.
    @Test(arguments: [300, 40_000, 200_003])
    func baseIsReadFromARenamedJournalFile(_ size: Int) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let owner = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
        let todo = Array(owner.reversed()) + Array("\n- [x] a [Owner: CTO]\n".utf8)
        let j = Journal(basePath: dir.path + "/base", pair: SyncFixture.paths,
                        entries: [Journal.Entry(path: SyncFixture.paths.ownerDoc, old: owner, new: owner),
                                  Journal.Entry(path: SyncFixture.paths.todo, old: Array(todo.dropLast(3)), new: todo)],
                        historyPath: "/s/h", historyLine: Array("{}\n".utf8))
        let bytes = j.encode()
        let path = try dir.write("base", bytes)
        #expect(BaseSnapshot.load(at: path) == BaseSnapshot(owner: owner, todo: todo))
        for i in [Journal.magic.count + 30, bytes.count / 3, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            var damaged = bytes
            damaged[i] ^= 0x04
            #expect(BaseSnapshot.load(at: try dir.write("base", damaged)) == nil, "byte \(i)")
        }
        #expect(BaseSnapshot.load(at: try dir.write("base", Array(bytes.dropLast(1)))) == nil)
        #expect(BaseSnapshot.load(at: try dir.write("base", Array(bytes.prefix(40)))) == nil)
        #expect(BaseSnapshot.load(at: dir.path + "/missing") == nil)
        // The other forms are still read.
        let v2 = BaseSnapshot(owner: owner, todo: todo)
        #expect(BaseSnapshot.load(at: try dir.write("base", v2.encode())) == v2)
    }

    /// A journal and a base snapshot written by the previous version (checksums by
    /// `Checksum.wide`) are still read after an upgrade: a crash just before it is rolled forward.
    @Test func previousVersionsStillDecode() {
        let old = Array("- [ ] a\n- [ ] b\n".utf8), new = Array("- [x] a\n- [ ] b\n".utf8)
        var w = BinaryWriter(magic: Journal.magicV2)
        w.string("/s/base"); w.string("CTO"); w.string("/o.md"); w.string("/t.md"); w.string("/s/h"); w.blob([])
        w.u64(1)
        w.string("/o.md"); w.u64(Checksum.wide(old)); w.u64(UInt64(old.count)); w.blob(new)
        let back = LineDiff.hunks(from: Document(bytes: new), to: Document(bytes: old))
        w.u64(UInt64(back.count))
        for h in back {
            w.u64(UInt64(h.oldStart)); w.u64(UInt64(h.newStart))
            w.u64(UInt64(h.oldLines.count)); for l in h.oldLines { w.blob(l) }
            w.u64(UInt64(h.newLines.count)); for l in h.newLines { w.blob(l) }
        }
        w.u64(Checksum.wide(w.bytes))
        let journal = Journal.decode(w.bytes)
        #expect(journal?.entries.first?.old == old)
        #expect(journal?.entries.first?.new == new)
        // The same bytes sealed with the new checksum under the old magic are damaged.
        var torn = w.bytes
        torn[torn.count - 1] ^= 0xFF
        #expect(Journal.decode(torn) == nil)

        // Version 3: the same layout sealed by Checksum.lanes, no header, only changed documents.
        var v3 = BinaryWriter(magic: Journal.magicV3)
        v3.string("/s/base"); v3.string("CTO"); v3.string("/o.md"); v3.string("/t.md"); v3.string("/s/h"); v3.blob([])
        v3.u64(1)
        v3.string("/o.md"); v3.u64(Checksum.lanes(old)); v3.u64(UInt64(old.count)); v3.blob(new)
        v3.u64(UInt64(back.count))
        for h in back {
            v3.u64(UInt64(h.oldStart)); v3.u64(UInt64(h.newStart))
            v3.u64(UInt64(h.oldLines.count)); for l in h.oldLines { v3.blob(l) }
            v3.u64(UInt64(h.newLines.count)); for l in h.newLines { v3.blob(l) }
        }
        let journal3 = Journal.decode(v3.seal())
        #expect(journal3?.entries.map(\.old) == [old])
        #expect(journal3?.entries.map(\.new) == [new])

        var b = BinaryWriter(magic: BaseSnapshot.magicV1)
        b.blob(old); b.blob(new)
        b.u64(Checksum.wide(b.bytes))
        #expect(BaseSnapshot.decode(b.bytes) == BaseSnapshot(owner: old, todo: new))
    }

    /// The base snapshot's header says whether the documents are unchanged, without reading the rest.
    @Test func baseHeaderTellsUnchangedDocuments() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path + "/base"
        func writeFile(_ bytes: [UInt8], to path: String) throws {
            _ = try dir.write("base", bytes)
        }
        let owner = Array("# O\n- [ ] a\n".utf8), todo = Array("- [ ] a [Owner: CTO]\n".utf8)
        #expect(!BaseSnapshot.headerMatches(at: path, owner: owner, todo: todo))   // missing
        try writeFile(BaseSnapshot(owner: owner, todo: todo).encode(), to: path)
        #expect(BaseSnapshot.headerMatches(at: path, owner: owner, todo: todo))
        #expect(!BaseSnapshot.headerMatches(at: path, owner: owner, todo: todo + [0x0A]))
        #expect(!BaseSnapshot.headerMatches(at: path, owner: [], todo: todo))
        // A damaged header is no match (the caller reads the whole snapshot).
        var damaged = BaseSnapshot(owner: owner, todo: todo).encode()
        damaged[BaseSnapshot.magic.count] ^= 0x01
        try writeFile(damaged, to: path)
        #expect(!BaseSnapshot.headerMatches(at: path, owner: owner, todo: todo))
        // A version 1 snapshot has no header: no match, never a false one.
        var v1 = BinaryWriter(magic: BaseSnapshot.magicV1)
        v1.blob(owner); v1.blob(todo)
        v1.u64(Checksum.wide(v1.bytes))
        try writeFile(v1.bytes, to: path)
        #expect(!BaseSnapshot.headerMatches(at: path, owner: owner, todo: todo))
    }
}
