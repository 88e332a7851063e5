/// What a recorded transaction did, for the history, `undo` and `report`.
public enum ChangeKind: String, Sendable, Codable, Equatable, CaseIterable {
    case toggled, verified, completed, started, moved, reprioritized, reordered
    case added, edited, deleted, synced, undone, redone, recovered
}
