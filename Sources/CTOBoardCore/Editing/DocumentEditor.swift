/// Line-level edits of one task document that touch only the bytes they must.
///
/// Edits work on ``Document`` lines; the task structure is parsed again only when an edit needs
/// it (``parsed``), so a toggle costs one splice.
public struct DocumentEditor: Sendable {
    /// The document as edited so far.
    public private(set) var document: Document
    private var cache: TaskDocument?
    /// Counts the changes made, so that what callers derive from the document can be kept.
    public private(set) var version = 0
    private let keyOwner: String?

    public init(_ parsed: TaskDocument) {
        document = parsed.document
        cache = parsed
        keyOwner = parsed.keyOwner
    }

    /// The current document's task structure.
    public mutating func parsed() -> TaskDocument {
        if let cache { return cache }
        let p = TaskDocument(document: document, keyOwner: keyOwner)
        cache = p
        return p
    }

    private mutating func set(_ doc: Document) {
        document = doc
        cache = nil
        version += 1
    }

    // MARK: Single-line edits

    /// Sets the checkbox of the task on `line`: one byte.
    public mutating func setChecked(line: Int, _ checked: Bool) {
        let content = document.content(line)
        guard let item = ChecklistItem(line: content), item.checked != checked else { return }
        var bytes = Array(content)
        bytes[item.markOffset] = checked ? 0x78 : 0x20
        set(document.replacingContent(ofLine: line, with: bytes))
    }

    /// Replaces the text after the checkbox of the task on `line`.
    public mutating func setText(line: Int, _ text: [UInt8]) {
        let content = document.content(line)
        guard let item = ChecklistItem(line: content) else { return }
        var bytes = Array(content.prefix(item.textOffset))
        if item.textOffset == item.markOffset + 2 { bytes.append(0x20) }
        bytes += text
        if bytes.elementsEqual(content) { return }
        set(document.replacingContent(ofLine: line, with: bytes))
    }

    /// Removes the task item on `line`: its line and its children (see ``TaskEntry/lines``).
    public mutating func deleteTask(line: Int) {
        set(document.replacing(lines: itemLines(at: line), with: []))
    }

    /// The lines of the task item on `line` (just the line when no task is there).
    public mutating func itemLines(at line: Int) -> Range<Int> {
        parsed().entries.first { $0.line == line }?.lines ?? line..<(line + 1)
    }

    /// The contents of lines `range`.
    func contents(_ range: Range<Int>) -> [[UInt8]] {
        range.map { Array(document.content($0)) }
    }

    /// Child lines re-indented from under a parent indented `old` bytes to one indented `new`:
    /// each line's first `old` bytes of indentation become `new`, so the children keep their
    /// depth relative to their parent. Blank lines stay blank.
    ///
    /// When the receiving document nests its lists by another number of spaces (`unit`, say 4
    /// where the children came with 2), each level of the children's nesting is re-indented to
    /// it; indentation with tabs is left as it is.
    static func reindent(_ children: [[UInt8]], from old: Int, to new: ArraySlice<UInt8>, unit: Int? = nil) -> [[UInt8]] {
        let source = nestingUnit(of: children, parentIndent: old)
        let scale = source.flatMap { s in unit.flatMap { $0 != s ? (from: s, to: $0) : nil } }
        return children.map { line in
            let lead = leadingIndent(line)
            if lead.count == line.count { return line }
            var relative = Array(lead.dropFirst(old))
            if let scale, !relative.contains(0x09) {
                let depth = relative.count / scale.from, rest = relative.count % scale.from
                relative = [UInt8](repeating: 0x20, count: depth * scale.to + rest)
            }
            return Array(new) + relative + line.dropFirst(lead.count)
        }
    }

    /// How many spaces deeper than their parent a list's children are nested: the smallest step
    /// among `children` (nil without one, or with tabs).
    static func nestingUnit(of children: [[UInt8]], parentIndent: Int) -> Int? {
        let steps = children.compactMap { line -> Int? in
            let lead = leadingIndent(line)
            guard lead.count < line.count, !lead.contains(0x09), lead.count > parentIndent else { return nil }
            return lead.count - parentIndent
        }
        return steps.min()
    }

    /// How a document nests its task lists: the smallest step from a task to its children.
    static func nestingUnit(in parsed: TaskDocument) -> Int? {
        parsed.entries.compactMap { nestingUnit(of: $0.childLines, parentIndent: $0.item.indent) }.min()
    }

