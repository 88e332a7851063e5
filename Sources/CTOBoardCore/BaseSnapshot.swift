/// The last synced contents of both documents: what external edits are compared against.
public struct BaseSnapshot: Sendable, Equatable {
    public var owner: [UInt8]
    public var todo: [UInt8]

    public init(owner: [UInt8], todo: [UInt8]) {
        self.owner = owner
        self.todo = todo
    }

    static let magic = Array("CTOBOARD-BASE 1\n".utf8)

    public func encode() -> [UInt8] {
        var w = BinaryWriter()
        w.bytes = Self.magic
        w.blob(owner)
        w.blob(todo)
        w.u64(Checksum.wide(w.bytes))
        return w.bytes
    }

    public static func decode(_ bytes: [UInt8]) -> BaseSnapshot? {
        guard bytes.count >= magic.count + 8, Array(bytes.prefix(magic.count)) == magic else { return nil }
        let body = bytes.dropLast(8)
        var tail = BinaryReader(bytes.suffix(8))
        guard let sum = tail.u64(), sum == Checksum.wide(body) else { return nil }
        var r = BinaryReader(body)
        r.offset = body.startIndex + magic.count
        guard let o = r.blob(), let t = r.blob() else { return nil }
        return BaseSnapshot(owner: o, todo: t)
    }
}
