import CTOBoardCore

/// The panes' order on the board, and their names on narrow tab bars.
extension Pane {
    /// Position in `Pane.allCases`: Completed 0, In Progress 1, High 2, Medium 3, Low 4.
    public var ordinal: Int {
        switch self {
        case .completed: return 0
        case .inProgress: return 1
        case .high: return 2
        case .medium: return 3
        case .low: return 4
        }
    }

    /// A short title for narrow tab bars.
    public var shortTitle: String {
        switch self {
        case .completed: return "Done"
        case .inProgress: return "Doing"
        case .high: return "High"
        case .medium: return "Med"
        case .low: return "Low"
        }
    }
}
