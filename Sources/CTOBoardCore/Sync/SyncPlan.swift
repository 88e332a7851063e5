/// What a sync does: the new contents of both documents, what it carried and what it left.
public struct SyncPlan: Sendable, Equatable {
    public var ownerBytes: [UInt8]
    public var todoBytes: [UInt8]
    /// One line per change carried from one document to the other.
    public var carried: [String]
    /// Tasks changed differently on both sides, left alone.
    public var conflicts: [SyncConflict]
    /// Deletions that look like an accident (see ``MassDeletion``), when a document lost too
    /// many of the owner's tasks; ``Session`` then refuses to carry the plan.
    public var massDeletion: MassDeletion? = nil
}
