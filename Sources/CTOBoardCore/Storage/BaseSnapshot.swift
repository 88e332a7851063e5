/// The last synced contents of both documents: what external edits are compared against.
///
/// Version 2 starts with a short header (the checksums of both documents, itself checksummed),
/// so that a command can tell whether the documents still equal the base by reading 48 bytes
/// instead of the whole file (see ``headerMatches(at:owner:todo:)``). Version 1 files are
/// still read.
///
/// A commit stores the base by renaming its journal (version 4) into place: the journal holds
/// both new contents and starts with the same header, so the documents are not written a
/// third time. Both forms are read here.
public struct BaseSnapshot: Sendable, Equatable {
    public var owner: [UInt8]
    public var todo: [UInt8]

    public init(owner: [UInt8], todo: [UInt8]) {
        self.owner = owner
        self.todo = todo
    }

    static let magic = Array("CTOBOARD-BASE 2\n".utf8)
    static let magicV1 = Array("CTOBOARD-BASE 1\n".utf8)
    /// The magic, the two documents' checksums and the header's own checksum.
    static var headerSize: Int { magic.count + 24 }

    public func encode() -> [UInt8] {
        var w = BinaryWriter(magic: Self.magic, capacity: owner.count + todo.count + 48)
        w.u64(Checksum.lanes(owner))
        w.u64(Checksum.lanes(todo))
        w.u64(Checksum.lanes(w.bytes))
        w.blob(owner)
        w.blob(todo)
        return w.seal()
    }

    public static func decode(_ bytes: [UInt8]) -> BaseSnapshot? {
        if bytes.starts(with: Journal.magic) {
            return Journal.pairContents(bytes).map { BaseSnapshot(owner: $0.owner, todo: $0.todo) }
        }
        if bytes.starts(with: magicV1) {
            guard var r = BinaryReader(sealed: bytes, magic: magicV1, checksum: { Checksum.wide($0) }),
                  let o = r.blob(), let t = r.blob() else { return nil }
            return BaseSnapshot(owner: o, todo: t)
        }
        guard var r = BinaryReader(sealed: bytes, magic: magic),
              r.u64() != nil, r.u64() != nil, r.u64() != nil, let o = r.blob(), let t = r.blob() else { return nil }
        return BaseSnapshot(owner: o, todo: t)
    }

    /// Reads the snapshot at `path`; nil when it is missing or damaged. A base stored as a
    /// renamed journal is read straight into the two documents' arrays; other forms are read
    /// whole and decoded.
    public static func load(at path: String) -> BaseSnapshot? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var magicBytes = [UInt8](repeating: 0, count: Journal.magic.count)
        let n = magicBytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        if n == Journal.magic.count, magicBytes == Journal.magic {
            return Journal.pairContents(fd: fd).map { BaseSnapshot(owner: $0.owner, todo: $0.todo) }
        }
        guard let bytes = try? FileIO.readRaw(at: path) else { return nil }
        return decode(bytes)
    }

    /// Whether the snapshot at `path` holds exactly `owner` and `todo`, told from its header
    /// alone: true when both checksums match. False when they do not, and also when the file
    /// is missing, of version 1 or damaged: the caller then reads the whole snapshot. Two
    /// different documents with the same 64-bit checksum are the only way to be wrong here.
    public static func headerMatches(at path: String, owner: [UInt8], todo: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // A snapshot's magic or a journal's (the longer one): the same header follows either.
        let size = Journal.magic.count + 24
        var header = [UInt8](repeating: 0, count: size)
        let n = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, size, 0) }
        let start: Int
        if n >= headerSize, header.starts(with: magic) {
            start = magic.count
        } else if n == size, header.starts(with: Journal.magic) {
            start = Journal.magic.count
        } else {
            return false
        }
        var r = BinaryReader(header)
        r.offset = start
        guard let ownerSum = r.u64(), let todoSum = r.u64(), let headerSum = r.u64(),
              headerSum == Checksum.lanes(header[0..<(start + 16)]) else { return false }
        return ownerSum == Checksum.lanes(owner) && todoSum == Checksum.lanes(todo)
    }
}
