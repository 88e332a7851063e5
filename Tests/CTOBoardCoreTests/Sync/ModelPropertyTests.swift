import Foundation
import Testing
import PropertyBased
@testable import CTOBoardCore

/// The model: the owner's tasks by title, with their pane and checkbox.
private struct ModelTask: Hashable, Comparable {
    var title: String
    var pane: Pane
    var checked: Bool
    static func < (a: ModelTask, b: ModelTask) -> Bool { a.title < b.title }
}

/// How an external editor saves a file.
private enum SaveMode: CaseIterable {
    /// Overwrites the same inode without truncating first, then truncates to the new length.
    case inPlace
    /// Writes a new file and renames it over (most editors).
    case renameOver
    /// Truncates the file, then writes (shell redirection).
    case truncateThenWrite

    func save(_ bytes: [UInt8], to path: String) throws {
        switch self {
        case .inPlace:
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
            defer { close(fd) }
            try writeFully(fd, bytes)
            guard ftruncate(fd, off_t(bytes.count)) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case .renameOver:
            let temp = path + ".editor-save"
            try SyncSandbox.write(bytes, to: temp)
            guard rename(temp, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case .truncateThenWrite:
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
            defer { close(fd) }
            try writeFully(fd, bytes)
        }
    }

    private func writeFully(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
            offset += n
        }
    }
}

/// Distinct words for titles, so that renames are found by similarity and nothing else is.
private let words = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
    "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
    "xray", "yankee", "zulu", "café", "naïve", "größe", "任务", "données", "ñandú",
]
private let panes: [Pane] = [.completed, .inProgress, .high, .medium, .low]

/// A lines-with-terminators view of a file, edited like a person would.
private struct Lines {
    var lines: [[UInt8]]
    let eol: [UInt8]

    init(_ bytes: [UInt8], eol: [UInt8]) {
        self.eol = eol
        lines = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
    }

    var bytes: [UInt8] { lines.flatMap { $0 } }

    /// The content of line `i` (without its terminator).
    func content(_ i: Int) -> [UInt8] {
        var l = lines[i]
        if l.last == 0x0A { l.removeLast() }
        if l.last == 0x0D { l.removeLast() }
        return l
    }

    mutating func setContent(_ i: Int, _ c: [UInt8]) {
        let terminator = Array(lines[i].suffix(lines[i].count - content(i).count))
        lines[i] = c + (terminator.isEmpty && i < lines.count - 1 ? eol : terminator)
    }

    mutating func insert(after i: Int, _ c: [UInt8]) {
        if lines[i].last != 0x0A { lines[i] += eol }
        lines.insert(c + eol, at: i + 1)
    }

    /// The first line whose content equals or ends with a string.
    func index(where match: (String) -> Bool) -> Int? {
        lines.indices.first { match(String(decoding: content($0), as: UTF8.self)) }
    }
}

@Suite("Model-based property: operations and external edits")
struct ModelPropertyTests {
    /// One step, decoded from four random numbers against the current model.
    private static let steps = Gen.int(in: 0...9_999).array(of: 4).array(of: 1...8)

