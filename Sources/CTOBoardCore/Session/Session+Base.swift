/// The base a sync compares with: the snapshot of the last transaction, else the last committed
/// pair that agrees, else none (a first sync: nothing is deleted).
extension Session {
    /// Where a sync's base came from.
    public enum BaseSource: Sendable, Equatable {
        /// The state folder's snapshot of the last transaction.
        case snapshot
        /// No snapshot: the last commit (named) in which both documents agree.
        case committed(revision: String)
        /// No snapshot and no agreeing commit.
        case none

        /// One line for a sync that ran without a base snapshot; nil with one.
        public var notice: String? {
            switch self {
            case .snapshot: nil
            case .committed(let revision):
                "no base snapshot: compared with commit \(revision), the last one in which both documents agree"
            case .none:
                "no base snapshot: first sync, so tasks on one side only were added and none deleted; similar titles are conflicts"
            }
        }
    }

    /// The base for a sync, and where it came from.
    public func syncBase() -> (base: BaseSnapshot?, source: BaseSource) {
        if let base = store.loadBase(paths) { return (base, .snapshot) }
        let paths = self.paths
        let agreed = committed?.lastAgreed(paths) { owner, todo in
            TaskPair(paths: paths, ownerBytes: owner, todoBytes: todo).drift().isEmpty
        }
        if let agreed { return (BaseSnapshot(owner: agreed.owner, todo: agreed.todo), .committed(revision: agreed.revision)) }
        return (nil, .none)
    }
}