    /// The leading spaces and tabs of a line.
    static func leadingIndent<C: Collection>(_ line: C) -> C.SubSequence where C.Element == UInt8 {
        line.prefix { $0 == 0x20 || $0 == 0x09 }
    }

    /// Inserts lines (content bytes) before line `index`, with the document's line ending.
    public mutating func insertLines(at index: Int, _ lines: [[UInt8]]) {
        set(document.replacing(lines: index..<index, with: lines))
    }

    /// Replaces lines `range` with new lines (content bytes).
    public mutating func replaceLines(_ range: Range<Int>, with lines: [[UInt8]]) {
        set(document.replacing(lines: range, with: lines))
    }

    /// Applies a hunk at its `oldStart`, where its old lines must be (the caller places it);
    /// false when they are not: a line that is the same elsewhere is never taken for it.
    public mutating func applyRaw(_ hunk: LineDiff.Hunk) -> Bool {
        var lines = LineDiff.rawLines(document).map(Array.init)
        guard LineDiff.holds(hunk, at: hunk.oldStart, in: lines) else { return false }
        lines.replaceSubrange(hunk.oldStart..<(hunk.oldStart + hunk.oldLines.count), with: hunk.newLines)
        set(Document(bytes: Array(lines.joined())))
        return true
    }

    /// Swaps the task items on lines `a` and `b`, each with its children; the lines between
    /// them stay where they are.
    public mutating func swapTasks(_ a: Int, _ b: Int) {
        guard a != b else { return }
        let (x, y) = a < b ? (itemLines(at: a), itemLines(at: b)) : (itemLines(at: b), itemLines(at: a))
        guard x.upperBound <= y.lowerBound else { return }
        let lines = contents(y) + contents(x.upperBound..<y.lowerBound) + contents(x)
        set(document.replacing(lines: x.lowerBound..<y.upperBound, with: lines))
    }

    /// Moves the task item on `line`, unchanged, to just before line `index` (outside it).
    public mutating func moveItem(line: Int, before index: Int) {
        let item = itemLines(at: line)
        guard index < item.lowerBound || index > item.upperBound else { return }
        let lines = contents(item)
        let at = index > item.lowerBound ? index - item.count : index
        set(document.replacing(lines: item, with: []).replacing(lines: at..<at, with: lines))
    }

    /// Inserts a task line and its child lines (re-indented under it) right after `line`, in
    /// that line's style. `children` are given with the indentation they had under `parent`.
    public mutating func insertAfter(line: Int, text: [UInt8], children: [[UInt8]] = [], parentIndent: Int = 0) {
        let parsed = parsed()
        let new = Self.taskPrefix(near: line, in: parsed, checked: false) + text
        let kids = Self.reindent(children, from: parentIndent, to: Self.leadingIndent(new), unit: Self.nestingUnit(in: parsed))
        set(document.replacing(lines: (line + 1)..<(line + 1), with: [new] + kids))
    }

    // MARK: Placing tasks in sections

    /// Inserts a new task line into `pane`'s section, after its last task, creating the section
    /// heading in the document's own style when it is missing. Returns the new line's index.
    @discardableResult
    public mutating func insertTask(text: [UInt8], checked: Bool, pane: Pane,
                                    children: [[UInt8]] = [], parentIndent: Int = 0) -> Int {
        let parsed = parsed()
        let place = Self.placement(for: pane, in: parsed)
        let line = Self.taskPrefix(near: place.styleLine, in: parsed, checked: checked) + text
        let kids = Self.reindent(children, from: parentIndent, to: Self.leadingIndent(line), unit: Self.nestingUnit(in: parsed))
        set(document.replacing(lines: place.line..<place.line, with: place.prelude + [line] + kids + place.postlude))
        return place.line + place.prelude.count
    }

