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

    /// A task's identity within one side: its key and occurrence. Compared and hashed as the
    /// key's bytes (keys are already folded and in NFC): String's hash would normalize every
    /// title again.
    struct Ident: Hashable {
        let exact: ExactKey
        let occurrence: Int
        var key: String { exact.string }

        init(key: String, occurrence: Int) {
            self.init(ExactKey(key), occurrence: occurrence)
        }

        init(_ key: ExactKey, occurrence: Int) {
            exact = key
            self.occurrence = occurrence
        }

        static func == (a: Ident, b: Ident) -> Bool { a.occurrence == b.occurrence && a.exact == b.exact }

        func hash(into hasher: inout Hasher) {
            hasher.combine(exact.hash)
            hasher.combine(occurrence)
        }
    }

    /// The owner's tasks of one side, in order.
    static func side(_ doc: TaskDocument, todo: Bool, owner: String) -> [(Ident, TaskEntry)] {
        var seen: [ExactKey: Int] = [:]
        var out: [(Ident, TaskEntry)] = []
        let ownerBytes = Array(owner.utf8)
        let onlyOwners = doc.keyOwner == owner
        for e in doc.entries {
            // In a TODO.md parsed for this owner, only the owner's tasks were taken apart (the others
            // carry no tags at all).
            if todo { guard onlyOwners ? e.text.owner != nil : e.text.isOwned(by: ownerBytes) else { continue } }
            else { guard e.pane != nil else { continue } }
            let k = ExactKey(e.key, hash: e.keyHash)
            let n = seen[k, default: 0] + 1
            seen[k] = n
            out.append((Ident(k, occurrence: n), e))
        }
        return out
    }

    /// The state that matters for sync.
    static func same(_ a: TaskEntry?, _ b: TaskEntry?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?):
            guard x.key == y.key, x.checked == y.checked else { return false }
            if let px = x.pane, let py = y.pane, px != py { return false }
            return true
        default: return false
        }
    }

    /// Renames on one side: base tasks gone, matched to new tasks with a similar title, closest
    /// position first.
    static func renames(base: [(Ident, TaskEntry)], current: [(Ident, TaskEntry)]) -> [Ident: Ident] {
        let currentSet = Set(current.map(\.0))
        let baseSet = Set(base.map(\.0))
        let removed = base.enumerated().filter { !currentSet.contains($0.element.0) }
        var added = current.enumerated().filter { !baseSet.contains($0.element.0) }
        var result: [Ident: Ident] = [:]
        for (bi, (ident, entry)) in removed {
            var best: (index: Int, score: Double)?
            for (k, (ci, (_, candidate))) in added.enumerated() {
                var score = Similarity.dice(entry.title, candidate.title)
                if entry.pane == candidate.pane { score += 0.1 }
                score -= min(0.2, Double(abs(ci - bi)) * 0.01)
                if score >= 0.55, score > (best?.score ?? 0) { best = (k, score) }
            }
            if let best {
                result[ident] = added[best.index].element.0
                added.remove(at: best.index)
            }
        }
        return result
    }

    /// Plans a sync of `pair` against `base`.
    public func plan(pair: TaskPair, base: BaseSnapshot?) -> SyncPlan {
        let owner = pair.paths.owner
        let curO = Self.side(pair.ownerDoc, todo: false, owner: owner)
        let curT = Self.side(pair.todo, todo: true, owner: owner)
        var baseO: [(Ident, TaskEntry)] = []
        var baseT: [(Ident, TaskEntry)] = []
        if let base {
            baseO = Self.side(TaskDocument(document: Document(bytes: base.owner)), todo: false, owner: owner)
            baseT = Self.side(TaskDocument(document: Document(bytes: base.todo), keyOwner: owner), todo: true, owner: owner)
        }
        let renO = Self.renames(base: baseO, current: curO)
        let renT = Self.renames(base: baseT, current: curT)
        let curOMap = Dictionary(curO.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let curTMap = Dictionary(curT.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let baseOMap = Dictionary(baseO.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        let baseTMap = Dictionary(baseT.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })

        var ownerEd = DocumentEditor(pair.ownerDoc)
        var todoEd = DocumentEditor(pair.todo)
        var carried: [String] = []
        var conflicts: [SyncConflict] = []
        var handledO = Set<Ident>(), handledT = Set<Ident>()

        func resolveConflict(_ o: TaskEntry?, _ t: TaskEntry?, oIdent: Ident?, tIdent: Ident?) {
            let task = (o ?? t)!
            let id = TaskMatcher.id(task.key, oIdent?.occurrence ?? tIdent?.occurrence ?? 1)
            switch prefer ?? preferences[id] {
            case .owner?:
                carry(from: o, fromTodo: false, to: tIdent, into: &todoEd, isTodo: true, owner: owner, base: nil)
                carried.append("conflict on \"\((o ?? t)!.title)\" resolved with the owner document's version")
            case .todo?:
                carry(from: t, fromTodo: true, to: oIdent, into: &ownerEd, isTodo: false, owner: owner, base: nil)
                carried.append("conflict on \"\((t ?? o)!.title)\" resolved with TODO.md's version")
            case nil:
                conflicts.append(SyncConflict(
                    id: id, title: task.title,
                    ownerVersion: o.map { pair.ownerDoc.document.text($0.line) },
                    todoVersion: t.map { pair.todo.document.text($0.line) },
                    ownerLine: o.map { $0.line + 1 }, todoLine: t.map { $0.line + 1 }))
            }
        }

        func decide(base bO: TaskEntry?, _ bT: TaskEntry?, oIdent: Ident?, tIdent: Ident?) {
            let o = oIdent.flatMap { curOMap[$0] }
            let t = tIdent.flatMap { curTMap[$0] }
            if let oIdent { handledO.insert(oIdent) }
            if let tIdent { handledT.insert(tIdent) }
            if Self.same(o, t) { return }
            let hasBase = base != nil && (bO != nil || bT != nil)
            let oChanged = !hasBase || !Self.same(bO, o) || (bO != nil && o != nil && bO!.key != o!.key)
            let tChanged = !hasBase || !Self.same(bT, t) || (bT != nil && t != nil && bT!.key != t!.key)
            if !hasBase {
                // First sight: carry a task present on one side only; differing ones conflict.
                if o != nil && t == nil {
                    carry(from: o, fromTodo: false, to: nil, into: &todoEd, isTodo: true, owner: owner, base: nil)
                    carried.append("added \"\(o!.title)\" to TODO.md")
                } else if t != nil && o == nil {
                    carry(from: t, fromTodo: true, to: nil, into: &ownerEd, isTodo: false, owner: owner, base: nil)
                    carried.append("added \"\(t!.title)\" to the owner document")
                } else if !Self.same(o, t) {
                    resolveConflict(o, t, oIdent: oIdent, tIdent: tIdent)
                }
                return
            }
            if oChanged && !tChanged {
                carry(from: o, fromTodo: false, to: tIdent, into: &todoEd, isTodo: true, owner: owner, base: bT)
                carried.append(Self.describe(o, old: bO, into: "TODO.md"))
            } else if tChanged && !oChanged {
                carry(from: t, fromTodo: true, to: oIdent, into: &ownerEd, isTodo: false, owner: owner, base: bO)
                carried.append(Self.describe(t, old: bT, into: "the owner document"))
            } else {
                resolveConflict(o, t, oIdent: oIdent, tIdent: tIdent)
            }
        }

        // Tasks in the base.
        var baseIdents: [Ident] = []
        var seen = Set<Ident>()
        for (i, _) in baseO + baseT where !seen.contains(i) { seen.insert(i); baseIdents.append(i) }
        let renamedTargetsO = Set(renO.values), renamedTargetsT = Set(renT.values)
        for b in baseIdents {
            let oi = renO[b] ?? (curOMap[b] != nil ? b : nil)
            let ti = renT[b] ?? (curTMap[b] != nil ? b : nil)
            decide(base: baseOMap[b], baseTMap[b], oIdent: oi, tIdent: ti)
        }
        // Tasks new since the base (or everything, without one).
        for (i, _) in curO where !handledO.contains(i) && !renamedTargetsO.contains(i) {
            let ti = (curTMap[i] != nil && !handledT.contains(i) && !renamedTargetsT.contains(i)) ? i : nil
            decide(base: nil, nil, oIdent: i, tIdent: ti)
        }
        for (i, _) in curT where !handledT.contains(i) && !renamedTargetsT.contains(i) {
            decide(base: nil, nil, oIdent: nil, tIdent: i)
        }
        return SyncPlan(ownerBytes: ownerEd.document.bytes, todoBytes: todoEd.document.bytes,
                        carried: carried, conflicts: conflicts)
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

    /// Makes the task `target` (an identity in the editor's document, nil when absent) look like
    /// `source` from the other document; deletes it when `source` is nil.
    func carry(from source: TaskEntry?, fromTodo: Bool, to target: Ident?, into editor: inout DocumentEditor,
               isTodo: Bool, owner: String, base: TaskEntry?) {
        let parsed = editor.parsed()
        let current = target.flatMap { t in Self.side(parsed, todo: isTodo, owner: owner).first { $0.0 == t }?.1 }
        guard let source else {
            if let current { editor.deleteLine(current.line) }
            return
        }
        let text = Self.mirrorText(source.text, fromTodo: fromTodo, into: current?.text, owner: owner)
        let pane = source.pane ?? current?.pane
        guard let current else {
            guard let pane else { return }
            if isTodo && !parsed.isSectioned {
                let tagged = TaskTextRewriter.retag(TaskText(text), pane: pane)
                if let last = parsed.entries.last(where: { TaskMatcher.belongs($0, to: owner) }) ?? parsed.entries.last {
                    editor.insertAfter(line: last.line, text: tagged)
                    if source.checked { editor.setChecked(line: last.line + 1, true) }
                    return
                }
            }
            editor.insertTask(text: text, checked: source.checked, pane: pane)
            return
        }
        var newText = text
        if isTodo, let pane, current.text.status != nil || current.text.priority != nil || current.headingPane == nil {
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
            var edits: [(Range<Int>, [UInt8])] = []
            for tag in source.allTags {
                var lo = tag.range.lowerBound
                if lo > 0, ByteSearch.isSpace(source.bytes[lo - 1]) { lo -= 1 }
                edits.append((lo..<tag.range.upperBound, []))
            }
            var out = TaskTextRewriter.apply(edits, to: source.bytes)
            while let last = out.last, ByteSearch.isSpace(last) { out.removeLast() }
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
