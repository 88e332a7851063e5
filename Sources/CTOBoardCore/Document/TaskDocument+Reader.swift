extension TaskDocument {
    /// Reads a document's lines in order: its structure (fenced code, headings, bold labels),
    /// its landmarks (section anchors, `Last Updated` lines, the sync path) and, when asked, its
    /// tasks.
    ///
    /// A line's meaning depends only on the lines above it, through ``State``.
    struct Reader {
        /// Where in the document's structure a line is.
        struct State: Equatable {
            var section: HeadingKind = .other      // completed / inProgress / pending / other (none)
            var sectionLevel = 0
            var priority: Pane?
            var group: String?
            /// The open code fence: its character and run length.
            var fence: Fence?

            struct Fence: Equatable {
                let byte: UInt8
                let count: Int
            }
        }

        var state = State()
        /// The task item whose children are being read (see ``TaskEntry/lines``).
        private var open: OpenItem?

        struct OpenItem {
            /// Its index in the entries.
            var entry: Int
            /// The column of its list marker: lines indented deeper belong to it.
            var column: Int
            /// Whether its last line was text a lazy continuation line can continue.
            var lazy: Bool
        }
        var anchors: [Pane: Anchor] = [:]
        var pendingAnchor: Anchor?
        var lastUpdated: [Int] = []
        var syncPath: String?
        /// With it, only this owner's tasks are taken apart (see ``TaskDocument/keyOwner``).
        let ownerBytes: [UInt8]?

        init(keyOwner: String?) {
            ownerBytes = keyOwner.map { Array($0.utf8) }
        }

        /// Reads lines `range` of `document`, whose bytes are `buffer`, appending each task's
        /// entry to `entries`.
        mutating func read(_ range: Range<Int>, of document: Document, buffer: UnsafeBufferPointer<UInt8>,
                           into entries: inout [TaskEntry]) {
            let bytes = document.bytes
            for index in range {
                let line = document.lines[index]
                let content = buffer[line.start..<line.contentEnd]
                // Whether the line belongs to the open task item: its end is moved past it now,
                // and back (`endBefore`) when a heading or label ends the item instead.
                var child = false
                var endBefore = 0
                if let o = open {
                    let (column, blank) = Self.indentation(content)
                    if blank {
                        open?.lazy = false
                    } else if column > o.column || (o.lazy && Self.continuesLazily(content)) {
                        child = true
                        endBefore = entries[o.entry].end
                        entries[o.entry].end = index + 1
                        entries[o.entry].childBytes = bytes[document.lines[entries[o.entry].line + 1].start..<line.end]
                        open?.lazy = true
                    } else {
                        open = nil
                    }
                }
                // Fenced code.
                var i = content.startIndex
                var spaces = 0
                while i < content.endIndex, content[i] == 0x20, spaces < 4 { i += 1; spaces += 1 }
                if spaces < 4, i < content.endIndex, content[i] == 0x60 || content[i] == 0x7E {
                    let fb = content[i]
                    var run = 0
                    while i + run < content.endIndex, content[i + run] == fb { run += 1 }
                    if run >= 3 {
                        if let open = state.fence {
                            // A closing fence has nothing but white space after its run.
                            let rest = content[(i + run)...]
                            if open.byte == fb && run >= open.count && rest.allSatisfy(ByteSearch.isSpace) { state.fence = nil }
                        } else {
                            state.fence = State.Fence(byte: fb, count: run)
                        }
                        continue
                    }
                }
                if state.fence != nil { continue }
                guard i < content.endIndex else { continue }
                let first = content[i]
                // Headings.
                if first == 0x23 && spaces < 4 {
                    var level = 0
                    while i + level < content.endIndex, content[i + level] == 0x23 { level += 1 }
                    let after = i + level
                    if level <= 6, after == content.endIndex || ByteSearch.isSpace(content[after]) {
                        // A heading ends any task item.
                        if child, let o = open { restore(&entries[o.entry], end: endBefore, in: document) }
                        open = nil
                        heading(level: level, text: bytes[after..<content.endIndex], line: index)
                        continue
                    }
                }
                // Bold label lines: **High Priority**:, **Last Updated**:
                if first == 0x2A, i + 1 < content.endIndex, content[i + 1] == 0x2A,
                   label(content, at: i, line: index) {
                    if child, let o = open { restore(&entries[o.entry], end: endBefore, in: document) }
                    open = nil
                    continue
                }
                // Tasks.
                guard let item = ChecklistItem(line: content) else {
                    // The sync line sits near the top of an owner document.
                    if syncPath == nil, index < 400, let p = TaskDocument.syncPath(bytes[line.start..<line.contentEnd]) { syncPath = p }
                    continue
                }
                if child, let o = open {
                    // A nested checkbox belongs to its parent: it counts toward its progress.
                    entries[o.entry].childBoxes += 1
                    if item.checked { entries[o.entry].checkedChildBoxes += 1 }
                    continue
                }
                open = OpenItem(entry: entries.count, column: Self.indentation(content).column, lazy: true)
                entries.append(task(item, text: content[(content.startIndex + item.textOffset)..<content.endIndex],
                                    of: bytes, line: index))
            }
        }

        /// Sets an item's end back to `end` (a heading or label ended it instead).
        private func restore(_ entry: inout TaskEntry, end: Int, in document: Document) {
            entry.end = end
            entry.childBytes = end == entry.line + 1 ? []
                : document.bytes[document.lines[entry.line + 1].start..<document.lines[end - 1].end]
        }

        /// The column of a line's first non-blank byte (a tab advances to the next multiple of
        /// 4), and whether the line is blank.
        static func indentation(_ content: Slice<UnsafeBufferPointer<UInt8>>) -> (column: Int, blank: Bool) {
            var column = 0
            for b in content {
                if b == 0x20 { column += 1 } else if b == 0x09 { column += 4 - column % 4 } else { return (column, false) }
            }
            return (column, true)
        }

        /// Whether a line not indented past a task's marker still continues its text (a
        /// CommonMark lazy continuation line): plain text, not a block of its own (list item,
        /// heading, quote, fence, thematic break, bold label, table).
        static func continuesLazily(_ content: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var i = content.startIndex
            while i < content.endIndex, content[i] == 0x20 || content[i] == 0x09 { i += 1 }
            guard i < content.endIndex else { return false }
            let b = content[i]
            let next: UInt8? = i + 1 < content.endIndex ? content[i + 1] : nil
            switch b {
            case 0x23, 0x3E, 0x60, 0x7E, 0x7C, 0x5F, 0x3D: return false   // # > ` ~ | _ =
            case 0x2D, 0x2B: return false                                  // - +: items and breaks
            case 0x2A: return next != nil && next != 0x20 && next != 0x2A  // *emphasis*, not * item or **label**
            case 0x30...0x39:
                var j = i
                while j < content.endIndex, content[j] >= 0x30 && content[j] <= 0x39 { j += 1 }
                return !(j < content.endIndex && (content[j] == 0x2E || content[j] == 0x29))
            default: return true
            }
        }

        private mutating func heading(level: Int, text textBytes: ArraySlice<UInt8>, line index: Int) {
            let kind = HeadingKind.classify(textBytes)
            if level == 1 {
                state.section = .other; state.sectionLevel = 0; state.priority = nil; state.group = nil
                return
            }
            switch kind {
            case .completed, .inProgress, .pending:
                if state.section != .other && level > state.sectionLevel {
                    // A sub-heading inside a section is a group, even when a status word
                    // is in it ("#### Getting Started" under Completed).
                    state.group = TaskDocument.groupName(textBytes)
                    return
                }
                state.section = kind; state.sectionLevel = level; state.priority = nil; state.group = nil
                let anchor = Anchor(line: index, level: level)
                switch kind {
                case .completed: if anchors[.completed] == nil { anchors[.completed] = anchor }
                case .inProgress: if anchors[.inProgress] == nil { anchors[.inProgress] = anchor }
                default: if pendingAnchor == nil { pendingAnchor = anchor }
                }
            case .priority(let p):
                if state.section != .pending { state.section = .pending; state.sectionLevel = level }
                state.priority = p; state.group = nil
                if anchors[p] == nil { anchors[p] = Anchor(line: index, level: level) }
            case .other:
                if state.section != .other && level > state.sectionLevel {
                    state.group = TaskDocument.groupName(textBytes)
                } else {
                    state.section = .other; state.sectionLevel = 0; state.priority = nil; state.group = nil
                }
            }
        }

        /// A bold label line at `i`; true when it is a priority label (the line is read).
        private mutating func label(_ content: Slice<UnsafeBufferPointer<UInt8>>, at i: Int, line index: Int) -> Bool {
            guard let close = ByteSearch.find(content, [0x2A, 0x2A], from: i + 2) else { return false }
            let words = HeadingKind.words(content[(i + 2)..<close])
            if words == ["last", "updated"] { lastUpdated.append(index) }
            guard case .priority(let p) = HeadingKind.classify(words: words),
                  state.section == .pending || state.section == .other else { return false }
            if state.section == .other { state.section = .pending; state.sectionLevel = 7 }
            state.priority = p
            if anchors[p] == nil { anchors[p] = Anchor(line: index, level: 0) }
            return true
        }

        /// The entry of a task line whose text (after the checkbox) is `textBytes`.
        private mutating func task(_ item: ChecklistItem, text textBytes: Slice<UnsafeBufferPointer<UInt8>>,
                                   of bytes: [UInt8], line index: Int) -> TaskEntry {
            var headingPane: Pane?
            switch state.section {
            case .completed: headingPane = .completed
            case .inProgress: headingPane = .inProgress
            case .pending: headingPane = state.priority ?? .medium
            default: headingPane = nil
            }
            let group = headingPane == nil ? nil : state.group
            if let ownerBytes, !TaskText.isOwned(UnsafeBufferPointer(rebasing: textBytes), by: ownerBytes) {
                // Another owner's task: it is never matched, so only its place is kept
                // (line, checkbox and section, for inserting near it).
                return TaskEntry(line: index, item: item, text: .empty, headingPane: headingPane, tagPane: nil, group: group,
                                 end: index + 1)
            }
            // A slice of the document's own bytes (same indices as the buffer's): kept, not copied.
            let text = TaskText(bytes[textBytes.startIndex..<textBytes.endIndex])
            var tagPane: Pane?
            if let status = text.status {
                switch HeadingKind.statusPane(status.value) {
                case .completed: tagPane = .completed
                case .inProgress: tagPane = .inProgress
                case .pending: tagPane = priorityPane(text.priority) ?? .medium
                case .priority(let p): tagPane = p
                case .other: tagPane = nil
                }
            } else if let p = priorityPane(text.priority) {
                tagPane = p
            }
            var entry = TaskEntry(line: index, item: item, text: text, headingPane: headingPane, tagPane: tagPane, group: group,
                                  end: index + 1)
            if headingPane == nil && tagPane == nil && text.hasOwner {
                // Every task has a place: see ``TaskEntry/defaultPane``.
                entry.defaultPane = item.checked ? .completed : .medium
            }
            return entry
        }

        private func priorityPane(_ tag: TaskText.Tag?) -> Pane? {
            guard let tag else { return nil }
            if case .priority(let p) = HeadingKind.statusPane(tag.value) { return p }
            return nil
        }
    }
}
