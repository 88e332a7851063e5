/// Numbers the sync engine's task identities densely (0, 1, 2, … in order of first sight),
/// through an open-addressing table on the keys' FNV-1a hashes.
///
/// The engine's bookkeeping (which tasks each side has, which were handled, renamed or seen) is
/// then arrays indexed by number. Dictionaries and sets of identities hashed every one of them
/// with SipHash on every lookup, and copied the key with it: at 100,000 tasks that was a fifth
/// of a sync.
struct IdentTable {
    private var slots: [Int32]      // -1: empty; else the identity's number
    private var hashes: [UInt64]
    /// The identities, by number.
    private(set) var idents: [SyncEngine.Ident] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        idents.reserveCapacity(capacity)
    }

    /// How many identities are numbered.
    var count: Int { idents.count }

    /// The number of `ident`, given the next one when new.
    mutating func number(_ ident: SyncEngine.Ident) -> Int {
        if (idents.count + 1) * 2 > slots.count { grow() }
        let h = Self.mix(ident)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[i] >= 0 {
            if hashes[i] == h && idents[Int(slots[i])] == ident { return Int(slots[i]) }
            i = (i + 1) & mask
        }
        slots[i] = Int32(idents.count)
        hashes[i] = h
        idents.append(ident)
        return idents.count - 1
    }

    private static func mix(_ ident: SyncEngine.Ident) -> UInt64 {
        ident.exact.hash &+ UInt64(truncatingIfNeeded: ident.occurrence) &* 0x9E37_79B9_7F4A_7C15
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        let mask = size - 1
        for (n, ident) in idents.enumerated() {
            let h = Self.mix(ident)
            var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(n)
            hashes[i] = h
        }
    }
}
