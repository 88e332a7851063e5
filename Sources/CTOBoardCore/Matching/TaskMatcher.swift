/// Pairs the owner document's tasks with the owner's tasks in TODO.md by normalized title.
///
/// Tasks with equal titles within one document pair up in order: the first with the first.
public enum TaskMatcher {
    /// Whether a TODO.md task belongs to `owner` (case-insensitive).
    public static func belongs(_ entry: TaskEntry, to owner: String) -> Bool {
        entry.text.isOwned(by: Array(owner.utf8))
    }

    /// The owner's tasks: owner document order first, then tasks found only in TODO.md.
    public static func match(ownerDoc: TaskDocument, todo: TaskDocument, owner: String) -> [MatchedTask] {
        var result: [MatchedTask] = []
        // Each task's key hash, for ``disambiguate(_:hashes:)``.
        var hashes: [UInt64] = []
        // Per title: the owner document's tasks with it (indices into `result`, in order).
        // (Sized up front, and each key looked up once: hashing a non-ASCII String is not cheap.)
        var ownerTasks: [String: [Int]] = Dictionary(minimumCapacity: ownerDoc.entries.count)
        for entry in ownerDoc.entries where entry.pane != nil {
            let hash = TitleKey.hash(entry.key)
            let occurrence = appending(result.count, to: &ownerTasks[entry.key, default: []])
            result.append(MatchedTask(id: id(hash: hash, occurrence), owner: entry, todo: nil))
            hashes.append(hash)
        }
        let ownerBytes = Array(owner.utf8)
        // A TODO.md parsed for this owner has taken apart only the owner's tasks already.
        let onlyOwners = todo.keyOwner == owner
        // Per title: how many of TODO.md's tasks with it were seen so far.
        var todoCounts: [String: Int] = Dictionary(minimumCapacity: ownerTasks.count)
        for entry in todo.entries where !entry.key.isEmpty && (onlyOwners || entry.text.isOwned(by: ownerBytes)) {
            let key = entry.key
            let n = counting(&todoCounts[key, default: 0])
            if let indices = ownerTasks[key], n <= indices.count {
                result[indices[n - 1]].todo = entry
            } else {
                let hash = TitleKey.hash(key)
                result.append(MatchedTask(id: id(hash: hash, n), owner: nil, todo: entry))
                hashes.append(hash)
            }
        }
        disambiguate(&result, hashes: hashes)
        return result
    }

    /// Appends `index` to `list`; returns the new count.
    private static func appending(_ index: Int, to list: inout [Int]) -> Int {
        list.append(index)
        return list.count
    }

    /// Adds one to `count`; returns it.
    private static func counting(_ count: inout Int) -> Int {
        count += 1
        return count
    }

    static func id(_ key: String, _ occurrence: Int, digits: Int = 6) -> String {
        id(hash: TitleKey.hash(key), occurrence, digits: digits)
    }

    static func id(hash: UInt64, _ occurrence: Int, digits: Int = 6) -> String {
        let base = TitleKey.shortID(hash: hash, digits: digits)
        return occurrence == 1 ? base : "\(base)-\(occurrence)"
    }

    /// Gives tasks whose different titles hash to the same short id longer ids (more digits of
    /// the same hash), so that every id names one task. Ids stay six digits otherwise.
    ///
    /// Works on the keys' 64-bit hashes: two different titles clash at `d` digits when their
    /// hashes share the first `d` hex digits. (Titles whose whole hashes are equal cannot be told
    /// apart by any number of digits.) Thousands of tasks make a few six-digit clashes likely.
    static func disambiguate(_ tasks: inout [MatchedTask], hashes: [UInt64]) {
        var digits = 6
        var clashing = clashingHashes(hashes, digits: digits)
        while !clashing.isEmpty, digits < 16 {
            digits += 2
            for i in tasks.indices where clashing.contains(hashes[i]) {
                let occurrence = tasks[i].id.split(separator: "-").dropFirst().first.flatMap { Int($0) } ?? 1
                tasks[i].id = id(hash: hashes[i], occurrence, digits: digits)
            }
            clashing = clashingHashes(hashes, digits: digits)
        }
    }

    /// The hashes whose first `digits` hex digits another, different hash shares.
    private static func clashingHashes(_ hashes: [UInt64], digits: Int) -> Set<UInt64> {
        let shift = UInt64(64 - 4 * digits)
        var byPrefix: [UInt64: UInt64] = [:]
        var clashing = Set<UInt64>()
        for h in hashes {
            if let other = byPrefix.updateValue(h, forKey: h >> shift), other != h {
                clashing.insert(h)
                clashing.insert(other)
            }
        }
        return clashing
    }
}

extension String {
    /// ASCII-and-Unicode case-insensitive equality.
    func caseInsensitiveCompare(_ other: String) -> Bool {
        self == other || self.lowercased() == other.lowercased()
    }
}
