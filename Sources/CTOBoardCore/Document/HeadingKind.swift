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
        bytes.map(ByteSearch.lower)
            .split { !((0x61...0x7A).contains($0) || (0x30...0x39).contains($0)) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Classifies heading or label text.
    public static func classify<C: Collection>(_ bytes: C) -> HeadingKind where C.Element == UInt8 {
        classify(words: words(bytes))
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
        func hasPair(_ a: String, _ b: String) -> Bool { zip(words, words.dropFirst()).contains { $0 == (a, b) } }
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
        if hasPair("in", "progress") || words.contains(where: progressWords.contains) { return .inProgress }
        if words.contains(where: completedWords.contains) { return .completed }
        if hasPair("to", "do") || words.contains(where: pendingWords.contains) { return .pending }
        return .other
    }

    /// Maps an inline `[Status: ...]` value to a section (pending maps to ``Pane/medium`` until a
    /// priority says otherwise).
    public static func statusPane(_ value: String) -> HeadingKind {
        classify(Array(value.utf8))
    }
}

extension Pane {
    /// The status section the pane belongs to, as a new heading or `[Status: ...]` tag names it:
    /// `Completed`, `In Progress` or `Pending`.
    var statusName: String {
        switch self {
        case .completed: return "Completed"
        case .inProgress: return "In Progress"
        case .high, .medium, .low: return "Pending"
        }
    }

    /// The priority as a new heading or `[Priority: ...]` tag names it (`High`); nil outside Pending.
    var capitalizedPriority: String? {
        priorityName.map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }
}
