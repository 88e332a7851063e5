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
        result.reserveCapacity(ownerDoc.entries.count + 16)
        var byKey: [ExactKey: [Int]] = [:]          // key -> indices into result, in order
        byKey.reserveCapacity(ownerDoc.entries.count)
        var occurrences: [ExactKey: Int] = [:]
        occurrences.reserveCapacity(ownerDoc.entries.count)
        for entry in ownerDoc.entries where entry.pane != nil {
            let k = ExactKey(entry.key)
            let n = occurrences[k, default: 0] + 1
            occurrences[k] = n
            byKey[k, default: []].append(result.count)
            result.append(MatchedTask(id: id(entry.key, n), key: entry.key, owner: entry, todo: nil))
        }
        var todoOccurrences: [ExactKey: Int] = [:]
        let ownerBytes = Array(owner.utf8)
        for entry in todo.entries where !entry.key.isEmpty && entry.text.isOwned(by: ownerBytes) {
            let k = ExactKey(entry.key)
            let n = todoOccurrences[k, default: 0] + 1
            todoOccurrences[k] = n
            if let slots = byKey[k], n <= slots.count {
                result[slots[n - 1]].todo = entry
            } else {
                result.append(MatchedTask(id: id(entry.key, n), key: entry.key, owner: nil, todo: entry))
            }
        }
        disambiguate(&result)
        return result
    }

    static func id(_ key: String, _ occurrence: Int, digits: Int = 6) -> String {
        let base = TitleKey.shortID(key, digits: digits)
        return occurrence == 1 ? base : "\(base)-\(occurrence)"
    }

    /// Gives tasks whose different titles hash to the same short id longer ids (more digits of
    /// the same hash), so that every id names one task. Ids stay six digits otherwise.
    static func disambiguate(_ tasks: inout [MatchedTask]) {
        var keysByID: [String: Set<String>] = [:]
        for t in tasks { keysByID[t.id, default: []].insert(t.key) }
        guard keysByID.values.contains(where: { $0.count > 1 }) else { return }
        var digits = 6
        var clashing = Set(keysByID.filter { $0.value.count > 1 }.flatMap(\.value))
        while !clashing.isEmpty, digits < 16 {
            digits += 2
            for i in tasks.indices where clashing.contains(tasks[i].key) {
                let occurrence = tasks[i].id.split(separator: "-").dropFirst().first.flatMap { Int($0) } ?? 1
                tasks[i].id = id(tasks[i].key, occurrence, digits: digits)
            }
            keysByID = [:]
            for t in tasks { keysByID[t.id, default: []].insert(t.key) }
            clashing = Set(keysByID.filter { $0.value.count > 1 }.flatMap(\.value))
        }
    }
}

/// A title key compared and hashed as its UTF-8 bytes. Keys are already case-folded and in NFC,
/// so this is the same equality as String's, without String's normalizing hash.
struct ExactKey: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactKey, b: ExactKey) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// ASCII-and-Unicode case-insensitive equality.
    func caseInsensitiveCompare(_ other: String) -> Bool {
        self == other || self.lowercased() == other.lowercased()
    }
}
