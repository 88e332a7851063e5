/// An open-addressing table from title keys to the counters ``TaskMatcher`` keeps per title,
/// placed by the keys' FNV-1a hashes (which the ids are cut from anyway).
///
/// A Dictionary keyed by title would hash every key again with SipHash and compare keys
/// through String on every hit; here a lookup compares the 64-bit hashes and checks the bytes
/// only when they are equal.
struct KeyTable: Sendable {
    /// Per title: the first and last of the owner document's tasks with it (indices into the
    /// matcher's result, chained by the matcher), how many the owner document has, and how many
    /// of TODO.md's have been seen so far.
    struct Counts: Sendable {
        var first = -1, last = -1
        var ownerCount = 0, todoCount = 0
    }

    private var hashes: [UInt64]          // 0: empty
    private var keys: [String]
    private(set) var counts: [Counts]
    private var used = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        keys = Array(repeating: "", count: size)
        counts = Array(repeating: Counts(), count: size)
    }

    /// The slot of `key` (whose ``TitleKey/hash(_:)`` is `hash`), made empty when new.
    mutating func slot(for key: String, hash: UInt64) -> Int {
        if (used + 1) * 2 > hashes.count { grow() }
        let h = hash == 0 ? 1 : hash
        let mask = hashes.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && ExactKey.sameBytes(keys[i], key) { return i }
            i = (i + 1) & mask
        }
        hashes[i] = h
        keys[i] = key
        used += 1
        return i
    }

    subscript(slot: Int) -> Counts {
        get { counts[slot] }
        set { counts[slot] = newValue }
    }

    private mutating func grow() {
        let old = (hashes, keys, counts)
        hashes = Array(repeating: 0, count: old.0.count * 2)
        keys = Array(repeating: "", count: old.0.count * 2)
        counts = Array(repeating: Counts(), count: old.0.count * 2)
        let mask = hashes.count - 1
        for j in old.0.indices where old.0[j] != 0 {
            var i = Int(truncatingIfNeeded: old.0[j] ^ (old.0[j] >> 29)) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = old.0[j]
            keys[i] = old.1[j]
            counts[i] = old.2[j]
        }
    }
}