    /// Moves the task on `line` into `pane`'s section with new text and checkbox. The moved line
    /// takes the style of its new neighbours and the document's line ending; its children (the
    /// rest of its list item) come along, re-indented when its indentation changes.
    @discardableResult
    public mutating func moveTask(line: Int, to pane: Pane, text: [UInt8], checked: Bool) -> Int {
        let parsed = parsed()
        let entry = parsed.entries.first { $0.line == line }
        if let entry, entry.headingPane == pane {
            // Same section: edit in place.
            setText(line: line, text)
            setChecked(line: line, checked)
            return line
        }
        let item = itemLines(at: line)
        var place = Self.placement(for: pane, in: parsed, excluding: line, group: entry?.group)
        let newLine = Self.taskPrefix(near: place.styleLine, in: parsed, checked: checked) + text
        let kids = Self.reindent(contents((line + 1)..<item.upperBound),
                                 from: Self.leadingIndent(document.content(line)).count, to: Self.leadingIndent(newLine))
        // Delete first, then insert at the shifted position.
        if place.line >= item.upperBound { place.line -= item.count } else if place.line > item.lowerBound { place.line = item.lowerBound }
        set(document.replacing(lines: item, with: [])
            .replacing(lines: place.line..<place.line, with: place.prelude + [newLine] + kids + place.postlude))
        return place.line + place.prelude.count
    }

    /// Where a task for `pane` goes.
    struct Placement {
        var line: Int
        var prelude: [[UInt8]] = []
        var postlude: [[UInt8]] = []
        var styleLine: Int?

        /// Whether a task inserted here (after the prelude) is read as `pane`'s.
        func places(_ pane: Pane, in doc: TaskDocument) -> Bool {
            let probe = prelude + [Array("- [ ] probe".utf8)] + postlude
            let after = TaskDocument(document: doc.document.replacing(lines: line..<line, with: probe), keyOwner: doc.keyOwner)
            return after.entries.first { $0.line == line + prelude.count }?.headingPane == pane
        }

        /// The placement with each created heading one level shallower (not above level 2,
        /// which would be a title); nil when none can be.
        func withShallowerHeadings() -> Placement? {
            var changed = false
            var copy = self
            copy.prelude = prelude.map { line in
                let level = line.prefix { $0 == 0x23 }.count
                guard level > 2 else { return line }
                changed = true
                return Array(line.dropFirst())
            }
            return changed ? copy : nil
        }
    }

    static func placement(for pane: Pane, in doc: TaskDocument, excluding: Int? = nil, group: String? = nil) -> Placement {
        let place = placementInStyle(for: pane, in: doc, excluding: excluding, group: group)
        guard place.prelude.contains(where: { $0.first == 0x23 }) else { return place }
        // A created heading deeper than the status section it lands in is read as a group of
        // that section (`### In Progress` under `## Completed`): its task would land there, and
        // the next change would create the heading again. Shallower levels are tried until a
        // task placed there is read as `pane`'s.
        var candidate = place
        while !candidate.places(pane, in: doc) {
            guard let shallower = candidate.withShallowerHeadings() else { return place }
            candidate = shallower
        }
        return candidate
    }

