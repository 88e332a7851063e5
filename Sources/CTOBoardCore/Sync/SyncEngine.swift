/// Three-way, task-by-task sync of a pair against its base snapshot (Unison's rule).
///
/// For every task: when the two documents agree, nothing happens; when only one side changed
/// since the base, its change (checkbox, section, title, addition, deletion) is carried to the
/// other; when both changed differently, it is a conflict and the task is left alone unless a
/// side is preferred. Without a base (the first run), tasks on one side only are carried over and
/// differing tasks are conflicts. Renames are found against the base by position and similarity.
public struct SyncEngine: Sendable {
    /// Which document wins conflicts.
    public enum Side: String, Sendable, Equatable, CaseIterable {
        case owner
        case todo
    }

    public var prefer: Side?
    /// Per-task choices (by task id) for conflicts, as the board's conflict chooser makes them.
    public var preferences: [String: Side]

    public init(prefer: Side? = nil, preferences: [String: Side] = [:]) {
        self.prefer = prefer
        self.preferences = preferences
    }

    /// A task's identity within one side: its key and occurrence.
    struct Ident: Hashable {
        let key: String
        let occurrence: Int
    }

    /// The task `target`, an entry of `original`, in `doc`, an edited copy of it where it is
    /// unchanged: of the tasks identical to it, the nearest to its place among its title's tasks.
    static func entry(_ target: TaskEntry, of original: TaskDocument, in doc: TaskDocument) -> TaskEntry? {
        let place = original.entries.filter { $0.key == target.key }.firstIndex { $0.line == target.line } ?? 0
        let sameKey = doc.entries.filter { $0.key == target.key }
        let twins = sameKey.indices.filter { sameKey[$0].item == target.item && sameKey[$0].text == target.text && sameKey[$0].childBytes == target.childBytes }
        return twins.min { abs($0 - place) < abs($1 - place) }.map { sameKey[$0] }
    }

    /// The heading that placed `base` in `doc`, when `now` has none for that section and `current`
    /// (found by title when outside every section: no task then) left it by that alone.
    static func lostHeading(_ base: TaskEntry?, _ current: TaskEntry?, base doc: TaskDocument?, now: TaskDocument) -> String? {
        guard let base, let pane = base.headingPane, let anchor = doc?.anchors[pane], now.anchors[pane] == nil,
              let current = current ?? now.entries.first(where: { $0.key == base.key && $0.pane == nil }),
              current.pane != pane, current.tagPane == base.tagPane, current.checked == base.checked else { return nil }
        return doc?.document.text(anchor.line)
    }

