/// What the header shows besides the task counts.
public struct HeaderInfo: Hashable, Sendable {
    /// How the sync status is highlighted.
    public enum Level: String, Hashable, Sendable {
        case ok, warning, error
    }

    /// The owner whose board this is, e.g. "CTO".
    public var ownerName: String
    /// Path of the owner document (shortened to fit when drawn).
    public var ownerDocPath: String
    /// Path of TODO.md (shortened to fit when drawn).
    public var todoPath: String
    /// Sync status text, e.g. "in sync", "2 conflicts", "external change merged".
    public var syncStatus: String
    /// Highlight of the sync status.
    public var syncLevel: Level
    /// How many owners can be switched between with `o` (switching is offered when > 1).
    public var ownerCount: Int
    /// The board shows tasks that cannot be changed here (every owner's view): a, e and d are
    /// refused before any prompt opens.
    public var readOnly: Bool = false

    /// Creates header information.
    public init(
        ownerName: String = "", ownerDocPath: String = "", todoPath: String = "",
        syncStatus: String = "in sync", syncLevel: Level = .ok, ownerCount: Int = 1, readOnly: Bool = false
    ) {
        self.ownerName = ownerName
        self.ownerDocPath = ownerDocPath
        self.todoPath = todoPath
        self.syncStatus = syncStatus
        self.syncLevel = syncLevel
        self.ownerCount = ownerCount
        self.readOnly = readOnly
    }
}
