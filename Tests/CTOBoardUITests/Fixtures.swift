import CTOBoardCore
@testable import CTOBoardUI

/// Shared sample boards for the UI tests.
enum Fixtures {
    static let tasks: [BoardTask] = [
        BoardTask(id: "c1", title: "Ship v1", pane: .completed, state: .done, group: "January 2026"),
        BoardTask(id: "c2", title: "Security audit", pane: .completed, state: .verify, group: "January 2026"),
        BoardTask(id: "c3", title: "Migrate DNS", pane: .completed, state: .verify, group: "December 2025"),
        BoardTask(id: "p1", title: "Vector database validation", pane: .inProgress, critical: true),
        BoardTask(id: "p2", title: "Review PRs", pane: .inProgress),
        BoardTask(id: "h1", title: "Set up CI", pane: .high, critical: true),
        BoardTask(id: "h2", title: "Backup policy", pane: .high, conflict: "owner doc: open · TODO.md: done"),
        BoardTask(id: "m1", title: "Evaluate Phoenix", pane: .medium),
        BoardTask(id: "m2", title: "Write ADR 12", pane: .medium),
        BoardTask(id: "m3", title: "日本語のタイトル", pane: .medium),
        BoardTask(id: "l1", title: "Tidy docs", pane: .low),
    ]

    static let header = HeaderInfo(
        ownerName: "CTO", ownerDocPath: "docs/Development/CTO_OWNER.md",
        todoPath: "docs/Project Management/TODO.md", syncStatus: "in sync", ownerCount: 1)

    static func state(width: Int = 80, height: Int = 24) -> BoardState {
        BoardState(tasks: tasks, header: header, viewportWidth: width, viewportHeight: height)
    }

    static func many(_ count: Int) -> [BoardTask] {
        let panes = Pane.allCases
        return (0..<count).map { i in
            BoardTask(id: "t\(i)", title: "Task number \(i) with a reasonably long title to truncate",
                      pane: panes[i % panes.count], state: i % 7 == 0 ? .verify : .open,
                      critical: i % 11 == 0, group: i % 5 == 0 ? "Week \(i / 500)" : nil)
        }
    }
}

extension BoardState {
    /// Feeds keys in order, collecting effects.
    mutating func press(_ keys: KeyEvent...) -> [Effect] {
        keys.flatMap { handle($0) }
    }

    /// Types text, one character at a time.
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { handle(.char($0)) }
    }
}
