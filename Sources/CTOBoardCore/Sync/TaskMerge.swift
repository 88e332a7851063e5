/// A three-way merge of one task document, task by task: git's merge driver.
///
/// Changes that git's line merge can take (apart and not adjacent) are merged line by line.
/// Otherwise each task is merged on its own: a task changed on one side takes that side's line
/// (moved to its new section when the side moved it), a task added on one side is inserted
/// after its neighbour, a task deleted on one side and unchanged on the other is deleted, and
/// only a task changed differently on both sides gets conflict markers. Changes to lines that
/// are not tasks are applied where their old lines are found.
public enum TaskMerge {
    public struct Result: Sendable {
        public var document: Document
        /// Tasks (or non-task changes) left with conflict markers.
        public var conflicts: Int
    }

    /// Each task with its identity: its key and occurrence, as sync identifies it.
    static func idents(_ doc: TaskDocument) -> [(SyncEngine.Ident, TaskEntry)] {
        var seen: [String: Int] = [:]
        return doc.entries.map { e in
            let n = seen[e.key, default: 0] + 1
            seen[e.key] = n
            return (SyncEngine.Ident(key: e.key, occurrence: n), e)
        }
    }

    public static func merge(base: Document, ours: Document, theirs: Document) -> Result {
        if let merged = LineDiff.merge(base: base, ours: ours, theirs: theirs), !duplicatesTasks(merged, ours, theirs) {
            return Result(document: merged, conflicts: 0)
        }
        let b = TaskDocument(document: base), t = TaskDocument(document: theirs)
        var editor = DocumentEditor(TaskDocument(document: ours))
        var conflicts = 0
        /// Replaces our lines at `index` with both sides' lines between conflict markers.
        func conflict(at index: Int, ours: [[UInt8]], theirs: [[UInt8]]) {
            conflicts += 1
            let lines = [Array("<<<<<<< ours".utf8)] + ours + [Array("=======".utf8)] + theirs + [Array(">>>>>>> theirs".utf8)]
            editor.replaceLines(index..<(index + ours.count), with: lines)
        }

        // 1. Their changes to lines that are not tasks.
        let baseTaskLines = Set(b.entries.map(\.line)), theirTaskLines = Set(t.entries.map(\.line))
        // A change both sides made (a **Last Updated** line set to the same date) is already in ours.
        let ourHunks = LineDiff.hunks(from: base, to: ours)
        for hunk in LineDiff.hunks(from: base, to: theirs).reversed() {
            if ourHunks.contains(where: { $0.oldStart == hunk.oldStart && $0.oldLines == hunk.oldLines && $0.newLines == hunk.newLines }) {
                continue
            }
            let touchesTasks = (hunk.oldStart..<(hunk.oldStart + hunk.oldLines.count)).contains(where: baseTaskLines.contains)
                || (hunk.newStart..<(hunk.newStart + hunk.newLines.count)).contains(where: theirTaskLines.contains)
            if touchesTasks { continue }
            if !editor.applyRaw(hunk) {
                conflict(at: min(hunk.oldStart, editor.document.lines.count), ours: [], theirs: hunk.newLines.map(Self.content))
            }
        }

        // 2. Their changes to tasks.
        // Occurrences make each identity unique within a document.
        let baseByIdent = Dictionary(uniqueKeysWithValues: idents(b))
        let theirList = idents(t)
        let theirByIdent = Dictionary(uniqueKeysWithValues: theirList)
        func line(_ doc: TaskDocument, _ e: TaskEntry) -> [UInt8] { Array(doc.document.content(e.line)) }
        func ourEntry(_ ident: SyncEngine.Ident) -> TaskEntry? {
            idents(editor.parsed()).first { $0.0 == ident }?.1
        }
        for (index, (ident, theirEntry)) in theirList.enumerated() {
            let theirLine = line(t, theirEntry)
            let mine = ourEntry(ident)
            guard let baseEntry = baseByIdent[ident] else {
                // Added on their side.
                if let mine {
                    let ourLine = Array(editor.document.content(mine.line))
                    if ourLine != theirLine { conflict(at: mine.line, ours: [ourLine], theirs: [theirLine]) }
                    continue
                }
                // After the nearest earlier task of theirs in its section that we have there
                // too (not one we moved away), else in its section.
                var anchor: Int?
                for (prevIdent, prev) in theirList[..<index].reversed() where prev.headingPane == theirEntry.headingPane {
                    if let e = ourEntry(prevIdent), e.headingPane == theirEntry.headingPane { anchor = e.line; break }
                }
                if let anchor {
                    editor.insertLines(at: anchor + 1, [theirLine])
                } else if let pane = theirEntry.headingPane {
                    let text = Array(theirEntry.text.bytes)
                    editor.insertTask(text: text, checked: theirEntry.checked, pane: pane)
                } else {
                    editor.insertLines(at: min(theirEntry.line, editor.document.lines.count), [theirLine])
                }
                continue
            }
            let baseLine = line(b, baseEntry)
            // A move changes the section, not the line.
            if theirLine == baseLine && theirEntry.headingPane == baseEntry.headingPane { continue }
            guard let mine else {
                // We deleted what they changed.
                conflict(at: min(theirEntry.line, editor.document.lines.count), ours: [], theirs: [theirLine])
                continue
            }
            let ourLine = Array(editor.document.content(mine.line))
            // The line and the section merge on their own: a side that left one as it was takes
            // the other side's.
            let lineChange: [UInt8]? = ourLine == baseLine || ourLine == theirLine ? theirLine
                : theirLine == baseLine ? ourLine : nil
            let basePane = baseEntry.headingPane, theirPane = theirEntry.headingPane
            let paneChange: Pane?? = mine.headingPane == basePane || mine.headingPane == theirPane ? .some(theirPane)
                : theirPane == basePane ? .some(mine.headingPane) : .none
            guard let mergedLine = lineChange, let mergedPane = paneChange else {
                conflict(at: mine.line, ours: [ourLine], theirs: [theirLine])
                continue
            }
            let (text, checked) = mergedLine == theirLine ? (Array(theirEntry.text.bytes), theirEntry.checked)
                : (Array(mine.text.bytes), mine.checked)
            if let pane = mergedPane, pane != mine.headingPane, mine.headingPane != nil {
                editor.moveTask(line: mine.line, to: pane, text: text, checked: checked)
            } else if mergedLine != ourLine {
                editor.replaceLines(mine.line..<(mine.line + 1), with: [mergedLine])
            }
        }
        // 3. Tasks they deleted.
        for (ident, baseEntry) in idents(b) where theirByIdent[ident] == nil {
            guard let mine = ourEntry(ident) else { continue }
            let ourLine = Array(editor.document.content(mine.line))
            if ourLine == line(b, baseEntry) {
                editor.deleteLine(mine.line)
            } else {
                conflict(at: mine.line, ours: [ourLine], theirs: [])
            }
        }
        return Result(document: editor.document, conflicts: conflicts)
    }

    /// Whether a line merge put a task in more often than either side has it: both sides moved
    /// the same task, to places far enough apart for the lines to merge.
    static func duplicatesTasks(_ merged: Document, _ ours: Document, _ theirs: Document) -> Bool {
        func counts(_ d: Document) -> [String: Int] {
            TaskDocument(document: d).entries.reduce(into: [:]) { $0[$1.key, default: 0] += 1 }
        }
        let o = counts(ours), t = counts(theirs)
        return counts(merged).contains { key, n in n > max(o[key] ?? 0, t[key] ?? 0) }
    }

    static func content(_ raw: [UInt8]) -> [UInt8] {
        var c = raw
        if c.last == 0x0A { c.removeLast() }
        if c.last == 0x0D { c.removeLast() }
        return c
    }
}
