/// A Markdown task document, parsed: its bytes, its tasks, and where its sections are.
///
/// The same reader serves the owner document and TODO.md. Sections are found by heading text
/// (see ``HeadingKind``) or, for priorities, by bold label lines such as `**High Priority**:`.
/// A level-1 heading is the document's title and ends any section. A deeper heading inside a
/// section that is not a section name is a group. A heading at the section's level or above that
/// is not a section name ends the section. Only checkbox items inside sections, or carrying
/// status tags, have a known section; checkbox items in fenced code are not tasks.
public struct TaskDocument: Sendable {
    /// Where a section starts, for inserting tasks into it.
    public struct Anchor: Sendable, Equatable {
        /// The heading or label line.
        public var line: Int
        /// The heading level (1–6), or 0 for a bold label line.
        public var level: Int
    }

    /// The document's bytes and lines.
    public let document: Document
    /// Every checkbox task, in document order.
    public let entries: [TaskEntry]
    /// The heading or label that starts each section, where there is one (the first one found).
    public let anchors: [Pane: Anchor]
    /// The `Pending` heading, if any.
    public let pendingAnchor: Anchor?
    /// Whether any heading names a status section ("sectioned" layout).
    public var isSectioned: Bool { !anchors.isEmpty || pendingAnchor != nil }
    /// The `**Last Updated**:` lines.
    public let lastUpdatedLines: [Int]
    /// The path in the sync line ("synchronized with `PATH`"), if any.
    public let syncPath: String?
    /// When set, only tasks of this owner are taken apart (TODO.md holds every owner's tasks;
    /// the others are never matched): other owners' entries keep their line, checkbox and
    /// section, with an empty text and key.
    public let keyOwner: String?

    /// Parses a document. With `keyOwner`, tasks of other owners are not taken apart.
    public init(document: Document, keyOwner: String? = nil) {
        self.document = document
        self.keyOwner = keyOwner
        let ownerBytes = keyOwner.map { Array($0.utf8) }
        var entries: [TaskEntry] = []
        // Task lines are most of a task document; untouched capacity costs no memory.
        entries.reserveCapacity(document.lines.count)
        var anchors: [Pane: Anchor] = [:]
        var pendingAnchor: Anchor?
        var lastUpdated: [Int] = []
        var syncPath: String?
        var statusPanes: [String: HeadingKind] = [:]

        var section: HeadingKind = .other      // completed / inProgress / pending / other (none)
        var sectionLevel = 0
        var priority: Pane?
        var group: String?
        var fence: (byte: UInt8, count: Int)?

        let bytes = document.bytes
        // The lines are read through a buffer pointer: slices of it cost no reference counting.
        // Its slices have the same indices as the array's.
        bytes.withUnsafeBufferPointer { buffer in
            for index in document.lines.indices {
                let line = document.lines[index]
                let content = buffer[line.start..<line.contentEnd]
                // Fenced code.
                var i = content.startIndex
                var spaces = 0
                while i < content.endIndex, content[i] == 0x20, spaces < 4 { i += 1; spaces += 1 }
                if spaces < 4, i < content.endIndex, content[i] == 0x60 || content[i] == 0x7E {
                    let fb = content[i]
                    var run = 0
                    while i + run < content.endIndex, content[i + run] == fb { run += 1 }
                    if run >= 3 {
                        if let open = fence {
                            // A closing fence has nothing but white space after its run.
                            let rest = content[(i + run)...]
                            if open.byte == fb && run >= open.count && rest.allSatisfy(ByteSearch.isSpace) { fence = nil }
                        } else {
                            fence = (fb, run)
                        }
                        continue
                    }
                }
                if fence != nil { continue }
                guard i < content.endIndex else { continue }
                let first = content[i]
                // Headings.
                if first == 0x23 && spaces < 4 {
                    var level = 0
                    while i + level < content.endIndex, content[i + level] == 0x23 { level += 1 }
                    let after = i + level
                    if level <= 6, after == content.endIndex || ByteSearch.isSpace(content[after]) {
                        let textBytes = content[after..<content.endIndex]
                        let kind = HeadingKind.classify(textBytes)
                        if level == 1 {
                            section = .other; sectionLevel = 0; priority = nil; group = nil
                            continue
                        }
                        switch kind {
                        case .completed, .inProgress, .pending:
                            if section != .other && level > sectionLevel {
                                // A sub-heading inside a section is a group, even when a status word
                                // is in it ("#### Getting Started" under Completed).
                                group = Self.groupName(bytes[textBytes.startIndex..<textBytes.endIndex])
                                continue
                            }
                            section = kind; sectionLevel = level; priority = nil; group = nil
                            let anchor = Anchor(line: index, level: level)
                            switch kind {
                            case .completed: if anchors[.completed] == nil { anchors[.completed] = anchor }
                            case .inProgress: if anchors[.inProgress] == nil { anchors[.inProgress] = anchor }
                            default: if pendingAnchor == nil { pendingAnchor = anchor }
                            }
                        case .priority(let p):
                            if section != .pending { section = .pending; sectionLevel = level }
                            priority = p; group = nil
                            if anchors[p] == nil { anchors[p] = Anchor(line: index, level: level) }
                        case .other:
                            if section != .other && level > sectionLevel {
                                group = Self.groupName(bytes[textBytes.startIndex..<textBytes.endIndex])
                            } else {
                                section = .other; sectionLevel = 0; priority = nil; group = nil
                            }
                        }
                        continue
                    }
                }
                // Bold label lines: **High Priority**:, **Last Updated**:
                if first == 0x2A, i + 1 < content.endIndex, content[i + 1] == 0x2A {
                    if let close = ByteSearch.find(content, [0x2A, 0x2A], from: i + 2) {
                        let label = content[(i + 2)..<close]
                        let words = HeadingKind.words(label)
                        if words == ["last", "updated"] { lastUpdated.append(index) }
                        if case .priority(let p) = HeadingKind.classify(words: words), section == .pending || section == .other {
                            if section == .other { section = .pending; sectionLevel = 7 }
                            priority = p
                            if anchors[p] == nil { anchors[p] = Anchor(line: index, level: 0) }
                            continue
                        }
                    }
                }
                // Tasks.
                guard let item = ChecklistItem(line: content) else {
                    // The sync line sits near the top of an owner document.
                    if syncPath == nil, index < 400, let p = Self.syncPath(bytes[line.start..<line.contentEnd]) { syncPath = p }
                    continue
                }
                do {
                    let textBytes = content[(content.startIndex + item.textOffset)..<content.endIndex]
                    var headingPane: Pane?
                    switch section {
                    case .completed: headingPane = .completed
                    case .inProgress: headingPane = .inProgress
                    case .pending: headingPane = priority ?? .medium
                    default: headingPane = nil
                    }
                    if let ownerBytes, !TaskText.ownerTag(of: textBytes, is: ownerBytes) {
                        // Another owner's task: it is never matched, so only its place is kept
                        // (line, checkbox and section, for inserting near it).
                        entries.append(TaskEntry(line: index, item: item, text: .empty, headingPane: headingPane,
                                                 tagPane: nil, group: headingPane == nil ? nil : group))
                        continue
                    }
                    // A slice of the document's own bytes (same indices as the buffer's): kept, not copied.
                    let text = TaskText(bytes[textBytes.startIndex..<textBytes.endIndex])
                    var tagPane: Pane?
                    if let status = text.status {
                        switch Self.statusPane(status.value, cache: &statusPanes) {
                        case .completed: tagPane = .completed
                        case .inProgress: tagPane = .inProgress
                        case .pending: tagPane = Self.priorityPane(text.priority, cache: &statusPanes) ?? .medium
                        case .priority(let p): tagPane = p
                        case .other: tagPane = nil
                        }
                    } else if let p = Self.priorityPane(text.priority, cache: &statusPanes) {
                        tagPane = p
                    }
                    entries.append(TaskEntry(
                        line: index, item: item, text: text, headingPane: headingPane, tagPane: tagPane,
                        group: headingPane == nil ? nil : group))
                }
            }
        }
        self.entries = entries
        self.anchors = anchors
        self.pendingAnchor = pendingAnchor
        self.lastUpdatedLines = lastUpdated
        self.syncPath = syncPath
    }

