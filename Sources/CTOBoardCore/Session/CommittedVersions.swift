/// Where the committed versions of a pair come from (git's history, for the executable): the
/// base of a sync that has no base snapshot, as git's merge uses the merge base. The core runs
/// no version control itself; the executable injects a provider.
public protocol CommittedVersions: Sendable {
    /// Both documents' bytes as last committed in a state where they agree (no drift), newest
    /// first; nil when there is none (not under version control, never committed, or never in
    /// agreement). `agree` tells whether a candidate pair agrees.
    func lastAgreed(_ paths: PairPaths, agree: (_ owner: [UInt8], _ todo: [UInt8]) -> Bool) -> CommittedBase?
}

/// A committed pair used as a base, and which commit it came from.
public struct CommittedBase: Sendable, Equatable {
    public var owner: [UInt8]
    public var todo: [UInt8]
    /// A short name for where it came from (an abbreviated commit id).
    public var revision: String

    public init(owner: [UInt8], todo: [UInt8], revision: String) {
        self.owner = owner
        self.todo = todo
        self.revision = revision
    }
}
