import Dispatch

/// The atomic two-document commit, with a roll-forward journal.
///
/// 1. (caller) take the state folder's lock and recover;
/// 2. stage both new documents as fsynced temp files beside them (a full disk, a read-only or
///    immutable file fails here, before anything changed);
/// 3. check that both documents still hold the old contents (while they are staged);
/// 4. write the journal (paths, old and new contents, checksums) and fsync it and its folder:
///    the commit point. It is written in place into the state folder's spare file (the base
///    snapshot before last; for large documents while they are staged), fsynced once both are
///    staged, and renamed to `journal`: reusing a file's blocks costs less than allocating new
///    ones and freeing old ones;
/// 5. rename each temp file over its document, then fsync their folders. Large documents are
///    first given a second link in the state folder, so that the rename does not free their
///    old blocks: that is done on another thread while step 6 runs;
/// 6. append the history line (fsynced), then rename the journal to be the new base snapshot
///    (it holds both new contents under the snapshot's header), the old base becoming the
///    spare: storing the base and removing the journal are one rename. It needs no fsync of
///    its own: until it is durable the journal is still there, and recovery rolls it forward
///    again, to the same result.
///
/// A failure after the commit point puts back the documents already renamed, so both stay old.
/// A crash after it is rolled forward by ``recover(store:)`` on the next start.
public enum PairTransaction {
    /// Why a commit did not happen. Neither document changed.
    public enum Failure: Error, Equatable, Sendable {
        case write(WriteError)
        /// A document changed on disk after it was read: try again.
        case changedUnderneath(path: String)
    }

    /// What a caller makes while the documents are staged: the history line and the line hunks
    /// (from old to new) of both documents, when it has them.
    public struct Prepared: Sendable {
        public var historyLine: [UInt8]
        public var ownerHunks: [LineDiff.Hunk]?
        public var todoHunks: [LineDiff.Hunk]?

        public init(historyLine: [UInt8], ownerHunks: [LineDiff.Hunk]? = nil, todoHunks: [LineDiff.Hunk]? = nil) {
            self.historyLine = historyLine
            self.ownerHunks = ownerHunks
            self.todoHunks = todoHunks
        }
    }

    /// Commits new contents for a pair. `old` are the bytes the change was planned on.
    public static func commit(
        pair: PairPaths, oldOwner: [UInt8], oldTodo: [UInt8], newOwner: [UInt8], newTodo: [UInt8],
        historyLine: [UInt8], store: StateStore,
        ownerHunks: [LineDiff.Hunk]? = nil, todoHunks: [LineDiff.Hunk]? = nil
    ) throws(Failure) {
        try commit(pair: pair, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: newOwner, newTodo: newTodo, store: store) { _ in
            Prepared(historyLine: historyLine, ownerHunks: ownerHunks, todoHunks: todoHunks)
        }
    }

