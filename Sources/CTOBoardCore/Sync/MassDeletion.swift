/// Deletions a sync would carry out of one document that look like an accident (a truncated or
/// emptied document, a bad paste) rather than a person's choice — like rsync's `--max-delete`.
/// A sync that finds one carries nothing unless deletions are explicitly allowed.
public struct MassDeletion: Sendable, Equatable {
    /// The document whose tasks went missing.
    public var side: SyncEngine.Side
    /// How many of the owner's tasks the sync would delete from the other document.
    public var lost: Int
    /// How many of the owner's tasks that document had in the base.
    public var total: Int

    public init(side: SyncEngine.Side, lost: Int, total: Int) {
        self.side = side
        self.lost = lost
        self.total = total
    }

    /// More than this many deletions at once, that are also more than `fraction` of the
    /// document's tasks, are refused.
    static let count = 3
    static let fraction = 0.2

    /// The refusal for one document: `lost` deletions carried from it, of `total` tasks it had in
    /// the base, `remaining` tasks it has now. A document that lost all of the owner's tasks
    /// (an empty one included) or more than 3 that are also more than 20% of them.
    static func check(side: SyncEngine.Side, lost: Int, total: Int, remaining: Int) -> MassDeletion? {
        guard lost > 0 else { return nil }
        let tooMany = lost > count && Double(lost) > fraction * Double(total)
        return remaining == 0 || tooMany ? MassDeletion(side: side, lost: lost, total: total) : nil
    }
}
