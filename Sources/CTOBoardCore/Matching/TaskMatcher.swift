/// Pairs the owner document's tasks with the owner's tasks in TODO.md by normalized title.
///
/// Tasks with equal titles pair up by likeness, then in order (``occurrences(_:like:)``).
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
        let ownerEntries = ownerDoc.entries.filter { $0.pane != nil }
        let ownerNumbers = occurrences(ownerEntries)
        for (entry, occurrence) in zip(ownerEntries, ownerNumbers) {
            let hash = TitleKey.hash(entry.key)
            ownerTasks[entry.key, default: []].append(result.count)
            result.append(MatchedTask(id: id(hash: hash, occurrence), owner: entry, todo: nil))
            hashes.append(hash)
        }
        let ownerBytes = Array(owner.utf8)
        // A TODO.md parsed for this owner has taken apart only the owner's tasks already.
        let onlyOwners = todo.keyOwner == owner
        let todoEntries = todo.entries.filter { !$0.key.isEmpty && (onlyOwners || $0.text.isOwned(by: ownerBytes)) }
        let reference = zip(ownerEntries, ownerNumbers).map { (entry: $0, occurrence: $1) }
        for (entry, n) in zip(todoEntries, occurrences(todoEntries, like: reference)) {
            let key = entry.key
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

    /// Occurrence numbers for `tasks` (1, 2, … among those with one title), paired with those of
    /// `reference` (the same tasks elsewhere): a task alone on both sides with its checkbox,
    /// section and children, else its children, takes its counterpart's; the rest pair in order.
    /// Linear in the tasks: a document of thousands of one title stays fast.
    static func occurrences(_ tasks: [TaskEntry], like reference: [(entry: TaskEntry, occurrence: Int)] = []) -> [Int] {
        var counts: [String: Int] = Dictionary(minimumCapacity: tasks.count)
        var result = tasks.map { counting(&counts[$0.key, default: 0]) }
        let repeated = Set(tasks.indices.filter { result[$0] > 1 }.map { tasks[$0].key }
                           + reference.filter { $0.occurrence > 1 }.map(\.entry.key))
        if repeated.isEmpty { return result }
        let theirs = Dictionary(grouping: reference.filter { repeated.contains($0.entry.key) }, by: \.entry.key)
        for (key, mine) in Dictionary(grouping: tasks.indices.filter { repeated.contains(tasks[$0].key) }, by: { tasks[$0].key }) {
            for i in mine { result[i] = 0 }
            let others = theirs[key] ?? []
            var used = Set<Int>()
            for strictly in [true, false] {
                let likeness = { (e: TaskEntry) in
                    Likeness(children: e.childBytes, checked: strictly ? e.checked : nil, pane: strictly ? e.pane : nil)
                }
                let mineAlike = Dictionary(grouping: mine.filter { result[$0] == 0 }, by: { likeness(tasks[$0]) })
                let othersAlike = Dictionary(grouping: others.filter { !used.contains($0.occurrence) }, by: { likeness($0.entry) })
                for (l, ms) in mineAlike where ms.count == 1 {
                    guard let os = othersAlike[l], os.count == 1 else { continue }
                    result[ms[0]] = os[0].occurrence
                    used.insert(os[0].occurrence)
                }
            }
            var rest = others.map(\.occurrence).filter { !used.contains($0) }.makeIterator()
            for i in mine where result[i] == 0 { result[i] = rest.next() ?? 0 }
            let taken = Set(mine.map { result[$0] })
            var free = (1...).lazy.filter { !taken.contains($0) }.makeIterator()
            for i in mine where result[i] == 0 { result[i] = free.next()! }
        }
        return result
    }

    /// What pairs tasks of one title: their children, and strictly also checkbox and section.
    private struct Likeness: Hashable {
        let children: ArraySlice<UInt8>
        let checked: Bool?
        let pane: Pane?
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
