/// An open-addressing table from title keys to the counters ``TaskMatcher`` keeps per title,
/// placed by the keys' FNV-1a hashes (which the ids are cut from anyway).
///
/// A Dictionary keyed by title would hash every key again with SipHash and compare keys
/// through String on every hit; here a lookup compares the 64-bit hashes and checks the bytes
/// only when they are equal. The table keeps no keys: each slot names the first matched task
/// with its title, whose key the caller compares. A slot is 24 bytes in one array, so a lookup
/// at 20,000 titles (a table of 1.5 MB) reads one cache line, not three.
struct KeyTable: Sendable {
    /// One title: its key's hash (0: an empty slot), the first and last matched tasks with it
    /// (indices into the matcher's result, chained by the matcher; -1 for none), how many of the
    /// owner document's tasks have it, and how many of TODO.md's have been seen so far.
    struct Counts: Sendable {
        var hash: UInt64 = 0
        var first: Int32 = -1, last: Int32 = -1
        var ownerCount: Int32 = 0, todoCount: Int32 = 0
    }

    private var slots: [Counts]
    private var used = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Counts(), count: size)
    }

    /// The slot of the key whose ``TitleKey/hash(_:)`` is `hash`, made empty (with `first` -1)
    /// when new. `isKey` tells whether the key of the task at a slot's `first` is the key looked
    /// up; it is asked only when the hashes are equal.
    @inline(__always)
    mutating func slot(hash: UInt64, isKey: (_ first: Int) -> Bool) -> Int {
        if (used + 1) * 2 > slots.count { grow() }
        let h = hash == 0 ? 1 : hash
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[i].hash != 0 {
            if slots[i].hash == h && isKey(Int(slots[i].first)) { return i }
            i = (i + 1) & mask
        }
        slots[i].hash = h
        used += 1
        return i
    }

    subscript(slot: Int) -> Counts {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Counts(), count: old.count * 2)
        let mask = slots.count - 1
        for counts in old where counts.hash != 0 {
            var i = Int(truncatingIfNeeded: counts.hash ^ (counts.hash >> 29)) & mask
            while slots[i].hash != 0 { i = (i + 1) & mask }
            slots[i] = counts
        }
    }
}