    /// Where a task for `pane` goes, any missing heading made in the document's own style.
    ///
    /// Groups: a task goes after the last task of its own group (`group`) when the section has
    /// a group of that name, else after the section's last ungrouped task, else directly under
    /// the section, above its first group: never into another area's or owner's group.
    private static func placementInStyle(for pane: Pane, in doc: TaskDocument, excluding: Int?, group: String?) -> Placement {
        let entries = doc.entries.filter { $0.line != excluding }
        let d = doc.document
        func isBlank(_ i: Int) -> Bool { ByteSearch.trimmed(d.content(i)).isEmpty }
        let inPane = entries.filter { $0.headingPane == pane }
        let target = group.flatMap { g in inPane.contains { $0.group == g } ? g : nil }
        if let last = inPane.last(where: { $0.group == target }) {
            return Placement(line: last.end, styleLine: last.line)
        }
        if let firstGrouped = inPane.first {
            // Only grouped tasks: before the first group's heading.
            let floor = doc.anchors[pane]?.line ?? (pane.priorityName != nil ? doc.pendingAnchor?.line : nil) ?? -1
            var h = firstGrouped.line - 1
            while h > floor, ByteSearch.trimmed(d.content(h)).first != 0x23 { h -= 1 }
            guard h > floor else { return Placement(line: inPane.last!.end, styleLine: inPane.last!.line) }
            var place = Placement(line: h, postlude: [[]], styleLine: firstGrouped.line)
            if h - 1 > floor, !isBlank(h - 1) { place.prelude = [[]] }
            return place
        }
        func afterAnchor(_ anchorLine: Int) -> Placement {
            var p = anchorLine + 1
            if p < d.lines.count, isBlank(p) { p += 1 }
            var place = Placement(line: p, styleLine: entries.first?.line)
            if p < d.lines.count, !isBlank(p), ChecklistItem(line: d.content(p)) == nil {
                place.postlude = [[]]
            }
            return place
        }
        if let anchor = doc.anchors[pane] { return afterAnchor(anchor.line) }
        // The section is missing: create its heading in the document's own style.
        let statusLevel = [doc.anchors[.completed], doc.anchors[.inProgress], doc.pendingAnchor]
            .compactMap { $0?.level }.first ?? 2
        let hashes = { (n: Int) in [UInt8](repeating: 0x23, count: max(1, min(6, n))) + [0x20] }
        if let priority = pane.capitalizedPriority {
            let name = priority + " Priority"
            let order: [Pane] = [.high, .medium, .low]
            let labelStyle = order.lazy.compactMap { doc.anchors[$0] }.first?.level == 0
            let heading: [UInt8] = labelStyle
                ? Array("**\(name)**:".utf8)
                : hashes((doc.pendingAnchor?.level ?? statusLevel) + 1) + Array(name.utf8)
            let index = order.firstIndex(of: pane)!
            // After the nearest earlier priority's tasks, else before the nearest later one.
            for earlier in order[..<index].reversed() {
                if let last = entries.last(where: { $0.headingPane == earlier }) {
                    return Placement(line: last.end, prelude: [[], heading], styleLine: last.line)
                }
                if let a = doc.anchors[earlier] {
                    return Placement(line: a.line + 1, prelude: [[], heading], styleLine: entries.first?.line)
                }
            }
            for later in order[(index + 1)...] {
                if let a = doc.anchors[later] {
                    return Placement(line: a.line, prelude: [heading], postlude: [[]], styleLine: entries.first?.line)
                }
            }
            // Pending tasks under no priority heading are Medium: a heading above them would
            // take them along, so the new one goes after them.
            if let last = entries.last(where: { $0.headingPane == .medium }) {
                return Placement(line: last.end, prelude: [[], heading], styleLine: last.line)
            }
            if let pending = doc.pendingAnchor {
                var place = afterAnchor(pending.line)
                place.prelude = [heading]
                return place
            }
            // No Pending section at all: create both.
            var place = placeNewStatusSection(.medium, level: statusLevel, in: doc, entries: entries)
            place.prelude += [hashes(statusLevel + 1) + Array(name.utf8)]
            return place
        }
        return placeNewStatusSection(pane, level: statusLevel, in: doc, entries: entries)
    }

    /// A new status heading (Completed, In Progress or Pending) in canonical order.
    private static func placeNewStatusSection(_ pane: Pane, level: Int, in doc: TaskDocument, entries: [TaskEntry]) -> Placement {
        let heading = [UInt8](repeating: 0x23, count: level) + [0x20] + Array(pane.statusName.utf8)
        // Before the next status section that is there.
        let anchors = [doc.anchors[.completed], doc.anchors[.inProgress], doc.pendingAnchor]
        let index = [Pane.completed, .inProgress].firstIndex(of: pane) ?? 2
        if let next = anchors[(index + 1)...].lazy.compactMap({ $0 }).first {
            return Placement(line: next.line, prelude: [heading, []], postlude: [[]], styleLine: entries.first?.line)
        }
        // After the last task of any section, else at the end.
        let end = entries.last.map(\.end) ?? doc.document.lines.count
        return Placement(line: end, prelude: [[], heading, []], styleLine: entries.last?.line)
    }

    /// The indentation, bullet and box of a new task, copied from the task on `styleLine`.
    static func taskPrefix(near styleLine: Int?, in doc: TaskDocument, checked: Bool) -> [UInt8] {
        if let styleLine, styleLine < doc.document.lines.count {
            let content = doc.document.content(styleLine)
            if let item = ChecklistItem(line: content) {
                var prefix = ChecklistItem.prefix(of: content, item: item, checked: checked)
                // A numbered list continues with the same marker style; keep "1." as is.
                if prefix.last != 0x20 { prefix.append(0x20) }
                return prefix
            }
        }
        return Array((checked ? "- [x] " : "- [ ] ").utf8)
    }

    // MARK: Last Updated

    /// Sets every `**Last Updated**:` line to `date` in the format it already uses. Finds the
    /// lines with a byte scan, so it costs no parse.
    public mutating func setLastUpdated(_ date: CalendarDate) {
        for line in LastUpdated.lines(in: document) {
            let content = Array(document.content(line))
            if let updated = LastUpdated.rewrite(content, to: date), updated != content {
                set(document.replacingContent(ofLine: line, with: updated))
            }
        }
    }
}
