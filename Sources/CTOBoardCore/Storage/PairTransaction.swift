/// The atomic two-document commit, with a roll-forward journal.
///
/// Calling sequence (each step below is one block of ``commit(pair:oldOwner:oldTodo:newOwner:newTodo:historyLine:store:)``,
/// in this order; the names in brackets are its ``FaultInjection`` points):
///
///  0. The caller takes the state folder's lock (``StateStore/lock(timeout:)``, a `flock` on a
///     dedicated lock file) and calls ``recover(store:tempsOf:)``: a sealed journal left by a
///     crash is rolled forward, a torn one discarded. It then reads both documents and plans
///     the change on those bytes (`old`). [locked]
///  1. Stage: each document that changes gets its new bytes in a temp file beside it
///     (`O_CREAT|O_EXCL|O_NOFOLLOW`, the document's mode), fsynced. A full disk, a read-only or
///     immutable document fails here, before anything changed. [staged-owner, staged-todo]
///  2. Verify: open each document that changes and check that it still holds `old`. The file
///     stays open (`held`) until the end of step 4. [verified]
///  3. Journal: write the journal (both documents' paths, new bytes and the hunks back to the
///     old, the history line; sealed by one checksum), fsync it, fsync the state folder. THIS IS
///     THE COMMIT POINT. [journal-written, journal-synced]
///  4. Rename each temp file over its document. Then, through the held descriptor, check that
///     the file just replaced still holds `old`: another program's write that landed between
///     step 2 and the rename would be lost with it. If one did, every document renamed is put
///     back (with the bytes it holds now), the journal removed, and the commit fails with
///     ``Failure/changedUnderneath(path:)``: the caller reads again and replans. Then fsync the
///     documents' folders. [renamed-owner, renamed-todo, folders-synced]
///  5. Append the history line (fsynced). [history-stored]
///  6. Write the base snapshot as its own file (temp, fsync, rename, folder fsync). [base-stored]
///  7. Remove the journal (no fsync needed: a journal back after a power cut is rolled
///     forward again to the same result). [journal-removed]
///  8. The caller releases the lock.
///
/// Failures: before step 3 the temp files are removed and both documents are old; in step 4 the
/// documents already renamed are put back, so both stay old. From step 5 on the change is made
/// and reported as made; what is left (history, base, journal) is finished by the next
/// start's recovery.
///
/// Crashes: before the journal is sealed both documents are old (a torn journal is discarded);
/// from then on recovery rolls the journal forward to both new.
public enum PairTransaction {
    /// Why a commit did not happen. Neither document changed.
    public enum Failure: Error, Equatable, Sendable {
        case write(WriteError)
        /// A document changed on disk after it was read: read again and retry.
        case changedUnderneath(path: String)
    }

    /// One document that changes, once its new bytes are staged.
    private struct Staged {
        let target: String
        let old: [UInt8]
        let step: String
        let temp: String
        /// The document as verified in step 2, open for reading.
        var held: Int32 = -1
        var heldInode: (dev: UInt64, ino: UInt64) = (0, 0)
    }

