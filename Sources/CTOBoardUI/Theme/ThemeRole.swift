/// A part of the board a theme gives a style to. The raw value is the table name in a theme file.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// Ordinary task text.
    case normal
    /// The header lines.
    case header
    /// The key-hint line at the bottom.
    case footer
    /// Title of an inactive pane (or tab).
    case paneTitle = "pane-title"
    /// Title of the active pane (or tab).
    case activePaneTitle = "active-pane-title"
    /// The selected task in the active pane.
    case selectedRow = "selected-row"
    /// The VERIFY badge.
    case verifyBadge = "verify-badge"
    /// The CRITICAL badge.
    case criticalBadge = "critical-badge"
    /// The CONFLICT badge.
    case conflictBadge = "conflict-badge"
    /// Titles of done tasks.
    case done
    /// Secondary text (paths, counts, hints).
    case dim
    /// Group sub-headers in the Completed pane.
    case group
    /// Pane separators and overlay frames.
    case border
    /// Info messages and an "in sync" status.
    case message
    /// Warnings, such as conflicts in the sync status.
    case warning
    /// Errors.
    case error
    /// Overlays: help, conflict chooser, review card.
    case overlay

    /// Parses a role name in kebab-case, snake_case or camelCase.
    public init?(name: String) {
        if let role = ThemeRole(rawValue: name) { self = role; return }
        var kebab = ""
        for character in name {
            if character == "_" { kebab.append("-") }
            else if character.isUppercase { kebab.append("-"); kebab.append(contentsOf: character.lowercased()) }
            else { kebab.append(character) }
        }
        guard let role = ThemeRole(rawValue: kebab) else { return nil }
        self = role
    }
}
