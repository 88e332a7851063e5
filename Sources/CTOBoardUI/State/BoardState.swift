import CTOBoardCore
import Foundation

/// The board's model (in the bubbletea sense): tasks per pane, the active pane, selection and
/// scroll per pane, the mode, the filter, the footer message and the header information.
///
/// Build it with ``init(tasks:header:keyMap:)``, feed key events through ``BoardUpdate``, and
/// after running effects call ``reload(tasks:)``: the selection follows task ids.
public struct BoardState: Sendable {
    /// A footer message.
    public struct Message: Hashable, Sendable {
        /// Text shown in the footer.
        public var text: String
        /// Drawn in the error style when true.
        public var isError: Bool
        /// Creates a message.
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// A row of a pane's list: a group sub-header (Completed pane) or a task.
    public enum Row: Hashable, Sendable {
        /// A group header with its title.
        case group(String)
        /// A task, by its position in ``BoardState/visibleTasks(in:)``.
        case task(Int)
    }

    // MARK: Data

    /// All tasks in board order (pane order does not matter; order within a pane does).
    public private(set) var tasks: [BoardTask]
    /// Indices into `tasks` per pane (by `Pane.allCases` ordinal), unfiltered.
    private var paneIndices: [[Int]]
    /// Indices into `tasks` per pane, after the filter.
    private var visibleIndices: [[Int]]
    /// Display rows of the Completed pane (with group headers); other panes map 1:1.
    private var completedRows: [Row]
    /// Row index of each visible Completed task.
    private var completedRowOfTask: [Int]
    /// Position of each task id in `tasks`.
    private var indexByID: [String: Int]
    /// Lowercased UTF-8 titles for filtering, built on first use.
    private var searchKeys: [[UInt8]]

    // MARK: View state

    /// The pane that has the focus.
    public var activePane: Pane
    /// Selected position (in the visible list) per pane ordinal.
    public private(set) var selection: [Int]
    /// Id of the selected task per pane ordinal, used to keep the selection across reloads.
    private var selectedIDs: [String?]
    /// First visible row per pane ordinal.
    public private(set) var scroll: [Int]
    /// The current mode.
    public var mode: BoardMode
    /// The filter text (case-insensitive substring of titles and groups); empty means no filter.
    public private(set) var filterText: String
    /// The footer message, cleared by the next key press.
    public var message: Message?
    /// Header information.
    public var header: HeaderInfo
    /// Key bindings.
    public var keyMap: KeyMap
    /// Terminal size last reported with ``setViewport(width:height:)``; used for paging and scrolling.
    public private(set) var viewportWidth: Int
    /// Terminal height last reported with ``setViewport(width:height:)``.
    public private(set) var viewportHeight: Int
    /// Whether the detail area of the selected task is shown (when the terminal is tall enough,
    /// see ``BoardView/detailMinHeight``); `i` toggles it.
    public private(set) var showDetails: Bool
    /// The default arrangement of the panes (from the `layout` config key).
    public var layout: LayoutMode { didSet { for pane in Pane.allCases { ensureVisible(pane) } } }
    /// The last weekly review, once its summary was left (or the board quit during it): what
    /// `ctoboard review --notes` writes.
    public internal(set) var lastReview: ReviewSession?
    /// First row of the help overlay shown (it scrolls when the terminal is short).
    public internal(set) var helpScroll: Int
    /// Zoom (`z`): only the focused pane, at full width, whatever the layout.
    public private(set) var zoomed: Bool

