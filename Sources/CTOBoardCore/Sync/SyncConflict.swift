/// A task changed differently in the two documents since the last sync.
public struct SyncConflict: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The task's line in the owner document, or nil when deleted there.
    public var ownerVersion: String?
    /// The task's line in TODO.md, or nil when deleted there.
    public var todoVersion: String?
    public var ownerLine: Int?
    public var todoLine: Int?
    /// Why it is a conflict when it was not changed on both sides.
    public var cause: String? = nil

    /// How to resolve a conflict, for messages.
    public static let wayOut = "keep one version with `ctoboard sync --prefer owner|todo`, or Enter on it in the board"

    /// One line naming the task with both versions.
    public var summary: String {
        if let cause { return "\"\(title)\" [\(id)] would move: \(cause)" }
        return "\"\(title)\" [\(id)] changed in both documents: owner document has \(ownerVersion.map { "`\($0)`" } ?? "it deleted"), TODO.md has \(todoVersion.map { "`\($0)`" } ?? "it deleted")"
    }
}
