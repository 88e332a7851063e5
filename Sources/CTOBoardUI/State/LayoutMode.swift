/// How the panes are arranged (the `layout` config key).
public enum LayoutMode: String, CaseIterable, Hashable, Sendable {
    /// Side by side from ``BoardView/sideBySideMinWidth`` columns, tabs below.
    case auto
    /// Always side by side.
    case columns
    /// Always one pane with a tab bar.
    case tabs
}
