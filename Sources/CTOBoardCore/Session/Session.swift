/// One owner's pair, with everything that changes it: operations, sync, undo and redo, each a
/// locked, journaled transaction over both documents. The CLI, the board and the watcher all go
/// through here.
public struct Session: Sendable {
    public let paths: PairPaths
    public let store: StateStore
    public var config: Config
    public var today: CalendarDate
    /// The committed versions of the pair, for a sync without a base snapshot (see ``syncBase()``).
    public var committed: (any CommittedVersions)?

    public init(paths: PairPaths, config: Config = Config(), today: CalendarDate, store: StateStore? = nil) {
        self.paths = paths
        self.config = config
        self.today = today
        self.store = store ?? StateStore(for: paths)
    }

    /// The result of a change.
    public struct Outcome: Sendable {
        /// What external edits were carried first, if any.
        public var sync: SyncPlan?
        /// The change itself.
        public var change: PlannedChange
        /// The pair's paths.
        public var paths: PairPaths
        /// The pair after the change, parsed on first use (the CLI never needs it).
        public var pair: TaskPair {
            TaskPair(paths: paths, ownerBytes: change.ownerBytes, todoBytes: change.todoBytes)
        }
        /// What recovery did at the start.
        public var recovery: PairTransaction.Recovery
    }

    // MARK: Reading

    /// Reads the pair. When a crashed transaction left its journal or a temp file beside a
    /// document, recovers first.
    public func load() throws(SessionError) -> TaskPair {
        let temps = [paths.ownerDoc, paths.todo].map { AtomicFile.tempPath(for: AtomicFile.resolve($0)) }
        if FileIO.isFile(store.journalPath) || temps.contains(where: FileIO.isFile) {
            _ = try withLock { _ throws(SessionError) in () }
        }
        return try read()
    }

    func read() throws(SessionError) -> TaskPair {
        do { return try TaskPair.load(paths) } catch { throw .document(error) }
    }

    /// Whether both documents on disk are still what the last transaction wrote (its base
    /// snapshot). Watchers drain their own writes' events and then ask this, so that an edit
    /// landing during a sync is not lost with those events.
    public func documentsMatchBase() -> Bool {
        guard let owner = try? FileIO.readRaw(at: paths.ownerDoc), let todo = try? FileIO.readRaw(at: paths.todo) else { return false }
        guard let base = store.loadBase(paths) else { return false }
        if base.owner.sameBytes(as: owner) && base.todo.sameBytes(as: todo) { return true }
        // With conflicts open the base holds their tasks' base versions (see `storeAgreedBase`):
        // the documents are still as the last sync left them when another would change nothing.
        let pair = TaskPair(paths: paths, ownerBytes: owner, todoBytes: todo)
        let plan = SyncEngine().plan(pair: pair, base: base)
        return plan.agreedBase == base && plan.ownerBytes.sameBytes(as: owner) && plan.todoBytes.sameBytes(as: todo)
    }

    // MARK: Changing

    /// Takes the lock, recovers, runs `body`, releases.
    public func withLock<T>(_ body: (PairTransaction.Recovery) throws(SessionError) -> T) throws(SessionError) -> T {
        // Outside a git work tree each owner document has its own state folder; owners that
        // share a TODO.md then also take the lock of the state folder beside it, always in the
        // same order (TODO.md's first), so their transactions never interleave.
        var stores = [store]
        let shared = StateStore(folder: Paths.join(Paths.parent(AtomicFile.resolve(paths.todo)), ".ctoboard"))
        if !store.coversWorkTree, shared.folder != store.folder { stores.insert(shared, at: 0) }
        // Bad input is reported before anything is written: before a state folder is made. (Once
        // they exist, the reading under the lock reports it, with nothing written either; a
        // commit a crash left is finished, or explained, first.)
        if !FileIO.isFile(store.journalPath), stores.contains(where: { !FileIO.isDirectory($0.folder) }) {
            do {
                _ = try TaskPair.readOwnerDoc(paths)
                _ = try TaskPair.readTodo(paths)
            } catch {
                throw .document(error)
            }
        }
        for s in stores { try Self.ensureFolder(of: s) }
        var locks: [FileLock] = []
        defer { for l in locks.reversed() { l.unlock() } }
        for s in stores {
            do {
                locks.append(try s.lock(timeout: config.lockTimeout))
            } catch {
                switch error {
                case .timedOut(let path, let seconds): throw .locked(path: path, seconds: seconds)
                case .cannotOpen(let path, let reason): throw .write(WriteError(path: path, reason: reason))
                }
            }
        }
        let recovery: PairTransaction.Recovery
        do { recovery = try PairTransaction.recover(store: store, tempsOf: [paths]) } catch { throw .write(error) }
        if let gone = recovery.missing {
            throw .document(.missing(path: gone, hint: "ctoboard was interrupted while changing it; restore it (for example `git checkout -- '\(DisplayPath.relative(gone))'`) and run the command again to finish that change"))
        }
        return try body(recovery)
    }