    /// Creates a board showing `tasks`, with the first non-empty pending or in-progress pane active.
    public init(tasks: [BoardTask], header: HeaderInfo = HeaderInfo(), keyMap: KeyMap = .default,
                viewportWidth: Int = 80, viewportHeight: Int = 24) {
        let paneCount = Pane.allCases.count
        self.tasks = []
        self.paneIndices = Array(repeating: [], count: paneCount)
        self.visibleIndices = Array(repeating: [], count: paneCount)
        self.completedRows = []
        self.completedRowOfTask = []
        self.indexByID = [:]
        self.searchKeys = []
        self.activePane = .inProgress
        self.selection = Array(repeating: 0, count: paneCount)
        self.selectedIDs = Array(repeating: nil, count: paneCount)
        self.scroll = Array(repeating: 0, count: paneCount)
        self.mode = .normal
        self.filterText = ""
        self.message = nil
        self.header = header
        self.keyMap = keyMap
        self.viewportWidth = viewportWidth
        self.viewportHeight = viewportHeight
        self.showDetails = true
        self.layout = .auto
        self.zoomed = false
        self.helpScroll = 0
        self.lastReview = nil
        reload(tasks: tasks)
        if let firstBusy = [Pane.inProgress, .high, .medium, .low, .completed].first(where: { !paneIndices[$0.ordinal].isEmpty }) {
            activePane = firstBusy
        }
    }

    // MARK: Reload

