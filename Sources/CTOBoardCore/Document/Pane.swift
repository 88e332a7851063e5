/// Where a task lives: the owner document's sections, with Pending split by priority.
///
/// A pending task without a priority label is placed in ``medium``.
public enum Pane: String, CaseIterable, Sendable, Codable, Hashable {
    case completed
    case inProgress = "in-progress"
    case high
    case medium
    case low

    /// The priority name used in `list --json`, or nil outside Pending.
    public var priorityName: String? {
        switch self {
        case .high: return "high"
        case .medium: return "medium"
        case .low: return "low"
        default: return nil
        }
    }

    /// A short human title, as the board shows it.
    public var title: String {
        switch self {
        case .completed: return "Completed · Verify"
        case .inProgress: return "In Progress"
        case .high: return "Pending · High"
        case .medium: return "Pending · Medium"
        case .low: return "Pending · Low"
        }
    }

    /// Parses the names the command line accepts: `completed`, `in-progress`, `high`, `medium`, `low`
    /// and a few synonyms (`done`, `doing`, `progress`, `pending`).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "completed", "complete", "done", "verify": self = .completed
        case "in-progress", "inprogress", "progress", "doing", "in_progress", "started": self = .inProgress
        case "high", "pending-high": self = .high
        case "medium", "med", "pending", "pending-medium": self = .medium
        case "low", "pending-low": self = .low
        default: return nil
        }
    }
}

/// A task's state: open, done (checked), or awaiting verification (unchecked in Completed).
public enum TaskState: String, Sendable, Codable, Hashable {
    case open
    case done
    case verify
}
