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
        var w = BinaryWriter(magic: Self.magic, capacity: owner.count + todo.count + 16)
        w.blob(owner)
        w.blob(todo)
        return w.seal()
    }

    public static func decode(_ bytes: [UInt8]) -> BaseSnapshot? {
        guard var r = BinaryReader(sealed: bytes, magic: magic), let o = r.blob(), let t = r.blob() else { return nil }
        return BaseSnapshot(owner: o, todo: t)
    }
}