    /// Creates a state folder, refusing one (or its lock file) that is a symlink.
    private static func ensureFolder(of store: StateStore) throws(SessionError) {
        if let link = store.symlinkedPart() { throw .symlinkedState(path: link.path, target: link.target) }
        do { try store.ensureFolder() } catch { throw .write(error) }
    }

    /// Applies an operation to both documents, after carrying any external edits: one
    /// transaction, so that an operation that fails (a task not found) writes nothing at all.
    public func perform(_ operation: TaskOperation) throws(SessionError) -> Outcome {
        // Before the state folder exists, an operation that is refused does not make it.
        if !FileIO.isDirectory(store.folder) { _ = try plan(operation, on: read()) }
        return try withLock { recovery throws(SessionError) in
            // Another program's write landing while the change is committed fails the commit
            // with nothing written (changedUnderneath): plan it again on the documents as they
            // are now, a few times.
            var attempt = 1
            while true {
                do throws(SessionError) {
                    return try perform(operation, on: read(), recovery: recovery)
                } catch {
                    guard case .changedUnderneath = error, attempt < Self.attemptsWhenChanged else { throw error }
                    attempt += 1
                }
            }
        }
    }

    /// How many times ``perform(_:)`` plans a change when the documents keep changing under it.
    static let attemptsWhenChanged = 5

    /// The sync that carries external edits and the operation are planned together and committed
    /// once, so that an operation that fails (a task not found) writes nothing at all.
    private func perform(_ operation: TaskOperation, on onDisk: TaskPair, recovery: PairTransaction.Recovery) throws(SessionError) -> Outcome {
        let (pair, sync, base, change) = try plan(operation, on: onDisk)
        try commit(pair: onDisk, ownerBytes: change.ownerBytes, todoBytes: change.todoBytes,
                   newDocuments: (change.ownerDocument, change.todoDocument), historyFrom: sync == nil ? nil : pair,
                   carried: sync,
                   entry: { seq in entry(seq, change.kind, change.title, change.taskID, change.from, change.to) })
        if sync?.conflicts.isEmpty == false { try storeAgreedBase(ownerBytes: change.ownerBytes, todoBytes: change.todoBytes, oldBase: base) }
        return Outcome(sync: sync, change: change, paths: paths, recovery: recovery)
    }

    /// The external edits to carry first (see ``presync(_:)``) and the operation's change.
    private func plan(_ operation: TaskOperation, on onDisk: TaskPair) throws(SessionError) -> (TaskPair, SyncPlan?, BaseSnapshot?, PlannedChange) {
        let (pair, sync, base) = try presync(onDisk)
        let planner = OperationPlanner(today: today, updateLastUpdated: config.updateLastUpdated)
        do throws(OperationError) { return (pair, sync, base, try planner.plan(operation, on: pair)) } catch { throw .operation(error) }
    }

