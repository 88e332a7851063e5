/// What a heading or bold label line says about the task section that follows it.
///
/// Headings are matched by their words, ignoring case, emoji, mojibake and punctuation:
/// only ASCII letters and digits count.
public enum HeadingKind: Sendable, Hashable {
    /// Completed, Done, Finished, ...
    case completed
    /// In Progress, Doing, WIP, Ongoing, Active, ...
    case inProgress
    /// Pending, Backlog, Todo, To Do, Planned, Upcoming, ...
    case pending
    /// High, Medium or Low (with or without "Priority"): a priority within Pending.
    case priority(Pane)
    /// Anything else.
    case other

    /// The words of a heading: ASCII letters and digits, lowercased; everything else separates.
    static func words<C: Collection>(_ bytes: C) -> [String] where C.Element == UInt8 {
        var words: [String] = []
        var current: [UInt8] = []
        for b in bytes {
            let l = ByteSearch.lower(b)
            if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) {
                current.append(l)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Classifies heading or label text.
    ///
    /// The same rules as ``classify(words:)`` on words packed into integers: a document has
    /// hundreds of headings, and making a String of every word and hashing it into sets cost
    /// ten thousand instructions a heading. A property test holds the two to the same answers.
    public static func classify<C: Collection>(_ bytes: C) -> HeadingKind where C.Element == UInt8 {
        var words: [Word] = []
        words.reserveCapacity(8)
        var current = Word()
        for b in bytes {
            let l = ByteSearch.lower(b)
            if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) {
                current.append(l)
            } else if current.count > 0 {
                words.append(current)
                current = Word()
            }
        }
        if current.count > 0 { words.append(current) }
        return classify(packed: words)
    }

    /// A word of ASCII letters and digits, its first sixteen bytes packed into two integers.
    /// Words longer than sixteen bytes equal no keyword.
    struct Word: Equatable {
        var lo: UInt64 = 0, hi: UInt64 = 0, count = 0

        init() {}

        init(_ s: StaticString) {
            s.withUTF8Buffer { for b in $0 { append(b) } }
        }

        mutating func append(_ b: UInt8) {
            if count < 8 { lo |= UInt64(b) << (8 * UInt64(count)) } else if count < 16 { hi |= UInt64(b) << (8 * UInt64(count - 8)) }
            count += 1
        }
    }

    private enum Words {
        static let todo = Word("todo"), md = Word("md"), priority = Word("priority"), inWord = Word("in")
        static let progress = Word("progress"), to = Word("to"), doWord = Word("do")
        static let filler = [Word("priority"), Word("tasks"), Word("task"), Word("items"), Word("prio")]
        static let high = [Word("high"), Word("urgent"), Word("p1")]
        static let medium = [Word("medium"), Word("med"), Word("normal"), Word("p2")]
        static let low = [Word("low"), Word("p3")]
        static let progressWords = [Word("inprogress"), Word("doing"), Word("wip"), Word("ongoing"), Word("active"), Word("started")]
        static let completedWords = [Word("completed"), Word("complete"), Word("done"), Word("finished"), Word("verified")]
        static let pendingWords = [Word("pending"), Word("backlog"), Word("todo"), Word("todos"), Word("planned"),
                                   Word("upcoming"), Word("queued")]
    }

    /// ``classify(words:)`` on packed words.
    private static func classify(packed all: [Word]) -> HeadingKind {
        func namesFile(_ i: Int) -> Bool { all[i] == Words.todo && i + 1 < all.count && all[i + 1] == Words.md }
        let words = all.indices.contains(where: namesFile) ? all.indices.filter { !namesFile($0) }.map { all[$0] } : all
        guard let first = words.first else { return .other }
        if words.dropFirst().allSatisfy({ Words.filler.contains($0) }) {
            if Words.high.contains(first) { return .priority(.high) }
            if Words.medium.contains(first) { return .priority(.medium) }
            if Words.low.contains(first) { return .priority(.low) }
        }
        if words.count == 2, first == Words.priority {
            if words[1] == Words.high[0] { return .priority(.high) }
            if words[1] == Words.medium[0] || words[1] == Words.medium[1] { return .priority(.medium) }
            if words[1] == Words.low[0] { return .priority(.low) }
        }
        for i in words.indices where words[i] == Words.inWord && i + 1 < words.count && words[i + 1] == Words.progress {
            return .inProgress
        }
        if words.contains(where: Words.progressWords.contains) { return .inProgress }
        if words.contains(where: Words.completedWords.contains) { return .completed }
        for i in words.indices where words[i] == Words.to && i + 1 < words.count && words[i + 1] == Words.doWord {
            return .pending
        }
        if words.contains(where: Words.pendingWords.contains) { return .pending }
        return .other
    }

    private static let filler: Set<String> = ["priority", "tasks", "task", "items", "prio"]
    private static let progressWords: Set<String> = ["inprogress", "doing", "wip", "ongoing", "active", "started"]
    private static let completedWords: Set<String> = ["completed", "complete", "done", "finished", "verified"]
    private static let pendingWords: Set<String> = ["pending", "backlog", "todo", "todos", "planned", "upcoming", "queued"]

    static func classify(words all: [String]) -> HeadingKind {
        // "TODO.md" names the file ("Current Tasks (Synced with TODO.md)"), not a Todo section.
        func namesFile(_ i: Int) -> Bool { all[i] == "todo" && i + 1 < all.count && all[i + 1] == "md" }
        let words = all.indices.contains(where: namesFile) ? all.indices.filter { !namesFile($0) }.map { all[$0] } : all
        guard let first = words.first else { return .other }
        if words.dropFirst().allSatisfy({ filler.contains($0) }) {
            switch first {
            case "high", "urgent", "p1": return .priority(.high)
            case "medium", "med", "normal", "p2": return .priority(.medium)
            case "low", "p3": return .priority(.low)
            default: break
            }
        }
        if words.count == 2, first == "priority" {
            switch words[1] {
            case "high": return .priority(.high)
            case "medium", "med": return .priority(.medium)
            case "low": return .priority(.low)
            default: break
            }
        }
        for (i, w) in words.enumerated() where w == "in" && i + 1 < words.count && words[i + 1] == "progress" {
            return .inProgress
        }
        if words.contains(where: progressWords.contains) { return .inProgress }
        if words.contains(where: completedWords.contains) { return .completed }
        for (i, w) in words.enumerated() where w == "to" && i + 1 < words.count && words[i + 1] == "do" {
            return .pending
        }
        if words.contains(where: pendingWords.contains) { return .pending }
        return .other
    }

    /// Maps an inline `[Status: ...]` value to a section (pending maps to ``Pane/medium`` until a
    /// priority says otherwise).
    public static func statusPane(_ value: String) -> HeadingKind {
        classify(Array(value.utf8))
    }
}