    /// Replaces the tasks (after the core changed them), keeping the filter, the active pane and
    /// each pane's selected task id. When the selected task left a pane, the selection stays at the
    /// same position (clamped).
    public mutating func reload(tasks newTasks: [BoardTask]) {
        tasks = newTasks
        indexByID = Dictionary(newTasks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var perPane = Array(repeating: [Int](), count: Pane.allCases.count)
        for (index, task) in newTasks.enumerated() { perPane[task.pane.ordinal].append(index) }
        paneIndices = perPane
        searchKeys = []
        applyFilter(previous: nil)
        if case .review(let session) = mode, session.finished == false, let id = session.currentID, indexByID[id] == nil {
            // The task under review vanished: move on.
            var copy = session
            copy.advance()
            mode = .review(copy)
        }
        focusReviewedTask()
    }

    /// Records the terminal size (call on start and after a resize event) so paging and
    /// scrolling match what ``BoardView`` draws.
    public mutating func setViewport(width: Int, height: Int) {
        viewportWidth = width
        viewportHeight = height
        for pane in Pane.allCases { ensureVisible(pane) }
    }

    // MARK: Queries

    /// The task with an id.
    public func task(id: String) -> BoardTask? {
        indexByID[id].map { tasks[$0] }
    }

    /// Number of tasks in a pane, ignoring the filter.
    public func totalCount(in pane: Pane) -> Int { paneIndices[pane.ordinal].count }

    /// Number of tasks in a pane that pass the filter.
    public func visibleCount(in pane: Pane) -> Int { visibleIndices[pane.ordinal].count }

    /// The tasks of a pane that pass the filter, in order.
    public func visibleTasks(in pane: Pane) -> [BoardTask] { visibleIndices[pane.ordinal].map { tasks[$0] } }

    /// The visible task at a position of a pane.
    public func visibleTask(in pane: Pane, at position: Int) -> BoardTask? {
        let list = visibleIndices[pane.ordinal]
        return list.indices.contains(position) ? tasks[list[position]] : nil
    }

    /// The selected position in a pane (clamped to the visible list).
    public func selectedPosition(in pane: Pane) -> Int {
        let count = visibleIndices[pane.ordinal].count
        return count == 0 ? 0 : min(max(0, selection[pane.ordinal]), count - 1)
    }

    /// The selected task of a pane, if the pane has visible tasks.
    public func selectedTask(in pane: Pane) -> BoardTask? {
        visibleTask(in: pane, at: selectedPosition(in: pane))
    }

    /// The selected task of the active pane.
    public var selectedTask: BoardTask? { selectedTask(in: activePane) }

    /// Number of display rows of a pane (tasks plus group headers in Completed).
    public func rowCount(in pane: Pane) -> Int {
        pane == .completed ? completedRows.count : visibleIndices[pane.ordinal].count
    }

    /// The display row at an index.
    public func row(in pane: Pane, at index: Int) -> Row {
        pane == .completed ? completedRows[index] : .task(index)
    }

    /// The display row of the visible task at `position`.
    public func rowIndex(in pane: Pane, ofPosition position: Int) -> Int {
        guard pane == .completed else { return position }
        return completedRowOfTask.indices.contains(position) ? completedRowOfTask[position] : 0
    }

    /// The first visible row of a pane for a list `height` rows tall, keeping the selection in view
    /// (starting from the stored scroll offset).
    public func effectiveScroll(in pane: Pane, listHeight height: Int) -> Int {
        let rows = rowCount(in: pane)
        guard height > 0, rows > 0 else { return 0 }
        var top = scroll[pane.ordinal]
        let selectedRow = rowIndex(in: pane, ofPosition: selectedPosition(in: pane))
        if selectedRow < top { top = selectedRow }
        if selectedRow >= top + height { top = selectedRow - height + 1 }
        // Show the group header just above the first task when scrolled to it.
        if top > 0, selectedRow == top, case .group = row(in: pane, at: top - 1), top - 1 + height > selectedRow { top -= 1 }
        top = min(top, max(0, rows - height))
        return max(0, top)
    }

    // MARK: Mutation helpers (used by BoardUpdate)

    /// Selects a position in a pane (clamped) and remembers its task id.
    public mutating func select(position: Int, in pane: Pane) {
        let count = visibleIndices[pane.ordinal].count
        let clamped = count == 0 ? 0 : min(max(0, position), count - 1)
        selection[pane.ordinal] = clamped
        selectedIDs[pane.ordinal] = count == 0 ? nil : tasks[visibleIndices[pane.ordinal][clamped]].id
        ensureVisible(pane)
    }

    /// Marks a task id as selected in a pane, so that the next ``reload(tasks:)`` selects it (used to
    /// follow a task that is being moved).
    public mutating func follow(id: String, in pane: Pane) {
        selectedIDs[pane.ordinal] = id
        if let position = visibleIndices[pane.ordinal].firstIndex(where: { tasks[$0].id == id }) {
            selection[pane.ordinal] = position
            ensureVisible(pane)
        }
    }

    /// Sets the filter text and recomputes the visible lists (incrementally when the text grows).
    public mutating func setFilter(_ text: String) {
        let previous = filterText
        filterText = text
        applyFilter(previous: previous)
        // Keep the focus where the matches are, so Enter then Space acts on a match.
        if !text.isEmpty, visibleIndices[activePane.ordinal].isEmpty,
           let pane = Pane.allCases.first(where: { !visibleIndices[$0.ordinal].isEmpty }) {
            activePane = pane
        }
    }

    /// Selects the next (`forward`) or previous task that passes the filter, across panes in
    /// board order, wrapping around. Returns false when there is none.
    public mutating func stepMatch(forward: Bool) -> Bool {
        let panes = Pane.allCases
        var paneIndex = activePane.ordinal
        var position = selectedPosition(in: activePane) + (forward ? 1 : -1)
        for _ in 0...panes.count {
            let count = visibleIndices[paneIndex].count
            if position >= 0, position < count {
                activePane = panes[paneIndex]
                select(position: position, in: activePane)
                return true
            }
            paneIndex = ((paneIndex + (forward ? 1 : -1)) % panes.count + panes.count) % panes.count
            position = forward ? 0 : visibleIndices[paneIndex].count - 1
        }
        return false
    }

    /// Keeps the selection of a pane inside the list area computed from the viewport.
    mutating func ensureVisible(_ pane: Pane) {
        let height = BoardView.listHeight(self, width: viewportWidth, height: viewportHeight)
        scroll[pane.ordinal] = effectiveScroll(in: pane, listHeight: height)
    }

    /// Rows in one page of the list, from the viewport.
    var pageSize: Int { max(1, BoardView.listHeight(self, width: viewportWidth, height: viewportHeight)) }

    /// Selects the first task titled `title` and focuses its pane (after add, undo and redo, so
    /// the selection is on the task affected). Returns false when no task has that title.
    @discardableResult
    public mutating func focus(title: String) -> Bool {
        guard let index = tasks.firstIndex(where: { $0.title == title }) else { return false }
        let task = tasks[index]
        if !visibleIndices[task.pane.ordinal].contains(index) { setFilter("") }
        activePane = task.pane
        follow(id: task.id, in: task.pane)
        return true
    }

    /// Shows only the focused pane, or goes back to the layout.
    public mutating func toggleZoom() {
        zoomed.toggle()
        for pane in Pane.allCases { ensureVisible(pane) }
    }

    /// Shows or hides the detail area, keeping every selection in view.
    public mutating func toggleDetails() {
        showDetails.toggle()
        for pane in Pane.allCases { ensureVisible(pane) }
    }

    private mutating func applyFilter(previous: String?) {
        let query = Array(BoardState.searchForm(filterText).utf8)
        if query.isEmpty {
            visibleIndices = paneIndices
        } else {
            if searchKeys.count != tasks.count {
                searchKeys = tasks.map { task in
                    var key = Array(BoardState.searchForm(task.title).utf8)
                    if let group = task.group {
                        key.append(0x0A)
                        key.append(contentsOf: BoardState.searchForm(group).utf8)
                    }
                    // Badges and states, as the board shows them, are searchable too.
                    for word in BoardState.searchWords(task) {
                        key.append(0x0A)
                        key.append(contentsOf: word.utf8)
                    }
                    return key
                }
            }
            // Typing more characters can only narrow the result: filter the current lists.
            let narrowing = previous.map { !$0.isEmpty && filterText.lowercased().hasPrefix($0.lowercased()) } ?? false
            let sources = narrowing ? visibleIndices : paneIndices
            visibleIndices = sources.map { list in list.filter { BoardState.contains(searchKeys[$0], query) } }
        }
        rebuildCompletedRows()
        for pane in Pane.allCases { restoreSelection(pane) }
    }

    private mutating func restoreSelection(_ pane: Pane) {
        let p = pane.ordinal
        let list = visibleIndices[p]
        if let id = selectedIDs[p], let index = indexByID[id], let position = list.firstIndex(of: index) {
            selection[p] = position
        } else {
            selection[p] = list.isEmpty ? 0 : min(max(0, selection[p]), list.count - 1)
            selectedIDs[p] = list.isEmpty ? selectedIDs[p] : tasks[list[selection[p]]].id
        }
        ensureVisible(pane)
    }

    private mutating func rebuildCompletedRows() {
        var rows: [Row] = []
        var rowOfTask: [Int] = []
        let list = visibleIndices[Pane.completed.ordinal]
        rows.reserveCapacity(list.count + 8)
        rowOfTask.reserveCapacity(list.count)
        var currentGroup: String? = nil
        for (position, index) in list.enumerated() {
            let group = tasks[index].group
            if position == 0 {
                if let group { rows.append(.group(group)) }
            } else if group != currentGroup {
                rows.append(.group(group ?? "Other"))
            }
            currentGroup = group
            rowOfTask.append(rows.count)
            rows.append(.task(position))
        }
        completedRows = rows
        completedRowOfTask = rowOfTask
    }

    /// The badge and state words a filter finds a task by: "critical", "verify", "conflict", "done".
    static func searchWords(_ task: BoardTask) -> [String] {
        var words: [String] = []
        if task.critical { words.append("critical") }
        if task.state == .verify { words.append("verify") }
        if task.state == .done { words.append("done") }
        if task.conflict != nil { words.append("conflict") }
        return words
    }

    /// Lowercased and NFC-normalised, so "É" (precomposed) finds "e\u{301}" (decomposed).
    static func searchForm(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.utf8.allSatisfy({ $0 < 0x80 }) ? lower : lower.precomposedStringWithCanonicalMapping
    }

    /// Byte substring search (the keys are already lowercased).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        if n == 0 { return true }
        if n > h { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { nee in
                let first = nee[0]
                var i = 0
                let last = h - n
                while i <= last {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == nee[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
