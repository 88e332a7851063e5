import CTOBoardCore
import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

/// FUZZ_TRACE=1 prints each step, for reproducing a finding.
let tracing = getenv("FUZZ_TRACE") != nil

func trace(_ s: @autoclosure () -> String) {
    if tracing { let t = s() + "\n"; _ = t.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) } }
}

/// The sync engine and the operations, in memory: random operation sequences, external edits and
/// syncs on random documents.
///
/// Input: `OWNER-DOC \0 TODO.md \0 SCRIPT`; the script's bytes choose the operations.
/// Invariants, after every step:
/// - both documents still round-trip byte for byte;
/// - other owners' task lines in TODO.md are unchanged, in order;
/// - a toggle changes exactly one byte in each document whose box it flips (no `Last Updated`);
/// - a sync that prefers a side reports no conflict;
/// - after a first sync (no base) preferring the owner document, no task present in both
///   documents differs in checkbox or section (tasks whose title is unique: duplicates pair up
///   in document order, which a carried duplicate can change).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSync(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let parts = splitAtNUL(fuzzBytes(data, size), parts: 3)
    guard parts.count == 3 else { return 0 }
    var model = SyncModel(owner: parts[0], todo: parts[1], script: ByteStream(parts[2]))
    model.run()
    return 0
}

@_cdecl("FuzzSync_main")
public func fuzzSyncMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzSync($0, $1) }
}

struct SyncModel {
    static let ownerName = "CTO"
    static let paths = PairPaths(owner: ownerName, ownerDoc: "/fuzz/docs/CTO_OWNER.md", todo: "/fuzz/docs/TODO.md")
    static let today = CalendarDate(year: 2026, month: 11, day: 5)
    static let titleWords = ["alpha", "Beta", " ", "ünï", "**", "`", "[Owner: Backend]", "(needs verification)",
                             "[Status: Done]", "#", "x", "Évaluer", "[Priority: High]", "  ", "**VERIFY**:"]

    var owner: [UInt8]
    var todo: [UInt8]
    var script: ByteStream
    /// The contents after the last change ctoboard made (what Session stores as the base).
    var base: BaseSnapshot?

    init(owner: [UInt8], todo: [UInt8], script: ByteStream) {
        self.owner = owner
        self.todo = todo
        self.script = script
    }

    var pair: TaskPair { TaskPair(paths: Self.paths, ownerBytes: owner, todoBytes: todo) }

    mutating func title() -> String {
        var s = ""
        for _ in 0..<(1 + script.below(4)) { s += Self.titleWords[script.below(Self.titleWords.count)] }
        return s
    }

    mutating func run() {
        var steps = 0
        while !script.isEmpty && steps < 24 {
            steps += 1
            step()
        }
        // Always end with the first-sync invariant.
        firstSync(prefer: .owner)
    }

    mutating func step() {
        let pair = self.pair
        let kind = script.below(12)
        let task: MatchedTask? = pair.tasks.isEmpty ? nil : pair.tasks[script.below(pair.tasks.count)]
        let query = task?.id ?? "missing"
        let panes = Pane.allCases
        let operation: TaskOperation
        switch kind {
        case 0: operation = .toggle(query)
        case 1: operation = .verify(query)
        case 2: operation = .complete(query)
        case 3: operation = .start(query)
        case 4: operation = .move(query, to: panes[script.below(panes.count)])
        case 5: operation = .reorder(query, by: script.below(2) == 0 ? -1 : 1)
        case 6: operation = .add(title: title(), to: panes[script.below(panes.count)])
        case 7: operation = .edit(query, title: title())
        case 8: operation = .delete(query)
        case 9: externalEdit(); return
        case 10: firstSync(prefer: [nil, .owner, .todo][script.below(3)]); return
        default: syncWithBase(prefer: [nil, .owner, .todo][script.below(3)]); return
        }
        trace("step: \(operation)")
        let updateLastUpdated = script.below(2) == 0
        let planner = OperationPlanner(today: Self.today, updateLastUpdated: updateLastUpdated)
        let change: PlannedChange
        do { change = try planner.plan(operation, on: pair) } catch { trace("  -> \(error)"); return }
        check(change.ownerBytes, change.todoBytes, after: "\(operation)")
        // (Un-verifying a checked task in Completed puts back its awaiting-verification
        // markers: more than the box changes, by design.)
        if case .toggle = operation, !updateLastUpdated, let task,
           !(task.pane == .completed && (task.owner?.checked ?? task.todo!.checked)) {
            // Both sides get the flipped state of the owner document's box (TODO.md's without
            // one): a side that already has it (the two drifted) keeps every byte.
            let checked = !(task.owner?.checked ?? task.todo!.checked)
            let ownerBytes = task.owner.map { $0.checked == checked ? 0 : 1 } ?? 0
            let todoBytes = task.todo.map { $0.checked == checked ? 0 : 1 } ?? 0
            invariant(differingBytes(owner, change.ownerBytes) == ownerBytes,
                      "toggle changed \(differingBytes(owner, change.ownerBytes)) bytes of the owner document, not \(ownerBytes)")
            invariant(differingBytes(todo, change.todoBytes) == todoBytes,
                      "toggle changed \(differingBytes(todo, change.todoBytes)) bytes of TODO.md, not \(todoBytes)")
        }
        commit(change.ownerBytes, change.todoBytes)
    }