    /// What ``sync(prefer:preferences:dryRun:)`` did, and the pair after it.
    public struct SyncResult: Sendable {
        /// What was carried and what conflicts.
        public var plan: SyncPlan
        /// The pair after the sync (for a dry run, as it is). After a sync that wrote, it is parsed
        /// on first use: the command line and the watcher never look at it.
        public var pair: TaskPair {
            parsed ?? TaskPair(paths: paths, ownerBytes: plan.ownerBytes, todoBytes: plan.todoBytes)
        }
        let parsed: TaskPair?
        let paths: PairPaths
        /// Where the base came from (see ``Session/BaseSource/notice``).
        public var baseSource: BaseSource = .snapshot
    }

    /// Carries external edits (compared with the base) and reports conflicts.
    /// Deletions that look like an accident (``MassDeletion``) are refused unless `allowDeletions`.
    public func sync(prefer: SyncEngine.Side? = nil, preferences: [String: SyncEngine.Side] = [:],
                     dryRun: Bool = false, allowDeletions: Bool = false) throws(SessionError) -> SyncResult {
        let engine = SyncEngine(prefer: prefer, preferences: preferences)
        // A dry run writes nothing; before the state folder exists, a refused sync does not make it.
        if dryRun || !FileIO.isDirectory(store.folder) {
            // (Loading may first recover from a crash, which can replace the base: read it after.)
            let pair = try load()
            let (base, source) = syncBase()
            let plan = engine.plan(pair: pair, base: base)
            if !allowDeletions { try refuseMassDeletion(plan) }
            if dryRun { return SyncResult(plan: plan, parsed: pair, paths: paths, baseSource: source) }
        }
        return try withLock { _ throws(SessionError) in
            let pair = try read()
            let (base, source) = syncBase()
            if source == .snapshot, let base, base.owner.sameBytes(as: pair.ownerDoc.document.bytes), base.todo.sameBytes(as: pair.todo.document.bytes),
               prefer == nil, preferences.isEmpty, pair.drift().isEmpty {
                // Nothing changed since the last sync.
                return SyncResult(plan: SyncPlan(ownerBytes: base.owner, todoBytes: base.todo, carried: [], conflicts: []),
                                  parsed: pair, paths: paths)
            }
            let plan = engine.plan(pair: pair, base: base)
            if !allowDeletions { try refuseMassDeletion(plan) }
            // (A base from git is not a snapshot: the sync leaves one.) The base to store records
            // only agreement: an open conflict's task keeps its version from before the conflict.
            let newBase = plan.agreedBase ?? BaseSnapshot(owner: plan.ownerBytes, todo: plan.todoBytes)
            let upToDate = source == .snapshot && base == newBase && plan.ownerBytes.sameBytes(as: pair.ownerDoc.document.bytes)
                && plan.todoBytes.sameBytes(as: pair.todo.document.bytes)
            if !upToDate {
                // Conflicts left in the documents stay visible: they differ and neither matches
                // the other; the base keeps their tasks' versions from before the conflict.
                try commit(pair: pair, ownerBytes: plan.ownerBytes, todoBytes: plan.todoBytes,
                           entry: { seq in syncedEntry(seq, plan) })
                if !plan.conflicts.isEmpty { try storeAgreement(plan.agreedBase, base: base) }
                // The documents now hold the plan's bytes (the lock is still held).
                return SyncResult(plan: plan, parsed: nil, paths: paths, baseSource: source)
            }
            return SyncResult(plan: plan, parsed: pair, paths: paths, baseSource: source)
        }
    }

    /// Plans the carrying of external edits before a change: the pair as the sync leaves it (not
    /// written: the change commits it) and the sync's plan when it changes anything. Conflicts
    /// stay for `sync` and the board to show.
    /// Also returns the base it compared with.
    private func presync(_ pair: TaskPair) throws(SessionError) -> (TaskPair, SyncPlan?, BaseSnapshot?) {
        // Most changes start from documents that are still what the last transaction wrote.
        let snapshot = store.loadBase(paths)
        if let snapshot, snapshot.owner.sameBytes(as: pair.ownerDoc.document.bytes), snapshot.todo.sameBytes(as: pair.todo.document.bytes) {
            return (pair, nil, snapshot)
        }
        if snapshot == nil && pair.drift().isEmpty { return (pair, nil, snapshot) }
        let base = snapshot ?? syncBase().base
        let plan = SyncEngine().plan(pair: pair, base: base)
        try refuseMassDeletion(plan)
        guard !plan.ownerBytes.sameBytes(as: pair.ownerDoc.document.bytes) || !plan.todoBytes.sameBytes(as: pair.todo.document.bytes) else { return (pair, plan, base) }
        return (TaskPair(paths: paths, ownerBytes: plan.ownerBytes, todoBytes: plan.todoBytes), plan, base)
    }