    /// Commits new contents for a pair. `old` are the bytes the change was planned on;
    /// `historyLine` (empty: none) is appended to the pair's history. `hunks`, when the caller
    /// has them, are the line hunks from old to new of each document (the journal keeps the old
    /// documents as those); without them they are worked out here.
    public static func commit(
        pair: PairPaths, oldOwner: [UInt8], oldTodo: [UInt8], newOwner: [UInt8], newTodo: [UInt8],
        hunks: (owner: [LineDiff.Hunk], todo: [LineDiff.Hunk])? = nil, historyLine: [UInt8], store: StateStore
    ) throws(Failure) {
        let ownerTarget = AtomicFile.resolve(pair.ownerDoc)
        let todoTarget = AtomicFile.resolve(pair.todo)
        let entries = hunks.map {
            [Journal.Entry(path: ownerTarget, new: newOwner, hunks: $0.owner), Journal.Entry(path: todoTarget, new: newTodo, hunks: $0.todo)]
        } ?? [Journal.Entry(path: ownerTarget, old: oldOwner, new: newOwner), Journal.Entry(path: todoTarget, old: oldTodo, new: newTodo)]
        // (Debug builds check that the journal gives back the old documents: recovery relies on it.)
        assert(entries[0].old == oldOwner && entries[1].old == oldTodo, "the hunks do not turn the old documents into the new")
        let journal = Journal(basePath: store.basePath(pair), pair: pair, entries: entries,
                              historyPath: store.historyPath(pair), historyLine: historyLine)
        var docs: [Staged] = []
        defer { for d in docs where d.held >= 0 { close(d.held) } }
        func discardTemps() { for d in docs { unlink(d.temp) } }

        // 0. Locked and recovered by the caller.
        do throws(WriteError) { try FaultInjection.point("locked", path: store.folder) } catch { throw .write(error) }

        // 1. Stage both new documents as fsynced temp files beside them.
        do throws(WriteError) {
            for e in journal.entries where e.changed {
                try AtomicFile.preflight(e.path)
            }
            for (e, (old, step)) in zip(journal.entries, [(oldOwner, "owner"), (oldTodo, "todo")]) where e.changed {
                let temp = try AtomicFile.stage(e.new, for: e.path, step: "staged-\(step)")
                docs.append(Staged(target: e.path, old: old, step: step, temp: temp))
            }
        } catch {
            discardTemps()
            throw .write(error)
        }

        // 2. Verify: both documents still hold the bytes the change was planned on. Each is
        // kept open, to check in step 4 that nothing was written to it before it was replaced.
        for i in docs.indices {
            let fd = open(docs[i].target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            var st = stat()
            if fd >= 0, fstat(fd, &st) == 0 { docs[i].heldInode = (UInt64(st.st_dev), UInt64(st.st_ino)) }
            docs[i].held = fd
            if fd < 0 || !FileIO.contentEquals(fd: fd, docs[i].old) {
                discardTemps()
                throw .changedUnderneath(path: docs[i].target)
            }
        }
        do throws(WriteError) { try FaultInjection.point("verified", path: store.folder) } catch {
            discardTemps()
            throw .write(error)
        }

        // 3. The journal, fsynced with its folder: the commit point.
        do throws(WriteError) {
            try writeJournal(journal.encode(), store: store)
        } catch {
            discardTemps()
            unlink(store.journalPath)
            throw .write(error)
        }

        // 4. Rename each temp file over its document, check nothing was written to the
        // document it replaced, then fsync the documents' folders.
        var renamed: [Staged] = []
        do throws(Failure) {
            for d in docs {
                // A save by rename (another program's) puts a new file at the path: that one
                // would be replaced unseen.
                guard sameInode(d.target, d.heldInode) else { throw .changedUnderneath(path: d.target) }
                do throws(WriteError) {
                    try AtomicFile.renameStaged(d.temp, over: d.target)
                } catch { throw .write(error) }
                renamed.append(d)
                // A write to the document up to the rename is in the held file.
                guard FileIO.contentEquals(fd: d.held, d.old) else { throw .changedUnderneath(path: d.target) }
                do throws(WriteError) { try FaultInjection.point("renamed-\(d.step)", path: d.target) } catch { throw .write(error) }
            }
            do throws(WriteError) {
                var synced: Set<String> = []
                for d in docs where synced.insert(Paths.parent(d.target)).inserted {
                    try AtomicFile.syncFolder(Paths.parent(d.target))
                }
                try FaultInjection.point("folders-synced", path: store.folder)
            } catch { throw .write(error) }
        } catch {
            // Put back what was renamed (with what the held file holds now: the old bytes, or
            // another program's write) and drop the journal, so that both documents stay old.
            discardTemps()
            var putBack = true
            for r in renamed {
                guard let current = FileIO.readAll(fd: r.held) else { putBack = false; continue }
                do { try AtomicFile.replace(r.target, with: current) } catch { putBack = false }
            }
            // When a document could not be put back, the journal stays: recovery makes both new.
            if putBack {
                unlink(store.journalPath)
                try? AtomicFile.syncFolder(store.folder)
            }
            throw error
        }

        // 5–7. Both documents are new and the journal is durable: the change is made. When
        // storing the history, the base or removing the journal fails, the journal stays and
        // the next start's recovery finishes the job; reporting a failure here would be false.
        try? finish(journal, owner: newOwner, todo: newTodo, store: store)
    }

    /// Whether `path` is still the file `inode` names.
    private static func sameInode(_ path: String, _ inode: (dev: UInt64, ino: UInt64)) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && UInt64(st.st_dev) == inode.dev && UInt64(st.st_ino) == inode.ino
    }