    private static func priorityPane(_ tag: TaskText.Tag?, cache: inout [String: HeadingKind]) -> Pane? {
        guard let tag else { return nil }
        if case .priority(let p) = statusPane(tag.value, cache: &cache) { return p }
        return nil
    }

    /// ``HeadingKind/statusPane(_:)``, remembered: a document repeats a handful of values.
    private static func statusPane(_ value: String, cache: inout [String: HeadingKind]) -> HeadingKind {
        if let known = cache[value] { return known }
        let kind = HeadingKind.statusPane(value)
        cache[value] = kind
        return kind
    }

    private static func groupName(_ bytes: ArraySlice<UInt8>) -> String? {
        var t = ByteSearch.trimmed(bytes)
        // Drop closing #s of an ATX heading.
        while let last = t.last, last == 0x23 { t = t.dropLast() }
        let s = String(decoding: ByteSearch.trimmed(t), as: UTF8.self)
        return s.isEmpty ? nil : s
    }

    /// The sync line's path, found without parsing the whole document.
    public static func findSyncPath(in document: Document) -> String? {
        for index in document.lines.indices.prefix(400) {
            if let p = syncPath(document.content(index)) { return p }
        }
        return nil
    }

    private static let syncPattern = [UInt8](lowercasedASCII: "synchronized with")
    private static let syncedPattern = [UInt8](lowercasedASCII: "synced with")

    /// The backticked path after "synchronized with" / "synced with" on a line.
    static func syncPath(_ content: ArraySlice<UInt8>) -> String? {
        let at = ByteSearch.find(content, syncPattern, from: content.startIndex).map { $0 + syncPattern.count }
            ?? ByteSearch.find(content, syncedPattern, from: content.startIndex).map { $0 + syncedPattern.count }
        guard let start = at else { return nil }
        var i = start
        while i < content.endIndex, ByteSearch.isSpace(content[i]) { i += 1 }
        guard i < content.endIndex, content[i] == 0x60,
              let close = content[(i + 1)...].firstIndex(of: 0x60), close > i + 1 else { return nil }
        return String(decoding: content[(i + 1)..<close], as: UTF8.self)
    }
}
