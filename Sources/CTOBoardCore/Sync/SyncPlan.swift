/// What a sync does: the new contents of both documents, what it carried and what it left.
public struct SyncPlan: Sendable, Equatable {
    public var ownerBytes: [UInt8]
    public var todoBytes: [UInt8]
    /// One line per change carried from one document to the other.
    public var carried: [String]
    /// Tasks changed differently on both sides, left alone.
    public var conflicts: [SyncConflict]
    /// Each task's change carried, for the history (see ``TaskChange``).
    public var changes: [TaskChange] = []
    /// Deletions that look like an accident (see ``MassDeletion``), when a document lost too
    /// many of the owner's tasks; ``Session`` then refuses to carry the plan.
    public var massDeletion: MassDeletion? = nil
    /// With conflicts left open: the base to store (the result with each conflicting task as
    /// it was in the base). Nil when every task agrees: the base is then the result.
    public var agreedBase: BaseSnapshot? = nil
}