    /// Step 3: writes the journal's bytes, fsyncs the file, then the state folder.
    static func writeJournal(_ bytes: [UInt8], store: StateStore) throws(WriteError) {
        let path = store.journalPath
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw WriteError(path: path, reason: FileIO.errnoText()) }
        defer { close(fd) }
        try AtomicFile.writeAll(fd, bytes, path: path)
        if fsync(fd) != 0 { throw WriteError(path: path, reason: FileIO.errnoText()) }
        try FaultInjection.point("journal-written", path: path)
        try AtomicFile.syncFolder(store.folder)
        try FaultInjection.point("journal-synced", path: path)
    }

    /// Steps 5–7: appends the history line, stores the base snapshot, removes the journal.
    /// Each step can be repeated (recovery after a crash does): the history line is not
    /// appended twice, the base is replaced whole.
    static func finish(_ journal: Journal, owner: [UInt8], todo: [UInt8], store: StateStore) throws(WriteError) {
        if !journal.historyLine.isEmpty {
            try History(path: journal.historyPath).append(journal.historyLine)
        }
        try FaultInjection.point("history-stored", path: journal.historyPath)
        try AtomicFile.replace(journal.basePath, with: BaseSnapshot(owner: owner, todo: todo).encode())
        try FaultInjection.point("base-stored", path: journal.basePath)
        // No folder fsync after this unlink: should a power cut undo it, the journal is rolled
        // forward again to the same result (the documents already new, the history line there).
        if unlink(store.journalPath) != 0 && errno != ENOENT {
            throw WriteError(path: store.journalPath, reason: FileIO.errnoText())
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
        /// A document the journal's commit changes that is missing: nothing was done, and the
        /// journal stays until the document is restored.
        public var missing: String?
    }

    /// Finishes or discards a commit left by a crash. Call with the lock held.
    ///
    /// Temp files of the pairs are removed. A torn journal (its seal does not match: the crash
    /// came before the commit point) is discarded. A sealed one is rolled forward: a document
    /// already new is left alone, one still old is written, one edited since is never
    /// overwritten: the edit is merged with the journal's change, or, when they overlap, the
    /// journal's version is saved beside it. Then steps 5–7 of the commit. A document that is
    /// missing is not brought back (see ``Recovery/missing``).
    public static func recover(store: StateStore, tempsOf pairs: [PairPaths] = []) throws(WriteError) -> Recovery {
        var result = Recovery()
        for pair in pairs {
            for p in [pair.ownerDoc, pair.todo] { unlink(AtomicFile.tempPath(for: AtomicFile.resolve(p))) }
        }
        guard let bytes = try? FileIO.readRaw(at: store.journalPath) else { return result }
        guard let journal = Journal.decode(bytes), journal.entries.count == 2 else {
            unlink(store.journalPath)
            try AtomicFile.syncFolder(store.folder)
            result.discarded = true
            return result
        }
        // A document the commit changes that is gone since is not brought back: nothing is
        // done and the journal waits until it is restored.
        if let gone = journal.entries.first(where: { $0.changed && !FileIO.isFile($0.path) }) {
            result.missing = gone.path
            return result
        }
        result.rolledForward = true
        // What each document held when the change was planned (nil only if the hunks do not apply).
        let olds = journal.entries.map(\.old)
        for (e, old) in zip(journal.entries, olds) {
            unlink(AtomicFile.tempPath(for: e.path))
            // A document the commit did not change is left as it is (an edit made since is
            // carried by the next sync).
            guard e.changed else { continue }
            let current = try? FileIO.readRaw(at: e.path)
            if e.new.sameBytes(as: current) { continue }
            if old.map({ $0.sameBytes(as: current) }) ?? false {
                try AtomicFile.replace(e.path, with: e.new)
            } else if let current, let old, let merged = LineDiff.merge(base: Document(bytes: old), ours: Document(bytes: e.new), theirs: Document(bytes: current)) {
                try AtomicFile.replace(e.path, with: merged.bytes)
                result.merged.append(e.path)
            } else {
                try AtomicFile.replace(e.path + ".ctoboard-rescued", with: e.new)
                result.rescued.append(e.path)
            }
        }
        // The base: what the commit made both documents agree on. When a document was edited
        // since, the agreement from before the commit instead: the next sync then compares each
        // document with it and carries the edit (and, where a document could not take the
        // commit's change, that change from the other one) task by task. Storing the edited
        // bytes would take the edit for agreed, and it would never reach the other document.
        let edited = !result.merged.isEmpty || !result.rescued.isEmpty
        let base = zip(journal.entries, olds).map { e, old in edited ? old ?? e.new : e.new }
        try finish(journal, owner: base[0], todo: base[1], store: store)
        return result
    }
}