    /// After a change made while conflicts are open: stores as the base the new documents with
    /// each conflicting task as it was in `oldBase` (the commit stored the documents as they are).
    private func storeAgreedBase(ownerBytes: [UInt8], todoBytes: [UInt8], oldBase: BaseSnapshot?) throws(SessionError) {
        let agreed = oldBase.flatMap {
            SyncEngine().plan(pair: TaskPair(paths: paths, ownerBytes: ownerBytes, todoBytes: todoBytes), base: $0).agreedBase
        }
        try storeAgreement(agreed, base: oldBase)
    }

    /// After a commit that left conflicts open (the commit stored the documents as the base):
    /// stores `agreed`, the documents with each conflicting task as it was in `base`. Without a
    /// `base` nothing was ever agreed: no base is kept, so the next sync is a first sync again (a
    /// base without the conflicting tasks would make each side's version look added, and both
    /// would be kept).
    private func storeAgreement(_ agreed: BaseSnapshot?, base: BaseSnapshot?) throws(SessionError) {
        if base == nil {
            _ = unlink(store.basePath(paths))
        } else if let agreed {
            do { try AtomicFile.replace(store.basePath(paths), with: agreed.encode()) } catch { throw .write(error) }
        }
    }

    /// Throws when `plan` would carry deletions that look like an accident.
    private func refuseMassDeletion(_ plan: SyncPlan) throws(SessionError) {
        guard let m = plan.massDeletion else { return }
        throw .massDeletion(path: m.side == .todo ? paths.todo : paths.ownerDoc, lost: m.lost, total: m.total)
    }

    /// Undoes the last change that is not undone yet, in both documents.
    public func undo() throws(SessionError) -> HistoryEntry { try revert(forward: false) }

    /// Redoes the last undone change.
    public func redo() throws(SessionError) -> HistoryEntry { try revert(forward: true) }

    private func revert(forward: Bool) throws(SessionError) -> HistoryEntry {
        try withLock { _ throws(SessionError) in
            let stacks = History.stacks(History(path: store.historyPath(paths)).entries())
            let verb = forward ? "redo" : "undo"
            guard let target = (forward ? stacks.redo : stacks.undo).last else { throw .undo("nothing to \(verb)") }
            // External edits are carried in the same transaction first: undo works on documents
            // that agree, and leaves them agreeing with the base it stores (no phantom conflict).
            let onDisk = try read()
            let (pair, sync, base) = try presync(onDisk)
            let oh = forward ? target.ownerHunks : HistoryEntry.reversed(target.ownerHunks)
            let th = forward ? target.todoHunks : HistoryEntry.reversed(target.todoHunks)
            guard let newOwner = LineDiff.apply(oh, to: pair.ownerDoc.document),
                  let newTodo = LineDiff.apply(th, to: pair.todo.document) else {
                throw .undo("cannot \(verb) \(target.kind.rawValue) \"\(target.title)\": the lines it would change have been edited since")
            }
            // A task put back by hand since is not put back twice.
            let had = Dictionary(pair.tasks.map { ($0.key, 1) }, uniquingKeysWith: +)
            let after = TaskPair(paths: paths, ownerBytes: newOwner.bytes, todoBytes: newTodo.bytes).tasks
            let count = Dictionary(after.map { ($0.key, 1) }, uniquingKeysWith: +)
            if let twice = after.first(where: { count[$0.key]! > max(had[$0.key] ?? 0, 1) }) {
                throw .undo("cannot \(verb) \(target.kind.rawValue) \"\(target.title)\": the task \"\(twice.title)\" is already there")
            }
            try commit(pair: onDisk, ownerBytes: newOwner.bytes, todoBytes: newTodo.bytes,
                       newDocuments: (newOwner, newTodo), historyFrom: sync == nil ? nil : pair, carried: sync, entry: { seq in
                var e = entry(seq, forward ? .redone : .undone, target.title, target.taskID, target.to, target.from)
                e.ref = target.seq
                return e
            })
            if sync?.conflicts.isEmpty == false { try storeAgreedBase(ownerBytes: newOwner.bytes, todoBytes: newTodo.bytes, oldBase: base) }
            return target
        }
    }

