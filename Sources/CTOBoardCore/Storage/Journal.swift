/// The roll-forward journal of one transaction: for each document, its path, old contents and
/// new contents, with a checksum over everything. A journal whose checksum does not match is
/// incomplete and is discarded; a complete one is the commit point.
///
/// Version 4 always holds both documents of the pair, owner document first (an unchanged one
/// with its old contents equal to its new ones), and starts with the same header as a base
/// snapshot: the checksums of both new contents. Once the change is made, the journal is
/// renamed to be the pair's base snapshot instead of writing the documents a third time (see
/// ``BaseSnapshot``).
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

        /// Whether the transaction changes this document.
        var changed: Bool { !old.sameBytes(as: new) }
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

    static let magic = Array("CTOBOARD-JOURNAL 4\n".utf8)
    /// Versions 3 (no header, only changed documents) and 2 (checksums by ``Checksum/wide(_:)``):
    /// still rolled forward after an upgrade.
    static let magicV3 = Array("CTOBOARD-JOURNAL 3\n".utf8)
    static let magicV2 = Array("CTOBOARD-JOURNAL 2\n".utf8)

    /// Whether `bytes` are a journal that can serve as its pair's base snapshot: version 4,
    /// holding both documents (owner document first). Its new contents are then the base.
    static func isPairSnapshot(_ bytes: [UInt8], _ journal: Journal) -> Bool {
        bytes.starts(with: magic) && journal.entries.count == 2
    }

    /// The journal's bytes.
    public func encode() -> [UInt8] {
        let pieces = pieces()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for p in pieces { bytes += p }
        return bytes
    }

    /// The journal's bytes in pieces, the documents' new contents among them as they are (see
    /// ``PiecewiseWriter``): written one after another, they are ``encode()``.
    ///
    /// Layout: the magic; the base snapshot's header (both new contents' checksums, zero when
    /// the journal does not hold both documents, and the header's own checksum); the base path,
    /// the pair, the history path and line; then each document's path and a flag: an unchanged
    /// document's contents, or a changed one's old checksum and length, new contents and the
    /// line hunks that lead back to the old ones (half the bytes to write and fsync at the
    /// commit point); the seal.
    func pieces() -> [[UInt8]] {
        var w = PiecewiseWriter(magic: Self.magic)
        let pairSnapshot = entries.count == 2
        let sums = pairSnapshot ? [Checksum.lanes(entries[0].new), Checksum.lanes(entries[1].new)] : []
        var header = Self.magic
        for sum in sums.isEmpty ? [0, 0] : sums {
            withUnsafeBytes(of: sum.littleEndian) { header.append(contentsOf: $0) }
            w.u64(sum)
        }
        w.u64(Checksum.lanes(header))
        w.string(basePath)
        w.string(pair.owner); w.string(pair.ownerDoc); w.string(pair.todo)
        w.string(historyPath); w.blob(historyLine)
        w.u64(UInt64(entries.count))
        for (index, e) in entries.enumerated() {
            w.string(e.path)
            let changed = e.changed
            w.u64(changed ? 1 : 0)
            let newSum = sums.isEmpty ? nil : sums[index]
            if !changed { w.blob(e.new, checksum: newSum); continue }
            w.u64(Checksum.lanes(e.old))
            w.u64(UInt64(e.old.count))
            w.blob(e.new, checksum: newSum)
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

    /// Both new contents of a version 4 journal that holds the pair (see
    /// ``isPairSnapshot(_:_:)``), read without rebuilding the old ones: what a base snapshot
    /// stored as a renamed journal needs. Nil when it is damaged or not such a journal.
    static func pairContents(_ bytes: [UInt8]) -> (owner: [UInt8], todo: [UInt8])? {
        guard var r = PiecewiseReader(bytes, magic: magic) else { return nil }
        return pairContents(&r)
    }

    /// ``pairContents(_:)`` read from the file open at `fd`, the documents straight into their
    /// arrays.
    static func pairContents(fd: Int32) -> (owner: [UInt8], todo: [UInt8])? {
        guard var r = PiecewiseFileReader(fd: fd, magic: magic) else { return nil }
        return pairContents(&r)
    }

    private static func pairContents<R: PiecewiseRecordReader>(_ r: inout R) -> (owner: [UInt8], todo: [UInt8])? {
        guard r.u64() != nil, r.u64() != nil, r.u64() != nil else { return nil }
        // The base path, the pair's three strings, the history path and line.
        for _ in 0..<6 { guard r.skipBlob() else { return nil } }
        guard r.u64() == 2 else { return nil }
        var contents: [[UInt8]] = []
        for _ in 0..<2 {
            guard r.skipBlob(), let flags = r.u64() else { return nil }
            if flags == 0 {
                guard let same = r.blob() else { return nil }
                contents.append(same)
                continue
            }
            guard r.u64() != nil, r.u64() != nil, let new = r.blob(), let hunkCount = r.u64() else { return nil }
            contents.append(new)
            for _ in 0..<hunkCount {
                guard r.u64() != nil, r.u64() != nil, let oldLines = r.u64() else { return nil }
                for _ in 0..<oldLines { guard r.skipBlob() else { return nil } }
                guard let newLines = r.u64() else { return nil }
                for _ in 0..<newLines { guard r.skipBlob() else { return nil } }
            }
        }
        guard r.verify() else { return nil }
        return (contents[0], contents[1])
    }

    /// Parses a journal; nil when it is incomplete or damaged.
    public static func decode(_ bytes: [UInt8]) -> Journal? {
        if bytes.starts(with: magicV2) {
            guard var r = BinaryReader(sealed: bytes, magic: magicV2, checksum: { Checksum.wide($0) }) else { return nil }
            return decodeBody(&r, flagged: false, limit: bytes.count, oldSum: { Checksum.wide($0) })
        }
        if bytes.starts(with: magicV3) {
            guard var r = BinaryReader(sealed: bytes, magic: magicV3) else { return nil }
            return decodeBody(&r, flagged: false, limit: bytes.count, oldSum: { Checksum.lanes($0) })
        }
        guard var r = PiecewiseReader(bytes, magic: magic),
              r.u64() != nil, r.u64() != nil, r.u64() != nil,
              let journal = decodeBody(&r, flagged: true, limit: bytes.count, oldSum: { Checksum.lanes($0) }),
              r.verify() else { return nil }
        return journal
    }

    /// Everything after the magic (and the header): `flagged` entries (version 4) say whether
    /// the document changes.
    private static func decodeBody<R: RecordReader>(
        _ r: inout R, flagged: Bool, limit: Int, oldSum sum: ([UInt8]) -> UInt64
    ) -> Journal? {
        guard let base = r.string(), let owner = r.string(), let ownerDoc = r.string(), let todo = r.string(),
              let historyPath = r.string(), let historyLine = r.blob(),
              let count = r.u64(), count <= 16 else { return nil }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard let path = r.string() else { return nil }
            if flagged {
                guard let flags = r.u64() else { return nil }
                if flags == 0 {
                    guard let same = r.blob() else { return nil }
                    entries.append(Entry(path: path, old: same, new: same))
                    continue
                }
            }
            guard let oldSum = r.u64(), let oldCount = r.u64(), let new = r.blob(),
                  let hunkCount = r.u64(), hunkCount <= UInt64(new.count + 1) * 2 + 2 else { return nil }
            var hunks: [LineDiff.Hunk] = []
            for _ in 0..<hunkCount {
                guard let oldStart = r.u64(), let newStart = r.u64(), let oc = r.u64(), oc <= UInt64(limit) else { return nil }
                var oldLines: [[UInt8]] = []
                for _ in 0..<oc { guard let l = r.blob() else { return nil }; oldLines.append(l) }
                guard let nc = r.u64(), nc <= UInt64(limit) else { return nil }
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
