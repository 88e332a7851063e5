/// The roll-forward journal of one transaction: for each document, its path, old contents and
/// new contents, with a checksum over everything. A journal whose checksum does not match is
/// incomplete and is discarded; a complete one is the commit point.
public struct Journal: Sendable, Equatable {
    /// One document's change.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var old: [UInt8]
        public var new: [UInt8]
    }

    /// The pair's base snapshot file, stored once the documents are written.
    public var basePath: String
    /// The pair's paths, for the base snapshot.
    public var pair: PairPaths
    /// The documents that change.
    public var entries: [Entry]
    /// The history file and the line to append to it.
    public var historyPath: String
    public var historyLine: [UInt8]

    static let magic = Array("CTOBOARD-JOURNAL 1\n".utf8)

    /// The journal's bytes.
    public func encode() -> [UInt8] {
        var w = BinaryWriter()
        w.bytes = Self.magic
        w.string(basePath)
        w.string(pair.owner); w.string(pair.ownerDoc); w.string(pair.todo)
        w.string(historyPath); w.blob(historyLine)
        w.u64(UInt64(entries.count))
        for e in entries {
            w.string(e.path)
            w.u64(Checksum.fnv1a(e.old))
            w.blob(e.old)
            w.blob(e.new)
        }
        w.u64(Checksum.fnv1a(w.bytes))
        return w.bytes
    }

    /// Parses a journal; nil when it is incomplete or damaged.
    public static func decode(_ bytes: [UInt8]) -> Journal? {
        guard bytes.count >= magic.count + 8, Array(bytes.prefix(magic.count)) == magic else { return nil }
        let body = Array(bytes.dropLast(8))
        var tail = BinaryReader(Array(bytes.suffix(8)))
        guard let sum = tail.u64(), sum == Checksum.fnv1a(body) else { return nil }
        var r = BinaryReader(body)
        r.offset = magic.count
        guard let base = r.string(), let owner = r.string(), let ownerDoc = r.string(), let todo = r.string(),
              let historyPath = r.string(), let historyLine = r.blob(),
              let count = r.u64(), count <= 16 else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = r.string(), let oldSum = r.u64(), let old = r.blob(), let new = r.blob(),
                  oldSum == Checksum.fnv1a(old) else { return nil }
            entries.append(Entry(path: path, old: old, new: new))
        }
        return Journal(basePath: base, pair: PairPaths(owner: owner, ownerDoc: ownerDoc, todo: todo),
                       entries: entries, historyPath: historyPath, historyLine: historyLine)
    }
}