    @Test func randomOperationsAndExternalEditsLoseNothing() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...3), Self.steps) { layoutPick, steps in
            try Self.run(layout: [DocLayout.lf, .crlf, .bom, .noFinalNewline][layoutPick], steps: steps)
        }
    }

    private static func anchorLine(for pane: Pane, todo: Bool, in lines: Lines) -> Int? {
        let name: String
        switch pane {
        case .completed: name = "Completed"
        case .inProgress: name = "In Progress"
        case .high: name = "High Priority"
        case .medium: name = "Medium Priority"
        case .low: name = "Low Priority"
        }
        return lines.index { line in
            if pane.priorityName != nil { return todo ? line == "### \(name)" : line == "**\(name)**:" }
            return line.hasPrefix("## ") && line.hasSuffix(name)
        }
    }

    private static func taskLine(_ title: String, todo: Bool, in lines: Lines) -> Int? {
        let doc = TaskDocument(document: Document(bytes: lines.bytes))
        return doc.entries.first { e in
            e.title == title && (todo ? TaskMatcher.belongs(e, to: "CTO") : e.pane != nil)
        }?.line
    }

    static func run(layout: DocLayout, steps: [[Int]]) throws {
        let box = try SyncSandbox(layout: layout)
        defer { box.remove() }
        let eol: [UInt8] = layout.crlf ? [0x0D, 0x0A] : [0x0A]
        var model: [String: ModelTask] = [:]
        for t in ownerTasks(try box.loadPair().ownerDoc) { model[t.title] = ModelTask(title: t.title, pane: t.pane!, checked: t.checked) }
        // The first sync stores the base: without one, differing states are conflicts by design.
        _ = try box.session().sync()
        #expect(box.store.loadBase(box.paths) != nil)
        var counter = 0
        func newTitle(_ a: Int, _ b: Int) -> String {
            counter += 1
            return "\(words[a % words.count]) \(words[b % words.count]) \(counter)"
        }
        // External edits since the last session call: tasks touched (never touched again from
        // the other side, so no conflict arises) and whether a side had a structural edit (an
        // add, delete or rename, so that renames are unambiguous).
        var touched = Set<String>()
        var structural = [false, false]
        var log: [String] = []

        func check(_ what: String) throws {
            let pair = try box.loadPair()
            let expected = model.values.sorted()
            let owner = ownerTasks(pair.ownerDoc).map { ModelTask(title: $0.title, pane: $0.pane ?? .medium, checked: $0.checked) }.sorted()
            let todo = todoTasks(pair.todo).map { ModelTask(title: $0.title, pane: $0.pane ?? .medium, checked: $0.checked) }.sorted()
            #expect(owner == expected, "owner document after \(what)\nsteps: \(log.joined(separator: "; "))")
            #expect(todo == expected, "TODO.md after \(what)\nsteps: \(log.joined(separator: "; "))")
            #expect(pair.drift().isEmpty, "drift after \(what)\nsteps: \(log.joined(separator: "; "))")
        }

        // The user's last change (the tasks as they were before it, and the titles it touched)
        // and the tasks external edits touched since.
        var lastChange: (before: [String: ModelTask], titles: Set<String>)?
        var touchedSinceChange = Set<String>()

        func checkUnchanged(since before: ([UInt8], [UInt8]), _ what: String) throws {
            #expect(box.ownerBytes == before.0 && box.todoBytes == before.1, "\(what) wrote\nsteps: \(log.joined(separator: "; "))")
        }

        for step in steps {
            let kind: Int = step[0] % 19
            let (a, b, c): (Int, Int, Int) = (step[1], step[2], step[3])
            let titles: [String] = model.keys.sorted()
            let pick: String? = titles.isEmpty ? nil : titles[a % titles.count]
            if kind < 9 {
                // A session operation.
                var op: TaskOperation
                var apply: (inout [String: ModelTask]) -> Void = { _ in }
                if let t = pick, kind != 7 {
                    let task = model[t]!
                    switch kind {
                    case 0, 1:
                        op = .toggle(t)
                        apply = { $0[t]!.checked.toggle() }
                    case 2:
                        op = .verify(t)
                        apply = { $0[t]!.pane = .completed; $0[t]!.checked = true }
                    case 3:
                        op = .complete(t)
                        apply = { $0[t]!.pane = .completed; $0[t]!.checked = false }
                    case 4:
                        op = .start(t)
                        apply = { $0[t]!.pane = .inProgress; $0[t]!.checked = false }
                    case 5:
                        var to = panes[b % panes.count]
                        if to == .completed && task.pane == .completed { to = .high }
                        op = .move(t, to: to)
                        apply = { m in
                            if to == .completed { m[t]!.checked = false }
                            else if task.pane == .completed { m[t]!.checked = false }
                            m[t]!.pane = to
                        }
                    case 6:
                        let n = newTitle(b, c)
                        op = .edit(t, title: n)
                        apply = { m in m[t] = nil; m[n] = ModelTask(title: n, pane: task.pane, checked: task.checked) }
                    default:
                        op = .delete(t)
                        apply = { $0[t] = nil }
                    }
                    if kind == 8 && b % 2 == 0 {
                        op = .reorder(t, by: b % 4 == 0 ? -1 : 1)
                        apply = { _ in }
                    }
                } else {
                    let n = newTitle(b, c)
                    let pane = panes[c % panes.count]
                    op = .add(title: n, to: pane)
                    apply = { $0[n] = ModelTask(title: n, pane: pane, checked: false) }
                }
                log.append("\(op)")
                let before = (box.ownerBytes, box.todoBytes)
                do {
                    _ = try box.session(updateLastUpdated: a % 2 == 0).perform(op)
                    let wrote = box.ownerBytes != before.0 || box.todoBytes != before.1
                    let before = model
                    apply(&model)
                    // What undoing it gives back: the tasks it touched as they were. An operation
                    // that changed no byte (completing a task already awaiting verification) is no
                    // change to undo: undo then gives back the one before it.
                    if wrote {
                        let changed = Set(before.keys).symmetricDifference(model.keys).union(model.keys.filter { before[$0] != model[$0] })
                        lastChange = (before.filter { changed.contains($0.key) }, changed)
                        touchedSinceChange = []
                    }
                } catch {
                    // Only a reorder at the edge of its pane may be refused.
                    guard case .operation(.nothingToDo) = error, case .reorder = op else {
                        Issue.record("\(op) failed: \(error)\nsteps: \(log.joined(separator: "; "))")
                        return
                    }
                    // A refused operation writes nothing: pending external edits stay pending.
                    try checkUnchanged(since: before, "\(op) (refused)")
                    continue
                }
                touched.removeAll()
                structural = [false, false]
                try check("\(op)")
            } else if kind == 16 {
                // An external truncation (a crashed editor, a bad paste): a sync either refuses
                // it or carries a few deletions; restoring the document then brings every task back.
                guard touched.isEmpty else { continue }
                let isTodo = b % 2 == 1
                let path = isTodo ? box.paths.todo : box.paths.ownerDoc
                let original = isTodo ? box.todoBytes : box.ownerBytes
                let mode = SaveMode.allCases[c % SaveMode.allCases.count]
                let cut = c % 3 == 0 ? 0 : a % (original.count + 1)
                log.append("external \(mode) truncate \(isTodo ? "TODO" : "owner") to \(cut) bytes")
                try mode.save(Array(original.prefix(cut)), to: path)
                let pending = (box.ownerBytes, box.todoBytes)
                do throws(SessionError) {
                    _ = try box.session().sync()
                    log.append("sync")
                } catch {
                    guard case .massDeletion = error else { Issue.record("sync failed: \(error)\nsteps: \(log.joined(separator: "; "))"); return }
                    log.append("sync (refused)")
                    try checkUnchanged(since: pending, "a refused sync")
                    // Any operation is refused too, writing nothing.
                    if let t = pick {
                        #expect(throws: SessionError.self) { _ = try box.session().perform(.toggle(t)) }
                        try checkUnchanged(since: pending, "an operation on a truncated document")
                    }
                }
                try mode.save(original, to: path)
                log.append("restore; sync")
                let result = try box.session().sync()
                #expect(result.plan.conflicts.isEmpty, "conflicts: \(result.plan.conflicts.map(\.summary))\nsteps: \(log.joined(separator: "; "))")
                try check("restoring a truncated document")
                // Undo would now reach back past the restore: start afresh.
                lastChange = nil
            } else if kind == 18 {
                // Conflicting edits (a rename in the owner document, a checkbox in TODO.md), a
                // sync that leaves the conflict, then both documents put back: nothing is lost
                // or duplicated and no conflict is left.
                guard touched.isEmpty, let t = pick else { continue }
                let (owner, todo) = (box.ownerBytes, box.todoBytes)
                var o = Lines(owner, eol: eol), d = Lines(todo, eol: eol)
                guard let oi = taskLine(t, todo: false, in: o), let ti = taskLine(t, todo: true, in: d) else { continue }
                let renamed = String(decoding: o.content(oi), as: UTF8.self).replacingOccurrences(of: t, with: t + " " + words[c % words.count])
                o.setContent(oi, Array(renamed.utf8))
                var content = d.content(ti)
                let mark = content.firstIndex(of: 0x5B)! + 1
                content[mark] = content[mark] == 0x20 ? 0x78 : 0x20
                d.setContent(ti, content)
                let mode = SaveMode.allCases[b % SaveMode.allCases.count]
                try mode.save(o.bytes, to: box.paths.ownerDoc)
                try mode.save(d.bytes, to: box.paths.todo)
                log.append("external rename \(t) in owner, flip it in TODO; sync")
                let conflicted = try box.session().sync()
                #expect(conflicted.plan.conflicts.count == 1, "conflicts: \(conflicted.plan.conflicts.map(\.summary))\nsteps: \(log.joined(separator: "; "))")
                try mode.save(owner, to: box.paths.ownerDoc)
                try mode.save(todo, to: box.paths.todo)
                log.append("restore both; sync")
                let restored = try box.session().sync()
                #expect(restored.plan.conflicts.isEmpty, "conflicts: \(restored.plan.conflicts.map(\.summary))\nsteps: \(log.joined(separator: "; "))")
                try check("restoring conflicting documents")
                lastChange = nil
            } else if kind == 17 {
                // A sync carrying pending external edits, then undo: the user's own last change
                // is undone, never the carried edits.
                _ = try box.session().sync()
                log.append("sync")
                touched.removeAll()
                structural = [false, false]
                try check("a sync")
                guard let change = lastChange, change.titles.isDisjoint(with: touchedSinceChange) else { continue }
                let pending = (box.ownerBytes, box.todoBytes)
                log.append("undo")
                var undone = false
                do throws(SessionError) {
                    _ = try box.session().undo()
                    undone = true
                } catch {
                    // Undo may refuse when the lines moved; then it writes nothing.
                    guard case .undo = error else { Issue.record("undo failed: \(error)\nsteps: \(log.joined(separator: "; "))"); return }
                    try checkUnchanged(since: pending, "a refused undo")
                }
                if undone {
                    for t in change.titles { model[t] = change.before[t] }
                    lastChange = nil
                    try check("undo after a sync")
                }
            } else {
                // An external edit to one document.
                let side = b % 2
                let isTodo = side == 1
                let path = isTodo ? box.paths.todo : box.paths.ownerDoc
                var lines = Lines(isTodo ? box.todoBytes : box.ownerBytes, eol: eol)
                let mode = SaveMode.allCases[c % SaveMode.allCases.count]
                let suffix = isTodo ? " [Owner: CTO]" : ""
                let free: [String] = titles.filter { !touched.contains($0) }
                let target: String? = free.isEmpty ? nil : free[a % free.count]
                switch kind {
                case 9, 10, 11:
                    // Flip a checkbox.
                    guard let t = target, let i = taskLine(t, todo: isTodo, in: lines) else { continue }
                    var content = lines.content(i)
                    let mark = content.firstIndex(of: 0x5B)! + 1
                    content[mark] = content[mark] == 0x20 ? 0x78 : 0x20
                    lines.setContent(i, content)
                    model[t]!.checked.toggle()
                    touched.insert(t)
                    log.append("external \(mode) flip \(t) in \(isTodo ? "TODO" : "owner")")
                case 12:
                    // Move to another section.
                    guard let t = target, let i = taskLine(t, todo: isTodo, in: lines) else { continue }
                    let to = panes[c % panes.count]
                    guard to != model[t]!.pane else { continue }
                    let content = lines.content(i)
                    lines.lines.remove(at: i)
                    guard let anchor = anchorLine(for: to, todo: isTodo, in: lines) else { continue }
                    lines.insert(after: anchor, content)
                    model[t]!.pane = to
                    touched.insert(t)
                    log.append("external \(mode) move \(t) to \(to) in \(isTodo ? "TODO" : "owner")")
                case 13:
                    // Add a task.
                    guard !structural[side] else { continue }
                    let n = newTitle(a, c)
                    let pane = panes[a % panes.count]
                    guard let anchor = anchorLine(for: pane, todo: isTodo, in: lines) else { continue }
                    let checked = c % 2 == 0
                    lines.insert(after: anchor, Array("- [\(checked ? "x" : " ")] \(n)\(suffix)".utf8))
                    model[n] = ModelTask(title: n, pane: pane, checked: checked)
                    touched.insert(n)
                    structural[side] = true
                    log.append("external \(mode) add \(n) to \(pane) in \(isTodo ? "TODO" : "owner")")
                case 14:
                    // Delete a task.
                    guard !structural[side], let t = target, let i = taskLine(t, todo: isTodo, in: lines) else { continue }
                    lines.lines.remove(at: i)
                    model[t] = nil
                    touched.insert(t)
                    structural[side] = true
                    log.append("external \(mode) delete \(t) in \(isTodo ? "TODO" : "owner")")
                default:
                    // Rename: a word appended to the title.
                    guard !structural[side], let t = target, let i = taskLine(t, todo: isTodo, in: lines) else { continue }
                    let n = t + " " + words[c % words.count]
                    guard model[n] == nil else { continue }
                    let content = String(decoding: lines.content(i), as: UTF8.self)
                    guard let r = content.range(of: t) else { continue }
                    lines.setContent(i, Array(content.replacingCharacters(in: r, with: n).utf8))
                    let old = model[t]!
                    model[t] = nil
                    model[n] = ModelTask(title: n, pane: old.pane, checked: old.checked)
                    touched.insert(t)
                    touched.insert(n)
                    structural[side] = true
                    log.append("external \(mode) rename \(t) to \(n) in \(isTodo ? "TODO" : "owner")")
                }
                try mode.save(lines.bytes, to: path)
                touchedSinceChange.formUnion(touched)
            }
        }
        // Finally a sync: both documents agree with the model and with each other.
        let result = try box.session().sync()
        log.append("sync")
        #expect(result.plan.conflicts.isEmpty, "conflicts: \(result.plan.conflicts.map(\.summary))\nsteps: \(log.joined(separator: "; "))")
        try check("the final sync")
        #expect(!FileIO.isFile(box.store.journalPath))
        #expect(box.leftoverTemps.isEmpty)
    }
}
