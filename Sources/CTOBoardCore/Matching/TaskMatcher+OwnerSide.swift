extension TaskMatcher {
    /// The owner document's half of a match: its tasks in order, with their ids, indexed by
    /// title key. It needs nothing from TODO.md, so a large pair builds it on the thread that
    /// parsed the owner document while TODO.md (the larger document) is still being parsed.
    struct OwnerSide: Sendable {
        /// The owner document's tasks, unmatched yet.
        var result: [MatchedTask]
        /// Per title key: the owner document's tasks with it (first, last, how many; `nextSlot`
        /// chains them for duplicate titles, which are rare) and how many of TODO.md's were seen.
        var table: KeyTable
        /// Each task's key hash, for ``TaskMatcher/disambiguate(_:hashes:)``.
        var hashes: [UInt64]
        var nextSlot: [Int]

        init(_ ownerDoc: TaskDocument) {
            result = []
            result.reserveCapacity(ownerDoc.entries.count + 16)
            table = KeyTable(capacity: ownerDoc.entries.count + 64)
            hashes = []
            hashes.reserveCapacity(ownerDoc.entries.count + 16)
            nextSlot = []
            nextSlot.reserveCapacity(ownerDoc.entries.count + 16)
            for entry in ownerDoc.entries where entry.pane != nil {
                let key = entry.key
                let hash = entry.keyHash
                let slot = table.slot(hash: hash) { [result] first in ExactKey.sameBytes(result[first].owner!.key, key) }
                let index = result.count
                var counts = table[slot]
                if counts.ownerCount == 0 {
                    counts.first = Int32(index)
                } else {
                    nextSlot[Int(counts.last)] = index
                }
                counts.last = Int32(index)
                counts.ownerCount += 1
                table[slot] = counts
                nextSlot.append(-1)
                result.append(MatchedTask(id: TaskMatcher.id(hash: hash, Int(counts.ownerCount)), owner: entry, todo: nil))
                hashes.append(hash)
            }
        }
    }
}