    /// Commits new contents for a pair, calling `prepare` (on this thread) while large documents
    /// are staged on another: the diff, the history line and the journal are made during the
    /// staged files' writes and fsyncs instead of before them. `prepare` is told whether any
    /// document changes.
    public static func commit(
        pair: PairPaths, oldOwner: [UInt8], oldTodo: [UInt8], newOwner: [UInt8], newTodo: [UInt8],
        store: StateStore, preparing prepare: (_ changes: Bool) -> Prepared
    ) throws(Failure) {
        let ownerTarget = AtomicFile.resolve(pair.ownerDoc)
        let todoTarget = AtomicFile.resolve(pair.todo)
        var docs: [StagedDocument] = []
        if !newOwner.sameBytes(as: oldOwner) { docs.append(StagedDocument(target: ownerTarget, old: oldOwner, new: newOwner, step: "owner")) }
        if !newTodo.sameBytes(as: oldTodo) { docs.append(StagedDocument(target: todoTarget, old: oldTodo, new: newTodo, step: "todo")) }
        do throws(WriteError) {
            try FaultInjection.point("locked", path: store.folder)
        } catch {
            throw .write(error)
        }
        let staging = Staging(docs)
        let group = DispatchGroup()
        let aside = docs.reduce(0, { $0 + $1.new.count }) >= stageAsideFrom
        if aside {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { staging.run() }
        } else {
            staging.run()
        }
        // Meanwhile: the hunks, the history line and the journal's pieces.
        let prepared = prepare(!docs.isEmpty)
        // The journal holds both documents (an unchanged one as it is): it becomes the base.
        let journal = Journal(
            basePath: store.basePath(pair), pair: pair,
            entries: [Journal.Entry(path: ownerTarget, old: oldOwner, new: newOwner, hunks: prepared.ownerHunks),
                      Journal.Entry(path: todoTarget, old: oldTodo, new: newTodo, hunks: prepared.todoHunks)],
            historyPath: store.historyPath(pair), historyLine: prepared.historyLine)
        let pieces = journal.pieces()
        // Both still hold what the change was planned on? (Staging writes only temp files.)
        let changed = docs.first { !FileIO.contentEquals(at: $0.target, $0.old) }
        // While the other thread writes and fsyncs the temp files, the journal's bytes go into
        // the spare file; they are made durable and named the journal once both are staged.
        var spare: UnnamedJournal?
        var spareError: WriteError?
        if aside && changed == nil {
            do throws(WriteError) { spare = try writeSpare(pieces, store: store) } catch { spareError = error }
        }
        group.wait()
        let staged = staging.staged
        func discardStaged() { for t in staged { unlink(t) } }
        if let error = staging.error {
            // The spare keeps what was written into it: it is never read.
            if let spare { close(spare.fd) }
            discardStaged()
            throw .write(error)
        }
        if let changed {
            discardStaged()
            throw .changedUnderneath(path: changed.target)
        }
        do throws(WriteError) {
            if let spareError { throw spareError }
            if let spare {
                try publishJournal(spare, store: store)
            } else {
                try writeJournal(pieces, store: store)
            }
        } catch {
            discardStaged()
            unlink(store.journalPath)
            throw .write(error)
        }
        // Past the commit point.
        var renamed: [(target: String, old: [UInt8])] = []
        var replaced: [String] = []
        defer { for r in replaced { unlink(r) } }
        do throws(WriteError) {
            for (d, temp) in zip(docs, staged) {
                if aside {
                    // A second link keeps the old document's blocks from being freed by the
                    // rename (a millisecond per megabyte): they are freed on another thread
                    // below, while the history and the base are stored.
                    let kept = store.replacedPath(d.step)
                    unlink(kept)
                    if link(d.target, kept) == 0 { replaced.append(kept) }
                }
                try AtomicFile.renameStaged(temp, over: d.target)
                // Renamed: a failure from here on (the folder fsyncs) must put this one back too.
                renamed.append((d.target, d.old))
                try FaultInjection.point("renamed-\(d.step)", path: d.target)
            }
            // Both renames, then each folder once: the first fsync commits both renames to the
            // file system's log, and a second folder then has little or nothing left to commit.
            var synced: Set<String> = []
            for d in docs where synced.insert(Paths.parent(d.target)).inserted {
                try AtomicFile.syncFolder(Paths.parent(d.target))
            }
        } catch {
            // Put back what was renamed so that both documents stay old.
            discardStaged()
            var putBack = true
            for r in renamed {
                do { try AtomicFile.replace(r.target, with: r.old) } catch { putBack = false }
            }
            if putBack { unlink(store.journalPath); try? AtomicFile.syncFolder(store.folder) }
            throw .write(error)
        }
        // Both documents are new and the journal is durable: the change is made. When storing
        // the base, the history line or removing the journal fails, the journal stays and the
        // next start's recovery finishes the job; reporting a failure here would be false.
        if !replaced.isEmpty {
            let freeing = replaced
            replaced = []
            DispatchQueue.global(qos: .userInitiated).async(group: group) { for r in freeing { unlink(r) } }
        }
        try? finish(journal, newOwner: newOwner, newTodo: newTodo, store: store, journalIsBase: true)
        group.wait()
    }

    /// Staged documents of this many bytes in all, or more, are written on another thread.
    static let stageAsideFrom = 256 * 1024

