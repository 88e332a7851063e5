/// The last synced contents of both documents: what external edits are compared against.
///
/// Both documents as blobs after the magic, sealed as a whole (``BinaryWriter``). Written as
/// its own file by each commit (see ``PairTransaction``).
public struct BaseSnapshot: Sendable, Equatable {
    public var owner: [UInt8]
    public var todo: [UInt8]

    public init(owner: [UInt8], todo: [UInt8]) {
        self.owner = owner
        self.todo = todo
    }

    static let magic = Array("CTOBOARD-BASE 3\n".utf8)

    public func encode() -> [UInt8] {
        var w = BinaryWriter(magic: Self.magic, capacity: owner.count + todo.count + 16)
        w.blob(owner)
        w.blob(todo)
        return w.seal()
    }

    /// Parses a snapshot; nil when it is damaged.
    public static func decode(_ bytes: [UInt8]) -> BaseSnapshot? {
        guard var r = BinaryReader(sealed: bytes, magic: magic),
              let o = r.blob(), let t = r.blob(), r.atEnd else { return nil }
        return BaseSnapshot(owner: o, todo: t)
    }

    /// Reads the snapshot at `path`; nil when it is missing or damaged.
    public static func load(at path: String) -> BaseSnapshot? {
        guard let bytes = try? FileIO.readRaw(at: path) else { return nil }
        return decode(bytes)
    }
}