    /// The number of differing bytes, or -1 when the lengths differ.
    func differingBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard a.count == b.count else { return -1 }
        return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    mutating func commit(_ newOwner: [UInt8], _ newTodo: [UInt8]) {
        owner = newOwner
        todo = newTodo
        base = BaseSnapshot(owner: owner, todo: todo)
    }

    /// Checks the invariants every change keeps.
    func check(_ newOwner: [UInt8], _ newTodo: [UInt8], after what: @autoclosure () -> String) {
        checkRoundTrip(newOwner, "owner document after \(what())")
        checkRoundTrip(newTodo, "TODO.md after \(what())")
        if tracing, otherOwnersLines(newTodo, owner: Self.ownerName) != otherOwnersLines(todo, owner: Self.ownerName) {
            dump(prefix: "before-")
            SyncModel(owner: newOwner, todo: newTodo, script: script).dump(prefix: "after-")
        }
        invariant(otherOwnersLines(newTodo, owner: Self.ownerName) == otherOwnersLines(todo, owner: Self.ownerName),
                  "\(what()) changed other owners' task lines in TODO.md")
    }

    /// Someone edits one document by hand: flips a checkbox, drops a line, or copies one.
    mutating func externalEdit() {
        let onOwner = script.below(2) == 0
        let doc = Document(bytes: onOwner ? owner : todo)
        guard !doc.lines.isEmpty else { return }
        let line = script.below(doc.lines.count)
        var edited: Document
        switch script.below(3) {
        case 0:
            let content = Array(doc.content(line))
            guard let item = ChecklistItem(line: content) else { return }
            var flipped = content
            flipped[item.markOffset] = item.checked ? 0x20 : 0x78
            edited = doc.replacingContent(ofLine: line, with: flipped)
        case 1:
            edited = doc.replacing(lines: line..<(line + 1), with: [])
        default:
            let to = script.below(doc.lines.count + 1)
            edited = doc.replacing(lines: to..<to, with: [Array(doc.content(line))])
        }
        trace("step: external edit of line \(line + 1) of \(onOwner ? "the owner document" : "TODO.md")")
        // An external edit may change any line; only ctoboard's own changes are checked.
        if onOwner { owner = edited.bytes } else { todo = edited.bytes }
    }

    /// A first sync (no base).
    mutating func firstSync(prefer: SyncEngine.Side?) {
        dump()
        trace("step: first sync preferring \(prefer.map(\.rawValue) ?? "neither")")
        let plan = SyncEngine(prefer: prefer).plan(pair: pair, base: nil)
        for c in plan.carried { trace("  carried: \(c)") }
        check(plan.ownerBytes, plan.todoBytes, after: "a first sync preferring \(prefer.map(\.rawValue) ?? "neither")")
        if prefer != nil {
            invariant(plan.conflicts.isEmpty, "a sync preferring a side left \(plan.conflicts.count) conflicts")
        }
        if prefer == .owner {
            let after = TaskPair(paths: Self.paths, ownerBytes: plan.ownerBytes, todoBytes: plan.todoBytes)
            // Tasks with the same title pair up in document order; a carried duplicate can land in
            // a section before its twin and pair up the other way round, so duplicates are left out.
            var count: [String: Int] = [:]
            for t in after.tasks { count[t.key, default: 0] += 1 }
            for drift in after.drift() where (drift.kind == .checkbox || drift.kind == .section) && count[drift.task.key] == 1 {
                invariant(false, "after a first sync preferring the owner document: "
                          + "\(drift.kind) \(drift.task.title)")
            }
        }
        commit(plan.ownerBytes, plan.todoBytes)
    }

    /// With FUZZ_TRACE=DIR, writes the documents before a first sync to DIR/owner.md and DIR/todo.md.
    func dump(prefix: String = "") {
        guard tracing, let dir = getenv("FUZZ_TRACE").map({ String(cString: $0) }), dir.hasPrefix("/") else { return }
        for (name, bytes) in [("owner.md", owner), ("todo.md", todo)] {
            let fd = open(dir + "/" + prefix + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }

    /// A sync against the contents of the last change.
    mutating func syncWithBase(prefer: SyncEngine.Side?) {
        trace("step: sync with base preferring \(prefer.map(\.rawValue) ?? "neither")")
        let plan = SyncEngine(prefer: prefer).plan(pair: pair, base: base)
        for c in plan.carried { trace("  carried: \(c)") }
        check(plan.ownerBytes, plan.todoBytes, after: "a sync with base preferring \(prefer.map(\.rawValue) ?? "neither")")
        if prefer != nil {
            invariant(plan.conflicts.isEmpty, "a sync preferring a side left \(plan.conflicts.count) conflicts")
        }
        commit(plan.ownerBytes, plan.todoBytes)
    }
}
