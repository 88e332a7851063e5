/// A line as a dictionary key: its bytes, hashed once by ``Checksum/lanes(_:)``.
struct LineKey: Hashable {
    let bytes: ArraySlice<UInt8>
    let hash: UInt64

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        hash = Checksum.lanes(bytes)
    }

    static func == (a: LineKey, b: LineKey) -> Bool {
        a.hash == b.hash && a.bytes.count == b.bytes.count && a.bytes.withUnsafeBufferPointer { p in
            b.bytes.withUnsafeBufferPointer { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
