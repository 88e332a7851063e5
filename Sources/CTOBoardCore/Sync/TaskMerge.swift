/// A three-way merge of one task document, task by task: git's merge driver.
///
/// Changes that git's line merge can take (apart and not adjacent) are merged line by line.
/// Otherwise each task, its whole list item (its line and the notes below it), is merged on its
/// own: a task changed on one side takes that side's line and notes (moved to its new section
/// when the side moved it), a task added on one side is inserted after its neighbour's item, a
/// task deleted on one side and neither changed nor moved on the other is deleted, and anything
/// else (the same task changed differently on both sides, a task moved on one side and deleted
/// or renamed on the other) gets conflict markers. Changes to lines outside tasks are applied
/// where their old lines are found.
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

        // 1. Their changes to lines outside tasks' items.
        let baseItemLines = Set(b.entries.flatMap(\.lines)), theirItemLines = Set(t.entries.flatMap(\.lines))
        // A change both sides made (a **Last Updated** line set to the same date) is already in ours.
        let ourHunks = LineDiff.hunks(from: base, to: ours)
        for hunk in LineDiff.hunks(from: base, to: theirs).reversed() {
            if ourHunks.contains(where: { $0.oldStart == hunk.oldStart && $0.oldLines == hunk.oldLines && $0.newLines == hunk.newLines }) {
                continue
            }
            let touchesTasks = (hunk.oldStart..<(hunk.oldStart + hunk.oldLines.count)).contains(where: baseItemLines.contains)
                || (hunk.newStart..<(hunk.newStart + hunk.newLines.count)).contains(where: theirItemLines.contains)
            if touchesTasks {
                // Step 2 merges the tasks' part; a change to other lines of the hunk (a heading
                // just above a task) would be lost there: a conflict, unless only blank lines.
                func outside(_ lines: [[UInt8]], from start: Int, _ items: Set<Int>) -> [[UInt8]] {
                    lines.indices.filter { !items.contains(start + $0) }
                        .map { Self.content(lines[$0]) }
                        .filter { !ByteSearch.trimmed($0[...]).isEmpty }
                }
                let theirOutside = outside(hunk.newLines, from: hunk.newStart, theirItemLines)
                if outside(hunk.oldLines, from: hunk.oldStart, baseItemLines) != theirOutside {
                    conflict(at: min(hunk.oldStart, editor.document.lines.count), ours: [], theirs: theirOutside)
                }
                continue
            }
            // Where its place is in ours: after the lines we added or removed above it. A place
            // inside one of our changes is a conflict.
            var shifted = hunk
            for h in ourHunks where h.oldStart < hunk.oldStart || (h.oldStart == hunk.oldStart && h.oldLines.isEmpty) {
                guard h.oldStart + h.oldLines.count <= hunk.oldStart else { shifted.oldStart = -1; break }
                shifted.oldStart += h.newLines.count - h.oldLines.count
            }
            if shifted.oldStart < 0 || !editor.applyRaw(shifted) {
                let at = min(shifted.oldStart < 0 ? hunk.oldStart : shifted.oldStart, editor.document.lines.count)
                let ourLines = (at..<min(at + hunk.oldLines.count, editor.document.lines.count)).map { Array(editor.document.content($0)) }
                conflict(at: at, ours: ourLines, theirs: hunk.newLines.map(Self.content))
            }
        }

        // 2. Their changes to tasks.
        // Occurrences make each identity unique within a document.
        let baseByIdent = Dictionary(uniqueKeysWithValues: idents(b))
        let theirList = idents(t)
        let theirByIdent = Dictionary(uniqueKeysWithValues: theirList)
        /// The lines of a task's whole item: its line, then its children.
        func item(_ doc: Document, _ e: TaskEntry) -> [[UInt8]] { e.lines.map { Array(doc.content($0)) } }
        var ourIndex: (version: Int, byIdent: [SyncEngine.Ident: TaskEntry]) = (-1, [:])
        func ourEntry(_ ident: SyncEngine.Ident) -> TaskEntry? {
            if ourIndex.version != editor.version {
                ourIndex = (editor.version, Dictionary(uniqueKeysWithValues: idents(editor.parsed())))
            }
            return ourIndex.byIdent[ident]
        }
        func ourRename(like added: TaskEntry) -> TaskEntry? {
            let alike = { (a: TaskEntry, b: TaskEntry) in Similarity.dice(a.title, b.title) >= 0.55 }
            let ourList = idents(editor.parsed())
            for (ident, gone) in idents(b) where theirByIdent[ident] == nil && ourEntry(ident) == nil && alike(gone, added) {
                if let (_, mine) = ourList.first(where: { baseByIdent[$0.0] == nil && theirByIdent[$0.0] == nil && alike(gone, $0.1) }) {
                    return mine
                }
            }
            return nil
        }
        for (index, (ident, theirEntry)) in theirList.enumerated() {
            let theirItem = item(theirs, theirEntry)
            let mine = ourEntry(ident)
            guard let baseEntry = baseByIdent[ident] else {
                // Added on their side.
                if let mine {
                    let ourItem = item(editor.document, mine)
                    if ourItem != theirItem { conflict(at: mine.line, ours: ourItem, theirs: theirItem) }
                    continue
                }
                // Both sides renamed one task differently: it is gone from both, and a task only
                // we added resembles it as theirs does. A conflict, not two tasks.
                if let renamed = ourRename(like: theirEntry) {
                    conflict(at: renamed.line, ours: item(editor.document, renamed), theirs: theirItem)
                    continue
                }
                // After the item of the nearest earlier task of theirs in its section that we
                // have there too (not one we moved away), else in its section.
                var anchor: Int?
                for (prevIdent, prev) in theirList[..<index].reversed() where prev.headingPane == theirEntry.headingPane {
                    if let e = ourEntry(prevIdent), e.headingPane == theirEntry.headingPane { anchor = e.end; break }
                }
                if let anchor {
                    editor.insertLines(at: anchor, theirItem)
                } else if let pane = theirEntry.headingPane {
                    editor.insertTask(text: Array(theirEntry.text.bytes), checked: theirEntry.checked, pane: pane,
                                      children: theirEntry.childLines, parentIndent: theirEntry.item.indent)
                } else {
                    editor.insertLines(at: min(theirEntry.line, editor.document.lines.count), theirItem)
                }
                continue
            }
            let baseItem = item(base, baseEntry)
            // A move changes the section, not the item.
            if theirItem == baseItem && theirEntry.headingPane == baseEntry.headingPane { continue }
            guard let mine else {
                // We deleted what they changed.
                conflict(at: min(theirEntry.line, editor.document.lines.count), ours: [], theirs: theirItem)
                continue
            }
            let ourItem = item(editor.document, mine)
            // The line, the children and the section merge on their own.
            guard let mergedLine = merged(baseItem[0], ourItem[0], theirItem[0]),
                  let children = merged(baseItem.dropFirst(), ourItem.dropFirst(), theirItem.dropFirst()),
                  let mergedPane = merged(baseEntry.headingPane, mine.headingPane, theirEntry.headingPane) else {
                conflict(at: mine.line, ours: ourItem, theirs: theirItem)
                continue
            }
            if children != ourItem.dropFirst() { editor.replaceLines((mine.line + 1)..<mine.end, with: Array(children)) }
            let (text, checked) = mergedLine == theirItem[0] ? (Array(theirEntry.text.bytes), theirEntry.checked)
                : (Array(mine.text.bytes), mine.checked)
            if let pane = mergedPane, pane != mine.headingPane, mine.headingPane != nil {
                editor.moveTask(line: mine.line, to: pane, text: text, checked: checked)
            } else if mergedLine != ourItem[0] {
                editor.replaceLines(mine.line..<(mine.line + 1), with: [mergedLine])
            }
        }
        // 3. Tasks they deleted (or renamed: a rename looks like a delete and an add): only a
        // task we neither changed nor moved goes, with its whole item.
        for (ident, baseEntry) in idents(b) where theirByIdent[ident] == nil {
            guard let mine = ourEntry(ident) else { continue }
            let ourItem = item(editor.document, mine)
            if ourItem == item(base, baseEntry) && mine.headingPane == baseEntry.headingPane {
                editor.deleteTask(line: mine.line)
            } else {
                conflict(at: mine.line, ours: ourItem, theirs: [])
            }
        }
        return Result(document: editor.document, conflicts: conflicts)
    }

    /// One part of a task merged three ways: a side that left it as it was takes the other
    /// side's; nil when both changed it differently.
    static func merged<T: Equatable>(_ base: T, _ ours: T, _ theirs: T) -> T? {
        ours == base || ours == theirs ? theirs : theirs == base ? ours : nil
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