    /// One document to stage and rename.
    struct StagedDocument: Sendable {
        let target: String
        let old: [UInt8]
        let new: [UInt8]
        let step: String
    }

    /// Stages documents (checks each can be replaced, then writes and fsyncs its temp file),
    /// possibly on another thread: its results are read after that thread is waited for.
    private final class Staging: @unchecked Sendable {
        let docs: [StagedDocument]
        var staged: [String] = []
        var error: WriteError?

        init(_ docs: [StagedDocument]) { self.docs = docs }

        func run() {
            do throws(WriteError) {
                for d in docs { try AtomicFile.preflight(d.target) }
                for d in docs {
                    staged.append(try AtomicFile.stage(d.new, for: d.target, step: "staged-\(d.step)"))
                }
            } catch {
                self.error = error
            }
        }
    }

    static func writeJournal(_ pieces: [[UInt8]], store: StateStore) throws(WriteError) {
        try publishJournal(writeSpare(pieces, store: store), store: store)
    }

    /// Writes the journal's bytes into the spare file (the base snapshot before last, see
    /// `finish`) in place: overwriting blocks a file already has is cheaper than allocating
    /// new ones, and none are freed. Returns the open file, not yet fsynced.
    static func writeSpare(_ pieces: [[UInt8]], store: StateStore) throws(WriteError) -> UnnamedJournal {
        var spare = store.sparePath
        var fd = openSpare(spare)
        if fd < 0 {
            // Something by that name that cannot be replaced (a folder): a fresh file instead.
            spare += "-new"
            fd = open(spare, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        if fd < 0 { throw WriteError(path: store.journalPath, reason: FileIO.errnoText()) }
        do throws(WriteError) {
            var size = 0
            for piece in pieces {
                try AtomicFile.writeAll(fd, piece, path: store.journalPath)
                size += piece.count
            }
            if ftruncate(fd, off_t(size)) != 0 { throw WriteError(path: store.journalPath, reason: FileIO.errnoText()) }
        } catch {
            close(fd)
            unlink(spare)
            throw error
        }
        return UnnamedJournal(fd: fd, path: spare)
    }

    /// A journal written by ``writeSpare(_:store:)``: an open file in the state folder, not yet
    /// fsynced nor named `journal`.
    struct UnnamedJournal {
        let fd: Int32
        let path: String
    }

    /// Makes the file written by ``writeSpare(_:store:)`` durable and renames it to be the
    /// journal, then fsyncs the state folder: the commit point. Closes its file.
    static func publishJournal(_ written: UnnamedJournal, store: StateStore) throws(WriteError) {
        let fd = written.fd, spare = written.path
        if fsync(fd) != 0 {
            let reason = FileIO.errnoText()
            close(fd)
            unlink(spare)
            throw WriteError(path: store.journalPath, reason: reason)
        }
        close(fd)
        if rename(spare, store.journalPath) != 0 {
            let reason = FileIO.errnoText()
            unlink(spare)
            throw WriteError(path: store.journalPath, reason: reason)
        }
        try FaultInjection.point("journal-written", path: store.journalPath)
        try AtomicFile.syncFolder(store.folder)
        try FaultInjection.point("journal-synced", path: store.journalPath)
    }

    /// Opens the state folder's spare file for writing from its start, without truncating it;
    /// creates it when missing. Anything but a regular file of one link is replaced by a new one.
    private static func openSpare(_ path: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd >= 0 {
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1 { return fd }
            close(fd)
        }
        unlink(path)
        return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }

    /// Stores the history line, then the base snapshot, and removes the journal. With
    /// `journalIsBase` (the journal on disk holds exactly `newOwner` and `newTodo`), the journal
    /// is renamed to be the base; else a snapshot is written and the journal removed.
    static func finish(_ journal: Journal, newOwner: [UInt8], newTodo: [UInt8], store: StateStore,
                       journalIsBase: Bool) throws(WriteError) {
        if !journal.historyLine.isEmpty {
            try History(path: journal.historyPath).append(journal.historyLine)
        }
        try FaultInjection.point("history-stored", path: journal.historyPath)
        if journalIsBase {
            // No folder fsync after this rename: until it is durable the journal stays whole
            // under its own name, and rolling it forward again after a crash finds both
            // documents new, the history line there, and renames it again.
            // The base it replaces is kept as the next journal's spare (see `writeSpare`):
            // its blocks are reused rather than freed here and allocated again there.
            rename(journal.basePath, store.sparePath)
            if rename(store.journalPath, journal.basePath) != 0 {
                throw WriteError(path: journal.basePath, reason: FileIO.errnoText())
            }
            try FaultInjection.point("base-stored", path: journal.basePath)
        } else {
            try AtomicFile.replace(journal.basePath, with: BaseSnapshot(owner: newOwner, todo: newTodo).encode())
            unlink(store.journalPath)
            try FaultInjection.point("base-stored", path: journal.basePath)
            try AtomicFile.syncFolder(store.folder)
        }
        try FaultInjection.point("journal-removed", path: store.journalPath)
    }

    /// What recovery did.
    public struct Recovery: Sendable, Equatable {
        /// A complete journal was found and rolled forward.
        public var rolledForward = false
        /// An incomplete journal was discarded.
        public var discarded = false
        /// Documents changed by someone since the crash, merged with the journal's change.
        public var merged: [String] = []
        /// Documents whose change could not be merged: the journal's version was saved beside
        /// them (`NAME.ctoboard-rescued`) and the document was left as it is.
        public var rescued: [String] = []
    }

    /// Finishes or discards a transaction left by a crash. Call with the lock held.
    public static func recover(store: StateStore, tempsOf pairs: [PairPaths] = []) throws(WriteError) -> Recovery {
        var result = Recovery()
        for step in ["owner", "todo"] { unlink(store.replacedPath(step)) }
        for pair in pairs {
            for p in [pair.ownerDoc, pair.todo] { unlink(AtomicFile.tempPath(for: AtomicFile.resolve(p))) }
        }
        guard let bytes = try? FileIO.readRaw(at: store.journalPath) else { return result }
        guard let journal = Journal.decode(bytes) else {
            unlink(store.journalPath)
            try AtomicFile.syncFolder(store.folder)
            result.discarded = true
            return result
        }
        result.rolledForward = true
        var finalContents: [String: [UInt8]] = [:]
        for e in journal.entries {
            unlink(AtomicFile.tempPath(for: e.path))
            // A document the transaction did not change is left as it is; the base keeps the
            // contents the transaction saw, so an edit made since is carried by the next sync.
            if !e.changed { finalContents[e.path] = e.new; continue }
            let current = try? FileIO.readRaw(at: e.path)
            if e.new.sameBytes(as: current) {
                finalContents[e.path] = e.new
            } else if e.old.sameBytes(as: current) || current == nil {
                try AtomicFile.replace(e.path, with: e.new)
                finalContents[e.path] = e.new
            } else if let current, let merged = LineDiff.merge(base: Document(bytes: e.old), ours: Document(bytes: e.new), theirs: Document(bytes: current)) {
                try AtomicFile.replace(e.path, with: merged.bytes)
                finalContents[e.path] = merged.bytes
                result.merged.append(e.path)
            } else {
                try AtomicFile.replace(e.path + ".ctoboard-rescued", with: e.new)
                finalContents[e.path] = current
                result.rescued.append(e.path)
            }
        }
        let ownerTarget = AtomicFile.resolve(journal.pair.ownerDoc)
        let todoTarget = AtomicFile.resolve(journal.pair.todo)
        let owner = finalContents[ownerTarget] ?? (try? FileIO.readRaw(at: ownerTarget)) ?? []
        let todo = finalContents[todoTarget] ?? (try? FileIO.readRaw(at: todoTarget)) ?? []
        // The journal becomes the base when the documents ended as it says (no merge, no rescue).
        let asJournal = Journal.isPairSnapshot(bytes, journal) && journal.entries[0].path == ownerTarget
            && journal.entries[1].path == todoTarget
            && journal.entries[0].new.sameBytes(as: owner) && journal.entries[1].new.sameBytes(as: todo)
        try finish(journal, newOwner: owner, newTodo: todo, store: store, journalIsBase: asJournal)
        return result
    }
}
