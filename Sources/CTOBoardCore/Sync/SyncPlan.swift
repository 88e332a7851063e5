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
}