    /// The state that matters for sync.
    ///
    /// Across the two documents a task without a known section (in TODO.md, an unrecognised
    /// heading) agrees with any pane. Within one side (`sameSide`, the base against now) gaining or
    /// losing a section is a change: a `[Status: …]` tag added to a task placed by the default
    /// rule is carried, not left as a conflict.
    static func same(_ a: TaskEntry?, _ b: TaskEntry?, sameSide: Bool = false) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?):
            guard x.checked == y.checked, x.key == y.key else { return false }
            if sameSide { return x.pane == y.pane }
            if let px = x.pane, let py = y.pane, px != py { return false }
            return true
        default: return false
        }
    }

    /// Renames on one side: base tasks gone, matched to new tasks with a similar title, closest
    /// position first. Identities are numbers (see ``plan(pair:base:)``); the result maps a base task's
    /// number to the current task's, or -1.
    static func renames(base: SideTasks, baseIDs: [Int], current: SideTasks, currentIDs: [Int],
                        count: Int) -> [Int] {
        var inCurrent = [Bool](repeating: false, count: count), inBase = [Bool](repeating: false, count: count)
        for id in currentIDs { inCurrent[id] = true }
        for id in baseIDs { inBase[id] = true }
        // The new tasks, with their titles made once (a title is made anew on each use).
        var added = (0..<current.count).filter { !inBase[currentIDs[$0]] }.map { (index: $0, title: current[$0].title) }
        var result = [Int](repeating: -1, count: count)
        for bi in 0..<base.count where !inCurrent[baseIDs[bi]] {
            let entry = base[bi]
            let title = entry.title
            var best: (index: Int, score: Double)?
            for (k, (ci, candidateTitle)) in added.enumerated() {
                let candidate = current[ci]
                var score = Similarity.dice(title, candidateTitle)
                if entry.pane == candidate.pane { score += 0.1 }
                score -= min(0.2, Double(abs(ci - bi)) * 0.01)
                if score >= 0.55, score > (best?.score ?? 0) { best = (k, score) }
            }
            if let best {
                result[baseIDs[bi]] = currentIDs[added[best.index].index]
                added.remove(at: best.index)
            }
        }
        return result
    }

    /// Plans a sync of `pair` against `base`.
    public func plan(pair: TaskPair, base: BaseSnapshot?) -> SyncPlan {
        let owner = pair.paths.owner
        let curO = SideTasks(pair.ownerDoc, todo: false, owner: owner)
        let curT = SideTasks(pair.todo, todo: true, owner: owner, like: curO)
        var baseO = SideTasks.empty, baseT = SideTasks.empty
        if let base {
            baseO = SideTasks(TaskDocument(document: Document(bytes: base.owner)), todo: false, owner: owner, like: curO)
            baseT = SideTasks(TaskDocument(document: Document(bytes: base.todo), keyOwner: owner), todo: true, owner: owner, like: curT)
        }
        // Every identity numbered once (0, 1, 2, … in order of first sight); the bookkeeping
        // is arrays indexed by number.
        var numbers: [Ident: Int] = [:]
        var idents: [Ident] = []
        func number(_ ident: Ident) -> Int {
            if let n = numbers[ident] { return n }
            numbers[ident] = idents.count
            idents.append(ident)
            return idents.count - 1
        }
        let curOIDs = curO.idents.map(number), curTIDs = curT.idents.map(number)
        let baseOIDs = baseO.idents.map(number), baseTIDs = baseT.idents.map(number)
        let count = idents.count
        /// Where each identity is on a side (an index into it), or -1; the first one wins.
        func positions(_ ids: [Int]) -> [Int] {
            var at = [Int](repeating: -1, count: count)
            for (k, id) in ids.enumerated() where at[id] < 0 { at[id] = k }
            return at
        }
        let curOAt = positions(curOIDs), curTAt = positions(curTIDs)
        let baseOAt = positions(baseOIDs), baseTAt = positions(baseTIDs)
        let renO = Self.renames(base: baseO, baseIDs: baseOIDs, current: curO, currentIDs: curOIDs, count: count)
        let renT = Self.renames(base: baseT, baseIDs: baseTIDs, current: curT, currentIDs: curTIDs, count: count)

        var ownerEd = DocumentEditor(pair.ownerDoc)
        var todoEd = DocumentEditor(pair.todo)
        var carried: [String] = []
        var changes: [TaskChange] = []
        var conflicts: [SyncConflict] = []
        var handledO = [Bool](repeating: false, count: count), handledT = [Bool](repeating: false, count: count)
        // Deletions carried out of each document into the other (not those a conflict's choice makes).
        var deletedInOwner = 0, deletedInTodo = 0

        // Conflicts left open, with their base entries: the base to store keeps those (see below).
        var held: [(bO: TaskEntry?, bT: TaskEntry?, o: TaskEntry?, t: TaskEntry?)] = []

        func resolveConflict(_ o: TaskEntry?, _ t: TaskEntry?, oIdent: Ident?, tIdent: Ident?, bO: TaskEntry? = nil, bT: TaskEntry? = nil,
                             cause: String? = nil) {
            let task = (o ?? t)!
            let id = TaskMatcher.id(task.key, oIdent?.occurrence ?? tIdent?.occurrence ?? 1)
            switch prefer ?? preferences[id] {
            case .owner?:
                carry(from: o, fromTodo: false, to: t, into: &todoEd, isTodo: true, pair: pair)
                carried.append("conflict on \"\((o ?? t)!.title)\" resolved with the owner document's version")
            case .todo?:
                carry(from: t, fromTodo: true, to: o, into: &ownerEd, isTodo: false, pair: pair)
                carried.append("conflict on \"\((t ?? o)!.title)\" resolved with TODO.md's version")
            case nil:
                held.append((bO, bT, o, t))
                conflicts.append(SyncConflict(
                    id: id, title: task.title,
                    ownerVersion: o.map { pair.ownerDoc.document.text($0.line) },
                    todoVersion: t.map { pair.todo.document.text($0.line) },
                    ownerLine: o.map { $0.line + 1 }, todoLine: t.map { $0.line + 1 }, cause: cause))
            }
        }

        func decide(base bO: TaskEntry?, _ bT: TaskEntry?, oID: Int?, tID: Int?) {
            let o = oID.flatMap { curOAt[$0] >= 0 ? curO[curOAt[$0]] : nil }
            let t = tID.flatMap { curTAt[$0] >= 0 ? curT[curTAt[$0]] : nil }
            if let oID { handledO[oID] = true }
            if let tID { handledT[tID] = true }
            let oIdent = oID.map { idents[$0] }, tIdent = tID.map { idents[$0] }
            if Self.same(o, t) { return }
            let hasBase = base != nil && (bO != nil || bT != nil)
            let oChanged = !hasBase || !Self.same(bO, o, sameSide: true)
            let tChanged = !hasBase || !Self.same(bT, t, sameSide: true)
            if !hasBase {
                // First sight: carry a task present on one side only; differing ones conflict.
                if o != nil && t == nil {
                    carry(from: o, fromTodo: false, to: nil, into: &todoEd, isTodo: true, pair: pair)
                    carried.append("added \"\(o!.title)\" to TODO.md")
                    changes += Self.changes(o, old: nil)
                } else if t != nil && o == nil {
                    carry(from: t, fromTodo: true, to: nil, into: &ownerEd, isTodo: false, pair: pair)
                    carried.append("added \"\(t!.title)\" to the owner document")
                    changes += Self.changes(t, old: nil)
                } else if !Self.same(o, t) {
                    resolveConflict(o, t, oIdent: oIdent, tIdent: tIdent)
                }
                return
            }
            // A task that left its section only because the section's heading went (renamed to
            // one that names no section, deleted) was not moved by anyone: a conflict, not a move.
            if let (name, heading) = Self.lostHeading(bO, o, base: baseO.doc, now: pair.ownerDoc).map({ ("the owner document", $0) })
                ?? Self.lostHeading(bT, t, base: baseT.doc, now: pair.todo).map({ ("TODO.md", $0) }) {
                resolveConflict(o, t, oIdent: oIdent, tIdent: tIdent, bO: bO, bT: bT, cause: "its section's heading `\(heading)` is gone from \(name) (put it back)")
            } else if oChanged && !tChanged {
                if o == nil { deletedInOwner += 1 }
                carry(from: o, fromTodo: false, to: t, into: &todoEd, isTodo: true, pair: pair)
                carried.append(Self.describe(o, old: bO, into: "TODO.md"))
                changes += Self.changes(o, old: bO)
            } else if tChanged && !oChanged {
                if t == nil { deletedInTodo += 1 }
                carry(from: t, fromTodo: true, to: o, into: &ownerEd, isTodo: false, pair: pair)
                carried.append(Self.describe(t, old: bT, into: "the owner document"))
                changes += Self.changes(t, old: bT)
            } else {
                resolveConflict(o, t, oIdent: oIdent, tIdent: tIdent, bO: bO, bT: bT)
            }
        }

        // Tasks in the base, owner document's first, each once.
        var seen = [Bool](repeating: false, count: count)
        var renamedTargetO = [Bool](repeating: false, count: count), renamedTargetT = [Bool](repeating: false, count: count)
        for target in renO where target >= 0 { renamedTargetO[target] = true }
        for target in renT where target >= 0 { renamedTargetT[target] = true }
        for b in baseOIDs + baseTIDs where !seen[b] {
            seen[b] = true
            let oi = renO[b] >= 0 ? renO[b] : (curOAt[b] >= 0 ? b : nil)
            let ti = renT[b] >= 0 ? renT[b] : (curTAt[b] >= 0 ? b : nil)
            decide(base: baseOAt[b] >= 0 ? baseO[baseOAt[b]] : nil, baseTAt[b] >= 0 ? baseT[baseTAt[b]] : nil,
                   oID: oi, tID: ti)
        }
        if base == nil {
            // A first sync: a title on one side only that closely matches one on the other side
            // only is likely one task renamed, not two tasks: a conflict, not two additions.
            for (oi, ti) in Self.likelyRenames(owner: curO, ownerIDs: curOIDs, todo: curT, todoIDs: curTIDs, count: count) {
                decide(base: nil, nil, oID: oi, tID: ti)
            }
        }
        // Tasks new since the base (or everything, without one).
        for i in curOIDs where !handledO[i] && !renamedTargetO[i] {
            let ti = (curTAt[i] >= 0 && !handledT[i] && !renamedTargetT[i]) ? i : nil
            decide(base: nil, nil, oID: i, tID: ti)
        }
        for i in curTIDs where !handledT[i] && !renamedTargetT[i] {
            decide(base: nil, nil, oID: nil, tID: i)
        }
        let massDeletion = MassDeletion.check(side: .todo, lost: deletedInTodo, total: baseT.count, remaining: curT.count)
            ?? MassDeletion.check(side: .owner, lost: deletedInOwner, total: baseO.count, remaining: curO.count)
        // The base records only what both documents agreed on: each open conflict's task is put
        // back to its base version (removed where the base did not have it) in a copy of the
        // result, so that putting the documents back, or making them agree by hand, is seen as
        // just that rather than as new changes (which duplicated the task). Tasks that agree are
        // as in the result. Same-side copies: no tags are mirrored.
        var agreedBase: BaseSnapshot?
        if !held.isEmpty {
            var bo = DocumentEditor(ownerEd.parsed()), bt = DocumentEditor(todoEd.parsed())
            for h in held {
                carry(from: h.bO, fromTodo: false, to: h.o, into: &bo, isTodo: false, pair: pair)
                carry(from: h.bT, fromTodo: true, to: h.t, into: &bt, isTodo: true, pair: pair)
            }
            agreedBase = BaseSnapshot(owner: bo.document.bytes, todo: bt.document.bytes)
        }
        return SyncPlan(ownerBytes: ownerEd.document.bytes, todoBytes: todoEd.document.bytes,
                        carried: carried, conflicts: conflicts, changes: changes, massDeletion: massDeletion, agreedBase: agreedBase)
    }

    static func describe(_ e: TaskEntry?, old: TaskEntry?, into: String) -> String {
        guard let e else { return "deleted \"\(old?.title ?? "?")\" from \(into)" }
        guard let old else { return "added \"\(e.title)\" to \(into)" }
        var what: [String] = []
        if old.key != e.key { what.append("renamed \"\(old.title)\" to \"\(e.title)\"") }
        if old.checked != e.checked { what.append("\(e.checked ? "checked" : "unchecked") \"\(e.title)\"") }
        if old.pane != e.pane, let p = e.pane { what.append("moved \"\(e.title)\" to \(p.title)") }
        if what.isEmpty { what.append("updated \"\(e.title)\"") }
        return what.joined(separator: ", ") + " in \(into)"
    }

    /// Makes `target` (a task of `pair`, found again in the editor's document; nil when absent)
    /// look like `source` from the other document; deletes it when `source` is nil.
    func carry(from source: TaskEntry?, fromTodo: Bool, to target: TaskEntry?, into editor: inout DocumentEditor,
               isTodo: Bool, pair: TaskPair) {
        let parsed = editor.parsed()
        let owner = pair.paths.owner
        let current = target.flatMap { Self.entry($0, of: isTodo ? pair.todo : pair.ownerDoc, in: parsed) }
        guard let source else {
            if let current { editor.deleteTask(line: current.line) }
            return
        }
        let sameSide = fromTodo == isTodo
        let text = sameSide ? source.text.bytes : Self.mirrorText(source.text, fromTodo: fromTodo, into: current?.text, owner: owner)
        let pane = source.pane ?? current?.pane ?? source.defaultPane
        guard let current else {
            guard let pane else { return }
            // A new task comes with its whole list item: its children, re-indented under it.
            let children = source.childLines
            if isTodo && !parsed.isSectioned {
                let tagged = sameSide ? text : TaskTextRewriter.retag(TaskText(text), pane: pane)
                if let last = parsed.entries.last(where: { TaskMatcher.belongs($0, to: owner) }) ?? parsed.entries.last {
                    editor.insertAfter(line: last.end - 1, text: tagged, children: children, parentIndent: source.item.indent)
                    if source.checked { editor.setChecked(line: last.end, true) }
                    return
                }
            }
            editor.insertTask(text: text, checked: source.checked, pane: pane, children: children, parentIndent: source.item.indent)
            return
        }
        var newText = text
        if isTodo, !sameSide, let pane, current.text.status != nil || current.text.priority != nil || current.headingPane == nil {
            newText = TaskTextRewriter.retag(TaskText(newText), pane: pane)
        }
        if let pane, current.headingPane != nil, current.headingPane != pane, !isTodo || parsed.isSectioned {
            editor.moveTask(line: current.line, to: pane, text: newText, checked: source.checked)
        } else {
            editor.setText(line: current.line, newText)
            editor.setChecked(line: current.line, source.checked)
        }
    }

    /// The other document's text for a task: owner → TODO.md keeps TODO.md's tags (or adds the
    /// owner tag); TODO.md → owner drops the tags.
    static func mirrorText(_ source: TaskText, fromTodo: Bool, into current: TaskText?, owner: String) -> [UInt8] {
        if fromTodo {
            // Each tag goes with the emphasis wrapped around it alone (`**[Owner: CTO]**`) and one
            // space beside it, so that a tag in any position leaves a clean title.
            let bytes = source.bytes
            var edits: [(Range<Int>, [UInt8])] = []
            for tag in source.allTags {
                let range = TaskText.wrapped(tag.range, in: bytes)
                var lo = range.lowerBound, hi = range.upperBound
                if lo > 0, ByteSearch.isSpace(bytes[lo - 1]) { lo -= 1 } else if hi < bytes.count, ByteSearch.isSpace(bytes[hi]) { hi += 1 }
                edits.append((lo..<hi, []))
            }
            var out = TaskTextRewriter.apply(edits, to: bytes)
            while let last = out.last, ByteSearch.isSpace(last) { out.removeLast() }
            while let first = out.first, ByteSearch.isSpace(first) { out.removeFirst() }
            return out
        }
        var body = source.bytes
        while let last = body.last, ByteSearch.isSpace(last) { body.removeLast() }
        if let current, let first = current.allTags.first(where: { $0.range.lowerBound >= current.titleEnd }) {
            var out = body + [0x20] + Array(current.bytes[first.range.lowerBound...])
            // An owner tag followed by more text is in the title part, not among the trailing
            // tags: keep it, or the task would leave its owner.
            if let tag = current.owner, tag.range.lowerBound < first.range.lowerBound {
                out += [0x20] + current.bytes[tag.range]
            }
            return out
        }
        return body + Array(" [Owner: \(owner)]".utf8)
    }
}