    private func entry(_ seq: Int, _ kind: ChangeKind, _ title: String, _ id: String?, _ from: Pane?, _ to: Pane?) -> HistoryEntry {
        HistoryEntry(seq: seq, date: today.iso, time: Double(time(nil)), kind: kind, title: title, taskID: id,
                     from: from, to: to, ref: nil, owner: [], todo: [])
    }

    /// Commits new contents with a history entry holding the hunks.
    ///
    /// `historyFrom`: the pair the change itself was planned on, when external edits were carried
    /// first (`carried`): the change's entry then holds only its own lines, so that undo gives
    /// back the user's change and not someone else's edit, and the carried edits get a `synced`
    /// entry of their own before it (for the report; undo skips it).
    private func commit(pair: TaskPair, ownerBytes: [UInt8], todoBytes: [UInt8],
                        newDocuments: (owner: Document?, todo: Document?) = (nil, nil), historyFrom: TaskPair? = nil,
                        carried: SyncPlan? = nil, entry make: (Int) -> HistoryEntry) throws(SessionError) {
        let oldOwner = pair.ownerDoc.document.bytes, oldTodo = pair.todo.document.bytes
        var historyLine: [UInt8] = []
        // The hunks from the documents on disk to the new ones, for the journal.
        var hunks: (owner: [LineDiff.Hunk], todo: [LineDiff.Hunk]) = ([], [])
        if !ownerBytes.sameBytes(as: oldOwner) || !todoBytes.sameBytes(as: oldTodo) {
            var seq = History(path: store.historyPath(paths)).lastSeq() + 1
            let from = historyFrom ?? pair
            let newOwner = newDocuments.owner ?? Document(bytes: ownerBytes), newTodo = newDocuments.todo ?? Document(bytes: todoBytes)
            if let carried, historyFrom != nil {
                var synced = syncedEntry(seq, carried)
                synced.owner = LineDiff.hunks(from: pair.ownerDoc.document, to: from.ownerDoc.document).map(HistoryEntry.StoredHunk.init)
                synced.todo = LineDiff.hunks(from: pair.todo.document, to: from.todo.document).map(HistoryEntry.StoredHunk.init)
                historyLine = synced.encodeLine()
                seq += 1
            }
            let ownHunks = (owner: LineDiff.hunks(from: from.ownerDoc.document, to: newOwner),
                            todo: LineDiff.hunks(from: from.todo.document, to: newTodo))
            var e = make(seq)
            e.owner = LineDiff.anchored(ownHunks.owner, in: from.ownerDoc.document).map(HistoryEntry.StoredHunk.init)
            e.todo = LineDiff.anchored(ownHunks.todo, in: from.todo.document).map(HistoryEntry.StoredHunk.init)
            historyLine += e.encodeLine()
            hunks = historyFrom == nil ? ownHunks
                : (LineDiff.hunks(from: pair.ownerDoc.document, to: newOwner), LineDiff.hunks(from: pair.todo.document, to: newTodo))
        }
        do {
            try PairTransaction.commit(pair: paths, oldOwner: oldOwner, oldTodo: oldTodo, newOwner: ownerBytes, newTodo: todoBytes,
                                       hunks: hunks, historyLine: historyLine, store: store)
        } catch {
            switch error {
            case .write(let w): throw .write(w)
            case .changedUnderneath(let p): throw .changedUnderneath(path: p)
            }
        }
    }
}
