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
        var reader = Reader(keyOwner: keyOwner)
        var entries: [TaskEntry] = []
        // The lines are read through a buffer pointer: slices of it cost no reference counting.
        // Its slices have the same indices as the array's.
        document.bytes.withUnsafeBufferPointer { buffer in
            reader.read(document.lines.indices, of: document, buffer: buffer, into: &entries)
        }
        self.document = document
        self.keyOwner = keyOwner
        self.entries = entries
        self.anchors = reader.anchors
        self.pendingAnchor = reader.pendingAnchor
        self.lastUpdatedLines = reader.lastUpdated
        self.syncPath = reader.syncPath
    }

    static func groupName(_ bytes: ArraySlice<UInt8>) -> String? {
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
