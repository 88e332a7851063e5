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
        var byKey: [String: [Int]] = [:]            // key -> indices into result, in order
        var occurrences: [String: Int] = [:]
        for entry in ownerDoc.entries where entry.pane != nil {
            let n = occurrences[entry.key, default: 0] + 1
            occurrences[entry.key] = n
            byKey[entry.key, default: []].append(result.count)
            result.append(MatchedTask(id: id(entry.key, n), key: entry.key, owner: entry, todo: nil))
        }
        var todoOccurrences: [String: Int] = [:]
        let ownerBytes = Array(owner.utf8)
        for entry in todo.entries where entry.text.isOwned(by: ownerBytes) {
            let n = todoOccurrences[entry.key, default: 0] + 1
            todoOccurrences[entry.key] = n
            if let slots = byKey[entry.key], n <= slots.count {
                result[slots[n - 1]].todo = entry
            } else {
                result.append(MatchedTask(id: id(entry.key, n), key: entry.key, owner: nil, todo: entry))
            }
        }
        return result
    }

    static func id(_ key: String, _ occurrence: Int) -> String {
        let base = TitleKey.shortID(key)
        return occurrence == 1 ? base : "\(base)-\(occurrence)"
    }
}

extension String {
    /// ASCII-and-Unicode case-insensitive equality.
    func caseInsensitiveCompare(_ other: String) -> Bool {
        self == other || self.lowercased() == other.lowercased()
    }
}
