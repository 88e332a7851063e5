/// The roll-forward journal of one commit (see ``PairTransaction``): both documents' paths, old
/// and new contents, the history line to append and where the base snapshot goes, sealed with
/// one checksum. A journal whose seal does not match was torn by a crash while it was written
/// (before the commit point) and is discarded; a sealed one is the commit point.
///
/// Layout (``BinaryWriter``): the magic; the base path; the pair's owner, owner document and
/// TODO.md; the history path and line; the number of entries; each entry's path, old and new
/// contents; the seal.
public struct Journal: Sendable, Equatable {
    /// One document: what it held when the change was planned, and what it is to hold.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var old: [UInt8]
        public var new: [UInt8]

        public init(path: String, old: [UInt8], new: [UInt8]) {
            self.path = path
            self.old = old
            self.new = new
        }

        /// Whether the commit changes this document.
        var changed: Bool { !old.sameBytes(as: new) }
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

    static let magic = Array("CTOBOARD-JOURNAL 5\n".utf8)

    /// The journal's bytes.
    public func encode() -> [UInt8] {
        let size = entries.reduce(0) { $0 + $1.old.count + $1.new.count + $1.path.utf8.count + 24 }
        var w = BinaryWriter(magic: Self.magic, capacity: size + historyLine.count + 512)
        w.string(basePath)
        w.string(pair.owner); w.string(pair.ownerDoc); w.string(pair.todo)
        w.string(historyPath); w.blob(historyLine)
        w.u64(UInt64(entries.count))
        for e in entries {
            w.string(e.path)
            w.blob(e.old)
            w.blob(e.new)
        }
        return w.seal()
    }

    /// Parses a journal; nil when it is torn or damaged (its seal does not match).
    public static func decode(_ bytes: [UInt8]) -> Journal? {
        guard var r = BinaryReader(sealed: bytes, magic: magic),
              let base = r.string(), let owner = r.string(), let ownerDoc = r.string(), let todo = r.string(),
              let historyPath = r.string(), let historyLine = r.blob(),
              let count = r.u64(), count <= 16 else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = r.string(), let old = r.blob(), let new = r.blob() else { return nil }
            entries.append(Entry(path: path, old: old, new: new))
        }
        guard r.atEnd else { return nil }
        return Journal(basePath: base, pair: PairPaths(owner: owner, ownerDoc: ownerDoc, todo: todo),
                       entries: entries, historyPath: historyPath, historyLine: historyLine)
    }
}
