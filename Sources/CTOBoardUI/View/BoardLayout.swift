import CTOBoardCore

/// Where the panes, the tab bar and the task rows are on screen. ``BoardView`` draws with it and
/// mouse clicks are hit-tested against it (``hit(x:y:)``), so the two cannot disagree.
public struct BoardLayout: Hashable, Sendable {
    /// One pane on screen: its title row and its list of rows.
    public struct PaneFrame: Hashable, Sendable {
        public var pane: Pane
        public var x: Int
        public var width: Int
        /// The title row (side by side) or the tab bar (tabs).
        public var titleY: Int
        public var listY: Int
        public var listHeight: Int
        /// The first row index shown (the pane's scroll).
        public var firstRow: Int
    }

    /// A tab of the tab bar (narrow terminals), as drawn.
    public struct Tab: Hashable, Sendable {
        public var pane: Pane
        public var x: Int
        public var width: Int
        /// The text drawn, e.g. "[2 Doing (3)]".
        public var text: String
    }

    /// What a cell shows.
    public enum Hit: Hashable, Sendable {
        /// A tab of the tab bar, or a column title.
        case paneTitle(Pane)
        /// A row of a pane's list (a row index, see ``BoardState/row(in:at:)``), on its checkbox or not.
        case row(Pane, index: Int, onCheckbox: Bool)
    }

    /// The panes shown: five side by side, or the active one under a tab bar; none when the
    /// terminal is too small.
    public var panes: [PaneFrame] = []
    /// The tabs, when the panes are not side by side.
    public var tabs: [Tab] = []

    /// The columns of a task row, from its left edge, that hold the checkbox `[ ]` (after the
    /// one-cell selection marker).
    public static let checkboxColumns = 1..<4

    /// The layout of a board at a terminal size.
    public init(_ state: BoardState, width: Int, height: Int) {
        guard width >= BoardView.minWidth, height >= BoardView.minHeight else { return }
        let top = BoardView.headerHeight
        let bodyHeight = height - BoardView.headerHeight - BoardView.footerHeight - BoardView.detailHeight(state, height: height)
        func frame(_ pane: Pane, x: Int, width: Int, titleRows: Int) -> PaneFrame {
            let listHeight = bodyHeight - titleRows
            return PaneFrame(pane: pane, x: x, width: width, titleY: top, listY: top + titleRows, listHeight: listHeight,
                             firstRow: state.effectiveScroll(in: pane, listHeight: listHeight))
        }
        if BoardView.usesColumns(state, width: width) {
            let all = Pane.allCases
            let columnWidth = (width - (all.count - 1)) / all.count
            var x = 0
            for (index, pane) in all.enumerated() {
                let w = index == all.count - 1 ? width - x : columnWidth
                panes.append(frame(pane, x: x, width: w, titleRows: 2))
                x += w + 1   // a separator column
            }
        } else {
            // Long titles when they fit, short ones otherwise.
            var labels = Pane.allCases.map { BoardView.paneLabel(state, $0, short: false) }
            if labels.reduce(0, { $0 + DisplayWidth.width(of: $1) + 3 }) > width {
                labels = Pane.allCases.map { BoardView.paneLabel(state, $0, short: true) }
            }
            var x = 0
            for (pane, label) in zip(Pane.allCases, labels) where x < width {
                let text = pane == state.activePane ? "[" + label + "]" : " " + label + " "
                let w = min(DisplayWidth.width(of: text), width - x)
                tabs.append(Tab(pane: pane, x: x, width: w, text: text))
                x += w + 1   // a space between tabs
            }
            panes = [frame(state.activePane, x: 0, width: width, titleRows: 1)]
        }
    }

    /// What is at a cell, if anything clickable.
    public func hit(x: Int, y: Int) -> Hit? {
        if let tab = tabs.first(where: { y == panes.first?.titleY && (($0.x)..<($0.x + $0.width)).contains(x) }) {
            return .paneTitle(tab.pane)
        }
        guard let frame = panes.first(where: { (($0.x)..<($0.x + $0.width)).contains(x) }) else { return nil }
        if tabs.isEmpty, (frame.titleY..<frame.listY).contains(y) { return .paneTitle(frame.pane) }
        guard (frame.listY..<(frame.listY + frame.listHeight)).contains(y) else { return nil }
        return .row(frame.pane, index: frame.firstRow + y - frame.listY,
                    onCheckbox: Self.checkboxColumns.contains(x - frame.x))
    }

    /// The pane whose list or title is at a cell (for the wheel).
    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.first { (($0.x)..<($0.x + $0.width)).contains(x) && ($0.titleY..<($0.listY + $0.listHeight)).contains(y) }?.pane
    }
}
