/// The roll-forward journal of one transaction: for each document, its path, old contents and
/// new contents, with a checksum over everything. A journal whose checksum does not match is
/// incomplete and is discarded; a complete one is the commit point.
public struct Journal: Sendable, Equatable {
    /// One document's change.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var old: [UInt8]
        public var new: [UInt8]
        /// The line hunks from `old` to `new`, when the caller has them already.
        var hunks: [LineDiff.Hunk]?

        public init(path: String, old: [UInt8], new: [UInt8], hunks: [LineDiff.Hunk]? = nil) {
            self.path = path
            self.old = old
            self.new = new
            self.hunks = hunks
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.path == b.path && a.old == b.old && a.new == b.new
        }
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

    public init(basePath: String, pair: PairPaths, entries: [Entry], historyPath: String, historyLine: [UInt8]) {
        self.basePath = basePath
        self.pair = pair
        self.entries = entries
        self.historyPath = historyPath
        self.historyLine = historyLine
    }

    static let magic = Array("CTOBOARD-JOURNAL 3\n".utf8)
    /// Version 2 (checksums by ``Checksum/wide(_:)``): still rolled forward after an upgrade.
    static let magicV2 = Array("CTOBOARD-JOURNAL 2\n".utf8)

    /// The journal's bytes.
    public func encode() -> [UInt8] {
        var w = BinaryWriter(magic: Self.magic, capacity: entries.reduce(4096) { $0 + $1.new.count + 64 })
        w.string(basePath)
        w.string(pair.owner); w.string(pair.ownerDoc); w.string(pair.todo)
        w.string(historyPath); w.blob(historyLine)
        w.u64(UInt64(entries.count))
        for e in entries {
            // The new contents in full, the old ones as the line hunks that lead back to them:
            // half the bytes to write and fsync at the commit point.
            w.string(e.path)
            w.u64(Checksum.lanes(e.old))
            w.u64(UInt64(e.old.count))
            w.blob(e.new)
            let hunks = e.hunks.map(HistoryEntry.reversed) ?? LineDiff.hunks(from: Document(bytes: e.new), to: Document(bytes: e.old))
            w.u64(UInt64(hunks.count))
            for h in hunks {
                w.u64(UInt64(h.oldStart)); w.u64(UInt64(h.newStart))
                w.u64(UInt64(h.oldLines.count)); for l in h.oldLines { w.blob(l) }
                w.u64(UInt64(h.newLines.count)); for l in h.newLines { w.blob(l) }
            }
        }
        return w.seal()
    }

    /// Parses a journal; nil when it is incomplete or damaged.
    public static func decode(_ bytes: [UInt8]) -> Journal? {
        let v2 = bytes.starts(with: magicV2)
        let sum: ([UInt8]) -> UInt64 = v2 ? { Checksum.wide($0) } : { Checksum.lanes($0) }
        guard var r = v2 ? BinaryReader(sealed: bytes, magic: magicV2, checksum: { Checksum.wide($0) })
                         : BinaryReader(sealed: bytes, magic: magic),
              let base = r.string(), let owner = r.string(), let ownerDoc = r.string(), let todo = r.string(),
              let historyPath = r.string(), let historyLine = r.blob(),
              let count = r.u64(), count <= 16 else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = r.string(), let oldSum = r.u64(), let oldCount = r.u64(), let new = r.blob(),
                  let hunkCount = r.u64(), hunkCount <= UInt64(new.count + 1) * 2 + 2 else { return nil }
            var hunks: [LineDiff.Hunk] = []
            for _ in 0..<hunkCount {
                guard let oldStart = r.u64(), let newStart = r.u64(), let oc = r.u64(), oc <= UInt64(bytes.count) else { return nil }
                var oldLines: [[UInt8]] = []
                for _ in 0..<oc { guard let l = r.blob() else { return nil }; oldLines.append(l) }
                guard let nc = r.u64(), nc <= UInt64(bytes.count) else { return nil }
                var newLines: [[UInt8]] = []
                for _ in 0..<nc { guard let l = r.blob() else { return nil }; newLines.append(l) }
                hunks.append(LineDiff.Hunk(oldStart: Int(oldStart), oldLines: oldLines, newStart: Int(newStart), newLines: newLines))
            }
            guard let old = LineDiff.apply(hunks, to: Document(bytes: new))?.bytes,
                  UInt64(old.count) == oldCount, oldSum == sum(old) else { return nil }
            entries.append(Entry(path: path, old: old, new: new))
        }
        return Journal(basePath: base, pair: PairPaths(owner: owner, ownerDoc: ownerDoc, todo: todo),
                       entries: entries, historyPath: historyPath, historyLine: historyLine)
    }
}
