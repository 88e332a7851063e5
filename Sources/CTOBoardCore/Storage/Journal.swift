/// The roll-forward journal of one commit (see ``PairTransaction``): both documents' paths, new
/// contents and old contents (as the line hunks that turn the old into the new: a change is a
/// few lines of a large document), the history line to append and where the base snapshot goes,
/// sealed with one checksum. A journal whose seal does not match was torn by a crash while it was written
/// (before the commit point) and is discarded; a sealed one is the commit point.
///
/// Layout (``BinaryWriter``): the magic; the base path; the pair's owner, owner document and
/// TODO.md; the history path and line; the number of entries; each entry's path, new contents
/// and hunks (each: old start, new start, old lines, new lines); the seal.
public struct Journal: Sendable, Equatable {
    /// One document: what it is to hold, and the hunks that made that of what it held.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var new: [UInt8]
        /// The line hunks that turn the document as it was into ``new``.
        public var hunks: [LineDiff.Hunk]

        public init(path: String, new: [UInt8], hunks: [LineDiff.Hunk]) {
            self.path = path
            self.new = new
            self.hunks = hunks
        }

        public init(path: String, old: [UInt8], new: [UInt8]) {
            self.init(path: path, new: new, hunks: LineDiff.hunks(from: Document(bytes: old), to: Document(bytes: new)))
        }

        /// Whether the commit changes this document.
        var changed: Bool { !hunks.isEmpty }

        /// What the document held when the change was planned: ``new`` with the hunks undone.
        var old: [UInt8]? {
            changed ? LineDiff.apply(HistoryEntry.reversed(hunks), to: Document(bytes: new))?.bytes : new
        }
    }

    /// The pair's base snapshot file, stored once the documents are written.
    public var basePath: String
    /// The pair's paths.
    public var pair: PairPaths
    /// Both documents, owner document first.
    public var entries: [Entry]
    /// The history file and the line to append to it (empty: none).
    public var historyPath: String
    public var historyLine: [UInt8]

    public init(basePath: String, pair: PairPaths, entries: [Entry], historyPath: String, historyLine: [UInt8]) {
        self.basePath = basePath
        self.pair = pair
        self.entries = entries
        self.historyPath = historyPath
        self.historyLine = historyLine
    }

    static let magic = Array("CTOBOARD-JOURNAL 6\n".utf8)

    /// The journal's bytes.
    public func encode() -> [UInt8] {
        let size = entries.reduce(0) { $0 + $1.new.count + $1.path.utf8.count + 16 }
        var w = BinaryWriter(magic: Self.magic, capacity: size + historyLine.count + 4096)
        w.string(basePath)
        w.string(pair.owner); w.string(pair.ownerDoc); w.string(pair.todo)
        w.string(historyPath); w.blob(historyLine)
        w.u64(UInt64(entries.count))
        for e in entries {
            w.string(e.path)
            w.blob(e.new)
            w.u64(UInt64(e.hunks.count))
            for h in e.hunks {
                w.u64(UInt64(h.oldStart)); w.u64(UInt64(h.newStart))
                for lines in [h.oldLines, h.newLines] {
                    w.u64(UInt64(lines.count))
                    for line in lines { w.blob(line) }
                }
            }
        }
        return w.seal()
    }

    /// Parses a journal; nil when it is torn or damaged (its seal does not match).
    public static func decode(_ bytes: [UInt8]) -> Journal? {
        guard var r = BinaryReader(sealed: bytes, magic: magic),
              let base = r.string(), let owner = r.string(), let ownerDoc = r.string(), let todo = r.string(),
              let historyPath = r.string(), let historyLine = r.blob(),
              let count = r.u64(), count <= 16 else { return nil }
        func lines() -> [[UInt8]]? {
            guard let n = r.u64(), n <= UInt64(bytes.count) else { return nil }
            var out: [[UInt8]] = []
            for _ in 0..<n {
                guard let line = r.blob() else { return nil }
                out.append(line)
            }
            return out
        }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = r.string(), let new = r.blob(), let n = r.u64(), n <= UInt64(bytes.count) else { return nil }
            var hunks: [LineDiff.Hunk] = []
            for _ in 0..<n {
                guard let oldStart = r.u64(), let newStart = r.u64(), let oldLines = lines(), let newLines = lines(),
                      oldStart <= UInt64(Int.max), newStart <= UInt64(Int.max) else { return nil }
                hunks.append(LineDiff.Hunk(oldStart: Int(oldStart), oldLines: oldLines, newStart: Int(newStart), newLines: newLines))
            }
            entries.append(Entry(path: path, new: new, hunks: hunks))
        }
        guard r.atEnd else { return nil }
        return Journal(basePath: base, pair: PairPaths(owner: owner, ownerDoc: ownerDoc, todo: todo),
                       entries: entries, historyPath: historyPath, historyLine: historyLine)
    }
}
