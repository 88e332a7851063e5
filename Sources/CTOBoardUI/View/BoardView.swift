import CTOBoardCore
import Foundation

/// The pure view (the bubbletea `View`): draws a ``BoardState`` into a ``ScreenBuffer``.
///
/// Layout, top to bottom: two header lines, the panes, a message/editor line and a key-hint line.
/// At ``sideBySideMinWidth`` columns or more the five panes are side by side; narrower terminals
/// get a tab bar and one pane. Only the visible rows are laid out, so the cost does not grow with
/// the number of tasks.
public enum BoardView {
    /// Minimum terminal width for the side-by-side layout.
    public static let sideBySideMinWidth = 120
    /// Minimum terminal size; smaller terminals get ``tooSmallMessage``.
    public static let minWidth = 40
    /// Minimum terminal height.
    public static let minHeight = 10
    /// Shown centred when the terminal is smaller than ``minWidth`` × ``minHeight``.
    public static let tooSmallMessage = "Terminal too small (need 40×10)"

    static let headerHeight = 2
    static let footerHeight = 2
    /// The detail area of the selected task is shown from this terminal height on.
    public static let detailMinHeight = 24
    /// Rows of the detail area: a rule and six lines.
    static let detailAreaHeight = 7

    /// Rows available for tasks in each pane at a terminal size, with the default view options.
    public static func listHeight(width: Int, height: Int) -> Int {
        listHeight(BoardState(tasks: []), width: width, height: height)
    }

    /// Rows available for tasks in each pane when drawing `state` at a terminal size.
    public static func listHeight(_ state: BoardState, width: Int, height: Int) -> Int {
        let chrome = headerHeight + footerHeight + (usesColumns(state, width: width) ? 2 : 1)
        return max(0, height - chrome - detailHeight(state, height: height))
    }

    /// Whether the panes are drawn side by side.
    static func usesColumns(_ state: BoardState, width: Int) -> Bool {
        if state.zoomed { return false }
        switch state.layout {
        case .auto: return width >= sideBySideMinWidth
        case .columns: return true
        case .tabs: return false
        }
    }

    /// Rows taken by the detail area (0 when hidden or the terminal is too short).
    static func detailHeight(_ state: BoardState, height: Int) -> Int {
        state.showDetails && height >= detailMinHeight ? detailAreaHeight : 0
    }

    /// Renders the board.
    public static func render(_ state: BoardState, width: Int, height: Int, theme: Theme = .default) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height, style: theme[.normal])
        guard width >= minWidth, height >= minHeight else {
            let candidates = [tooSmallMessage, "Too small: need 40×10", "Too small", "…"]
            let message = candidates.first { DisplayWidth.width(of: $0) <= width } ?? ""
            let w = DisplayWidth.width(of: message)
            buffer.put(message, x: max(0, (width - w) / 2), y: max(0, height / 2 - (height > 1 ? 1 : 0)), style: theme[.warning])
            return buffer
        }
        drawHeader(state, into: &buffer, theme: theme)
        let bodyTop = headerHeight
        let details = detailHeight(state, height: height)
        let bodyHeight = height - headerHeight - footerHeight - details
        let layout = BoardLayout(state, width: width, height: height)
        if usesColumns(state, width: width) {
            drawColumns(state, layout: layout, into: &buffer, top: bodyTop, height: bodyHeight, theme: theme)
        } else {
            drawTabs(state, layout: layout, into: &buffer, top: bodyTop, height: bodyHeight, theme: theme)
        }
        if details > 0 {
            drawDetails(state, into: &buffer, top: bodyTop + bodyHeight, height: details, theme: theme)
        }
        drawFooter(state, into: &buffer, theme: theme)
        switch state.mode {
        case .help: drawHelp(state, into: &buffer, theme: theme)
        case .conflict(let id): drawConflict(state, id: id, into: &buffer, theme: theme)
        case .review(let session): drawReview(state, session: session, into: &buffer, theme: theme)
        default: break
        }
        return buffer
    }

    // MARK: Header

    private static func drawHeader(_ state: BoardState, into buffer: inout ScreenBuffer, theme: Theme) {
        let width = buffer.width
        let header = state.header
        let style = theme[.header]
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: style)
        var x = buffer.put(" ctoboard", x: 0, y: 0, style: style)
        if !header.ownerName.isEmpty {
            x += buffer.put(" · " + header.ownerName, x: x, y: 0, style: style)
        }
        let statusStyle: Style
        switch header.syncLevel {
        case .ok: statusStyle = style
        case .warning: statusStyle = theme[.warning].over(style)
        case .error: statusStyle = theme[.error]
        }
        let marker = header.syncLevel == .ok ? "✓ " : "! "
        x += buffer.put("  ", x: x, y: 0, style: style)
        x += buffer.put(marker + header.syncStatus, x: x, y: 0, style: statusStyle, maxWidth: max(0, width - x - 1))
        // Counts, right-aligned when there is room.
        let counts = Pane.allCases.map { pane -> String in
            let total = state.totalCount(in: pane)
            let shown = state.visibleCount(in: pane)
            let number = state.filterText.isEmpty ? "\(total)" : "\(shown)/\(total)"
            return "\(pane.shortTitle) \(number)"
        }.joined(separator: " · ") + " "
        let countsWidth = DisplayWidth.width(of: counts)
        if x + 2 + countsWidth <= width {
            buffer.put(counts, x: width - countsWidth, y: 0, style: style)
        }
        // Paths line.
        let dim = theme[.dim]
        let ownerLabel = " owner: ", todoLabel = "   todo: "
        let available = width - DisplayWidth.width(of: ownerLabel) - DisplayWidth.width(of: todoLabel) - 1
        let half = max(4, available / 2)
        let ownerPath = shortenPath(header.ownerDocPath, toWidth: half)
        let todoPath = shortenPath(header.todoPath, toWidth: max(4, available - DisplayWidth.width(of: ownerPath)))
        var px = buffer.put(ownerLabel, x: 0, y: 1, style: dim)
        px += buffer.put(ownerPath, x: px, y: 1, style: theme[.normal], maxWidth: width - px)
        px += buffer.put(todoLabel, x: px, y: 1, style: dim, maxWidth: width - px)
        buffer.put(todoPath, x: px, y: 1, style: theme[.normal], maxWidth: width - px)
    }

    /// Shortens a path to fit, keeping its end (the file name matters most): "…/Project Management/TODO.md".
    public static func shortenPath(_ path: String, toWidth width: Int) -> String {
        if DisplayWidth.width(of: path) <= width { return path }
        guard width > 1 else { return DisplayWidth.truncate(path, toWidth: width) }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while components.count > 1 {
            components.removeFirst()
            let candidate = "…/" + components.joined(separator: "/")
            if DisplayWidth.width(of: candidate) <= width { return candidate }
        }
        // Even the file name does not fit: keep its tail.
        var tail = ""
        for character in path.reversed() {
            let next = String(character) + tail
            if DisplayWidth.width(of: next) + 1 > width { break }
            tail = next
        }
        return "…" + tail
    }

    // MARK: Panes

    static func paneLabel(_ state: BoardState, _ pane: Pane, short: Bool) -> String {
        "\(pane.ordinal + 1) \(short ? pane.shortTitle : pane.title) \(paneCount(state, pane))"
    }

    private static func paneCount(_ state: BoardState, _ pane: Pane) -> String {
        let total = state.totalCount(in: pane)
        return "(" + (state.filterText.isEmpty ? "\(total)" : "\(state.visibleCount(in: pane))/\(total)") + ")"
    }

    /// A pane label that fits `width` cells: the long name, else the short one, else the name
    /// cut; the count is never cut.
    static func fittedPaneLabel(_ state: BoardState, _ pane: Pane, prefix: String, width: Int) -> String {
        let long = prefix + paneLabel(state, pane, short: false)
        if DisplayWidth.width(of: long) <= width { return long }
        let short = prefix + paneLabel(state, pane, short: true)
        if DisplayWidth.width(of: short) <= width { return short }
        let count = " " + paneCount(state, pane)
        let name = DisplayWidth.truncate(prefix + "\(pane.ordinal + 1) " + pane.shortTitle, toWidth: max(0, width - DisplayWidth.width(of: count)))
        return DisplayWidth.truncate(name + count, toWidth: width)
    }

    private static func drawTabs(_ state: BoardState, layout: BoardLayout, into buffer: inout ScreenBuffer, top: Int, height: Int,
                                 theme: Theme) {
        let width = buffer.width
        buffer.fill(x: 0, y: top, width: width, height: 1, style: theme[.paneTitle])
        for tab in layout.tabs {
            let style = tab.pane == state.activePane ? theme[.activePaneTitle] : theme[.paneTitle]
            buffer.put(tab.text, x: tab.x, y: top, style: style, maxWidth: width - tab.x)
        }
        guard let frame = layout.panes.first else { return }
        drawList(state, pane: frame.pane, into: &buffer, x: frame.x, y: frame.listY, width: frame.width, height: frame.listHeight,
                 active: true, theme: theme)
    }

    private static func drawColumns(_ state: BoardState, layout: BoardLayout, into buffer: inout ScreenBuffer, top: Int, height: Int,
                                    theme: Theme) {
        let panes = layout.panes
        for (index, frame) in panes.enumerated() {
            let pane = frame.pane, x = frame.x, w = frame.width
            let active = pane == state.activePane
            let titleStyle = active ? theme[.activePaneTitle] : theme[.paneTitle]
            buffer.fill(x: x, y: top, width: w, height: 1, style: titleStyle)
            let label = fittedPaneLabel(state, pane, prefix: active ? "▶ " : "  ", width: w)
            buffer.put(label, x: x, y: top, style: titleStyle, maxWidth: w)
            let rule = String(repeating: active ? "━" : "─", count: max(0, w))
            buffer.put(rule, x: x, y: top + 1, style: active ? theme[.activePaneTitle].adding(.bold) : theme[.border], maxWidth: w)
            if active {
                // Keep the rule readable: colours of the title without its background.
                var ruleStyle = theme[.border].adding(.bold)
                ruleStyle.fg = theme[.activePaneTitle].bg == .default ? ruleStyle.fg : theme[.activePaneTitle].bg
                buffer.setStyle(x: x, y: top + 1, width: w, height: 1, style: ruleStyle)
            }
            drawList(state, pane: pane, into: &buffer, x: x, y: frame.listY, width: w, height: frame.listHeight,
                     active: active, theme: theme)
            if index < panes.count - 1 {
                for row in top..<(top + height) {
                    buffer.put("│", x: x + w, y: row, style: theme[.border])
                }
            }
        }
    }

    private static func drawList(_ state: BoardState, pane: Pane, into buffer: inout ScreenBuffer,
                                 x: Int, y: Int, width: Int, height: Int, active: Bool, theme: Theme) {
        guard height > 0, width > 0 else { return }
        let rows = state.rowCount(in: pane)
        if rows == 0 {
            let empty = state.filterText.isEmpty ? "(empty)" : "(no match)"
            buffer.put(empty, x: x + 2, y: y, style: theme[.dim], maxWidth: width - 2)
            return
        }
        let top = state.effectiveScroll(in: pane, listHeight: height)
        let selected = state.selectedPosition(in: pane)
        let end = min(rows, top + height)
        for rowIndex in top..<end {
            let lineY = y + rowIndex - top
            switch state.row(in: pane, at: rowIndex) {
            case .group(let title):
                buffer.put(DisplayWidth.truncate("  " + title, toWidth: width), x: x, y: lineY, style: theme[.group])
            case .task(let position):
                guard let task = state.visibleTask(in: pane, at: position) else { continue }
                drawTask(task, selected: active && position == selected, into: &buffer, x: x, y: lineY, width: width,
                         highlight: state.filterText, theme: theme)
            }
        }
        // Scroll hints on the last row's right edge, with the selected position when the pane
        // does not fit: "↓ 12/649".
        if end < rows || top > 0, width > 4 {
            let count = state.visibleCount(in: pane)
            let marker = end < rows ? "↓" : "↑"
            let position = " \(marker) \(selected + 1)/\(count)"
            let label = DisplayWidth.width(of: position) + 2 <= width / 2 ? position : marker
            buffer.put(label, x: x + width - DisplayWidth.width(of: label), y: y + height - 1, style: theme[.dim])
            if top > 0, end < rows { buffer.put("↑", x: x + width - 1, y: y, style: theme[.dim]) }
        }
    }

    /// Draws one task line: selection marker, checkbox, badges, title truncated with "…".
    private static func drawTask(_ task: BoardTask, selected: Bool, into buffer: inout ScreenBuffer,
                                 x: Int, y: Int, width: Int, highlight: String, theme: Theme) {
        let base = selected ? theme[.selectedRow] : theme[.normal]
        if selected { buffer.fill(x: x, y: y, width: width, height: 1, style: base) }
        var cx = x
        let limit = x + width
        cx += buffer.put(selected ? "▶" : " ", x: cx, y: y, style: base, maxWidth: limit - cx)
        let box = task.state == .done ? "[x] " : "[ ] "
        cx += buffer.put(box, x: cx, y: y, style: base, maxWidth: limit - cx)
        func badge(_ text: String, _ role: ThemeRole) {
            guard limit - cx > DisplayWidth.width(of: text) + 1 else { return }
            cx += buffer.put(text, x: cx, y: y, style: theme[role], maxWidth: limit - cx)
            cx += buffer.put(" ", x: cx, y: y, style: base, maxWidth: limit - cx)
        }
        if task.conflict != nil { badge("CONFLICT", .conflictBadge) }
        if task.state == .verify { badge("VERIFY", .verifyBadge) }
        if task.critical { badge("CRITICAL", .criticalBadge) }
        var suffix = ""
        if !task.inTodo { suffix = " (owner doc only)" } else if !task.inOwnerDoc { suffix = " (TODO.md only)" }
        let titleStyle: Style = selected ? base : (task.state == .done ? theme[.done] : theme[.normal])
        let room = limit - cx
        guard room > 0 else { return }
        let title = sanitize(task.title)
        let suffixWidth = DisplayWidth.width(of: suffix)
        let titleWidth = DisplayWidth.width(of: title)
        let titleX = cx
        if titleWidth + suffixWidth <= room {
            cx += buffer.put(title, x: cx, y: y, style: titleStyle, maxWidth: room)
            if !suffix.isEmpty { buffer.put(suffix, x: cx, y: y, style: selected ? base : theme[.dim], maxWidth: limit - cx) }
        } else {
            buffer.put(DisplayWidth.truncate(title, toWidth: room), x: cx, y: y, style: titleStyle, maxWidth: room)
        }
        // The filter's match, underlined and bold where it is on screen.
        if !highlight.isEmpty, let match = title.range(of: highlight, options: [.caseInsensitive]) {
            let start = titleX + DisplayWidth.width(of: title[..<match.lowerBound])
            let end = min(limit - (titleWidth > room ? 1 : 0), start + DisplayWidth.width(of: title[match]))
            if end > start { buffer.setStyle(x: start, y: y, width: end - start, height: 1, style: titleStyle.adding(.underline).adding(.bold)) }
        }
    }

    /// Replaces tabs and control characters so one title is one line.
    static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var result = ""
        for character in text {
            if character == "\t" { result.append(" ") }
            else if let v = character.unicodeScalars.first?.value, v < 0x20 || v == 0x7F { result.append(" ") }
            else { result.append(character) }
        }
        return result
    }

    // MARK: Details

    /// The detail area: a rule naming the task's id, then the lines of ``detailLines(_:width:)``.
    private static func drawDetails(_ state: BoardState, into buffer: inout ScreenBuffer, top: Int, height: Int, theme: Theme) {
        let width = buffer.width
        let label = "─ Details (\(state.keyMap.keyNames(for: .details)) hides) "
        buffer.put(label + String(repeating: "─", count: max(0, width - DisplayWidth.width(of: label))),
                   x: 0, y: top, style: theme[.border], maxWidth: width)
        guard let task = state.selectedTask else {
            buffer.put(" No task selected", x: 0, y: top + 1, style: theme[.dim], maxWidth: width)
            return
        }
        let lines = detailLines(task, header: state.header, width: width - 2, maxLines: height - 1)
        for (row, line) in lines.enumerated() {
            let style = row == 0 || line.isTitle ? theme[.normal].adding(.bold) : theme[.normal]
            buffer.put(" " + line.text, x: 0, y: top + 1 + row, style: style, maxWidth: width)
        }
    }

    /// One line of the detail area.
    struct DetailLine: Hashable {
        var text: String
        var isTitle = false
    }

    /// What the detail area says about a task, in order: the full title wrapped; state, pane and
    /// group; the task's line in each document and the verified date; for a conflict, both
    /// versions. The title gives up lines first when there is not room for everything.
    static func detailLines(_ task: BoardTask, header: HeaderInfo, width: Int, maxLines: Int) -> [DetailLine] {
        var facts: [String] = []
        var status = "State: " + stateName(task)
        if task.critical { status += " · CRITICAL" }
        if task.conflict != nil { status += " · CONFLICT" }
        status += " · Pane: " + task.pane.title
        if let group = task.group { status += " · Group: " + sanitize(group) }
        facts.append(status)
        var places: [String] = []
        if let line = task.ownerLine { places.append("\(fileName(header.ownerDocPath, fallback: "owner doc")):\(line)") }
        if let line = task.todoLine { places.append("\(fileName(header.todoPath, fallback: "TODO.md")):\(line)") }
        if !task.inTodo { places.append("not in TODO.md") } else if !task.inOwnerDoc { places.append("not in the owner document") }
        var where_ = places.isEmpty ? "" : "Lines: " + places.joined(separator: " · ")
        if let date = task.verifiedDate { where_ += (where_.isEmpty ? "" : " · ") + "Verified " + date }
        if !where_.isEmpty { facts.append(where_) }
        if task.conflict != nil {
            facts.append("Conflict · owner doc: " + (task.ownerVersion.map(sanitize) ?? "deleted"))
            facts.append("Conflict · TODO.md:   " + (task.todoVersion.map(sanitize) ?? "deleted"))
        }
        if let progress = task.progress { facts[0] += " · Checklist: " + progress }
        // Sub-items and notes, after the facts: one line each, as indented as in the document.
        facts += task.subItems.filter { !$0.allSatisfy(\.isWhitespace) }.map { "  " + sanitize($0) }
        let titleRoom = max(1, maxLines - facts.count)
        let title = TextWrap.wrap(sanitize(task.title), width: width, maxLines: titleRoom).map { DetailLine(text: $0, isTitle: true) }
        let rest = facts.map { DetailLine(text: DisplayWidth.truncate($0, toWidth: width)) }
        return Array((title + rest).prefix(maxLines))
    }

    /// The word the board uses for a task's state.
    static func stateName(_ task: BoardTask) -> String {
        switch task.state {
        case .open: return task.pane == .inProgress ? "in progress" : "open"
        case .done: return "done"
        case .verify: return "awaiting verification"
        }
    }

    private static func fileName(_ path: String, fallback: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? fallback : name
    }

    // MARK: Footer

    private static func drawFooter(_ state: BoardState, into buffer: inout ScreenBuffer, theme: Theme) {
        let width = buffer.width
        let messageY = buffer.height - 2
        let hintsY = buffer.height - 1
        switch state.mode {
        case .filter:
            let x = buffer.put(" Filter: ", x: 0, y: messageY, style: theme[.message])
            let shown = tailFitting(state.filterText, width: width - x - 2)
            let end = x + buffer.put(shown, x: x, y: messageY, style: theme[.normal])
            buffer.put(" ", x: end, y: messageY, style: theme[.normal].adding(.reverse))
            drawHints(" Enter keep · Esc clear · ↑↓ select · Tab pane", into: &buffer, y: hintsY, theme: theme)
            return
        case .editor(let editor, let purpose):
            let label: String
            switch purpose {
            case .add(let pane): label = " Add to \(pane.title): "
            case .edit: label = " Edit title: "
            }
            let x = buffer.put(label, x: 0, y: messageY, style: theme[.message])
            drawEditor(editor, into: &buffer, x: x, y: messageY, width: width - x, theme: theme)
            drawHints(" Enter save · Esc cancel · ←→ Home End move · Backspace Delete", into: &buffer, y: hintsY, theme: theme)
            return
        case .review(let session):
            if let message = state.message {
                let style = message.isError ? theme[.error] : theme[.message]
                buffer.put(" " + DisplayWidth.truncate(sanitize(message.text), toWidth: width - 2), x: 0, y: messageY, style: style)
            }
            drawHints(reviewHints(session), into: &buffer, y: hintsY, theme: theme)
            return
        case .confirmDelete(let id):
            let title = state.task(id: id)?.title ?? id
            buffer.fill(x: 0, y: messageY, width: width, height: 1, style: theme[.error])
            let text = " Delete “\(DisplayWidth.truncate(sanitize(title), toWidth: max(5, width - 30)))”? (y/n) "
            buffer.put(text, x: 0, y: messageY, style: theme[.error], maxWidth: width)
            drawHints(" y delete · any other key cancels", into: &buffer, y: hintsY, theme: theme)
            return
        default:
            break
        }
        if let message = state.message {
            let style = message.isError ? theme[.error] : theme[.message]
            buffer.put(" " + DisplayWidth.truncate(sanitize(message.text), toWidth: width - 2), x: 0, y: messageY, style: style)
        } else if !state.filterText.isEmpty {
            buffer.put(" Filter “\(state.filterText)”  (/ edit · n N next · Esc clear)", x: 0, y: messageY, style: theme[.dim], maxWidth: width)
        }
        let keys = state.keyMap
        func first(_ action: Action) -> String { keys.keys(for: action).first?.displayName ?? "-" }
        // Most important first: the line is cut at the terminal width.
        let hints: [(String, String)] = [
            ("\(first(.up))\(first(.down))", "select"),
            ("\(first(.prevPane))\(first(.nextPane))", "pane"),
            (first(.toggle), "toggle"),
            (first(.add), "add"),
            (first(.edit), "edit"),
            (first(.delete), "delete"),
            (first(.filter), "filter"),
            (first(.help), "help"),
            (first(.quit), "quit"),
            (first(.verify), "verify"),
            (first(.start), "start"),
            (first(.undo), "undo"),
            (first(.review), "review"),
            (first(.zoom), "zoom"),
            (first(.details), "details"),
        ]
        drawHints(" " + hints.map { "\($0.0) \($0.1)" }.joined(separator: "  "), into: &buffer, y: hintsY, theme: theme)
    }

    private static func drawHints(_ text: String, into buffer: inout ScreenBuffer, y: Int, theme: Theme) {
        buffer.fill(x: 0, y: y, width: buffer.width, height: 1, style: theme[.footer])
        buffer.put(DisplayWidth.truncate(text, toWidth: buffer.width), x: 0, y: y, style: theme[.footer])
    }

    /// The end of `text` that fits in `width` cells.
    private static func tailFitting(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.width(of: text) <= width { return text }
        var result = ""
        var used = 1
        for character in text.reversed() {
            let w = DisplayWidth.width(of: character)
            if used + w > width { break }
            used += w
            result.insert(character, at: result.startIndex)
        }
        return "…" + result
    }

    /// Draws the inline editor, scrolled horizontally so the cursor stays visible; the cursor is a
    /// reversed cell.
    private static func drawEditor(_ editor: LineEditor, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        guard width > 1 else { return }
        let characters = Array(editor.text)
        let cursor = editor.cursor
        let room = width - 1
        // Choose the first visible character so the cursor fits.
        var start = 0
        var used = 0
        var i = cursor - 1
        var w = 1 // the cursor cell
        while i >= 0 {
            let cw = DisplayWidth.width(of: characters[i])
            if w + cw > room { break }
            w += cw
            i -= 1
        }
        start = i + 1
        var cx = x
        var index = start
        while index < characters.count {
            let character = characters[index]
            let cw = max(1, DisplayWidth.width(of: character))
            if used + cw > room { break }
            let style = index == cursor ? theme[.normal].adding(.reverse) : theme[.normal]
            cx += buffer.put(String(character), x: cx, y: y, style: style)
            used += cw
            index += 1
        }
        if cursor >= characters.count, used < width {
            buffer.put(" ", x: cx, y: y, style: theme[.normal].adding(.reverse))
        }
    }

    // MARK: Overlays

    /// Draws a framed box centred on screen and returns its inner rectangle.
    private static func drawBox(title: String, width w: Int, height h: Int, into buffer: inout ScreenBuffer, theme: Theme)
        -> (x: Int, y: Int, width: Int, height: Int) {
        let w = min(w, buffer.width - 2), h = min(h, buffer.height - 2)
        let x = (buffer.width - w) / 2, y = (buffer.height - h) / 2
        let style = theme[.overlay]
        buffer.fill(x: x, y: y, width: w, height: h, style: style)
        let frame = theme[.border].over(style)
        buffer.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", x: x, y: y, style: frame)
        for row in (y + 1)..<(y + h - 1) {
            buffer.put("│", x: x, y: row, style: frame)
            buffer.put("│", x: x + w - 1, y: row, style: frame)
        }
        buffer.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", x: x, y: y + h - 1, style: frame)
        let label = " " + DisplayWidth.truncate(title, toWidth: max(0, w - 6)) + " "
        buffer.put(label, x: x + 2, y: y, style: theme[.activePaneTitle])
        return (x + 2, y + 1, max(0, w - 4), max(0, h - 2))
    }

    /// The help overlay's rows at a terminal size: one row per action with every key bound to it
    /// (two actions per row when the terminal is wide enough and one column would not fit), the
    /// rows shown at once, and the inner width of the box.
    static func helpLayout(_ state: BoardState, width: Int, height: Int) -> (rows: [String], page: Int, innerWidth: Int) {
        let entries = Action.allCases.map { action -> (String, String) in
            let keys = state.keyMap.keyNames(for: action, separator: " ")
            return (keys.isEmpty ? "(unbound)" : keys, action.summary)
        }
        let keyWidth = min(24, entries.map { DisplayWidth.width(of: $0.0) }.max() ?? 8)
        let texts = entries.map { entry -> String in
            let pad = max(0, keyWidth - DisplayWidth.width(of: entry.0))
            return entry.0 + String(repeating: " ", count: pad) + "  " + entry.1
        }
        let entryWidth = texts.map { DisplayWidth.width(of: $0) }.max() ?? 20
        let maxInner = max(1, height - 4)
        let twoColumns = texts.count > maxInner && width >= 2 * entryWidth + 3 + 6
        var rows: [String]
        let innerWidth: Int
        if twoColumns {
            let half = (texts.count + 1) / 2
            rows = (0..<half).map { i in
                let left = texts[i]
                guard i + half < texts.count else { return left }
                return left + String(repeating: " ", count: entryWidth - DisplayWidth.width(of: left) + 3) + texts[i + half]
            }
            innerWidth = 2 * entryWidth + 3
        } else {
            rows = texts
            innerWidth = entryWidth
        }
        // One row is kept for the scroll hint when the rows do not fit.
        let page = rows.count > maxInner ? max(1, maxInner - 1) : rows.count
        return (rows, page, innerWidth)
    }

    /// Rows of bindings the help overlay shows at once.
    static func helpPageHeight(_ state: BoardState, width: Int, height: Int) -> Int {
        helpLayout(state, width: width, height: height).page
    }

    /// The largest first row of the help overlay.
    static func helpMaxScroll(_ state: BoardState, width: Int, height: Int) -> Int {
        let layout = helpLayout(state, width: width, height: height)
        return max(0, layout.rows.count - layout.page)
    }

    private static func drawHelp(_ state: BoardState, into buffer: inout ScreenBuffer, theme: Theme) {
        let layout = helpLayout(state, width: buffer.width, height: buffer.height)
        let scrolls = layout.rows.count > layout.page
        let top = min(max(0, state.helpScroll), max(0, layout.rows.count - layout.page))
        let box = drawBox(title: "Keys (Esc, q or ? closes)", width: max(layout.innerWidth, 44) + 4,
                          height: layout.page + (scrolls ? 1 : 0) + 2, into: &buffer, theme: theme)
        let style = theme[.overlay]
        for (row, text) in layout.rows[top..<min(layout.rows.count, top + layout.page)].enumerated() where row < box.height {
            buffer.put(text, x: box.x, y: box.y + row, style: style, maxWidth: box.width)
        }
        if scrolls {
            let last = min(layout.rows.count, top + layout.page)
            let hint = "j k PgUp PgDn scroll · \(top + 1)–\(last) of \(layout.rows.count)"
            buffer.put(hint, x: box.x, y: box.y + box.height - 1, style: theme[.dim].over(style), maxWidth: box.width)
        }
    }

    /// The conflict dialog: the title and both versions in full, wrapped, and what differs.
    static func conflictLines(_ task: BoardTask?, id: String, header: HeaderInfo, width: Int) -> [(String, Bool)] {
        var lines: [(String, Bool)] = TextWrap.wrap(sanitize(task?.title ?? id), width: width).map { ($0, true) }
        lines.append(("", false))
        if let task, task.ownerVersion != nil || task.todoVersion != nil {
            if !task.conflictDifferences.isEmpty {
                lines.append(("Changed in both documents; they differ in: " + task.conflictDifferences.joined(separator: ", "), false))
            }
            func side(_ label: String, _ version: String?, _ line: Int?) {
                lines.append((label + (line.map { " (line \($0))" } ?? "") + ":", true))
                lines += TextWrap.wrap(version.map(sanitize) ?? "(deleted)", width: width - 2).map { ("  " + $0, false) }
            }
            side("Owner document " + fileName(header.ownerDocPath, fallback: ""), task.ownerVersion, task.ownerLine)
            side("TODO.md", task.todoVersion, task.todoLine)
        } else {
            lines.append(("The two documents disagree:", false))
            lines += TextWrap.wrap(sanitize(task?.conflict ?? "(no details)"), width: width).map { ($0, false) }
        }
        lines.append(("", false))
        lines.append(("o  keep the owner document's version", false))
        lines.append(("t  keep TODO.md's version", false))
        lines.append(("Esc  decide later", false))
        return lines
    }

    private static func drawConflict(_ state: BoardState, id: String, into buffer: inout ScreenBuffer, theme: Theme) {
        let inner = min(buffer.width - 6, 76)
        let lines = conflictLines(state.task(id: id), id: id, header: state.header, width: inner)
        let box = drawBox(title: "Resolve conflict", width: inner + 4, height: lines.count + 2, into: &buffer, theme: theme)
        for (row, line) in lines.enumerated() where row < box.height {
            buffer.put(line.0, x: box.x, y: box.y + row, style: line.1 ? theme[.overlay].adding(.bold) : theme[.overlay], maxWidth: box.width)
        }
    }

    /// The review card's size: a fixed width and height (so it does not jump between tasks),
    /// smaller only when the terminal is.
    static func reviewCardSize(width: Int, height: Int) -> (width: Int, height: Int) {
        (min(width - 2, 76), min(height - 4, 16))
    }

    /// The lines of the review card (or its summary) for an inner width.
    static func reviewLines(_ state: BoardState, session: ReviewSession, width: Int, theme: Theme) -> [(String, Style)] {
        let overlay = theme[.overlay]
        let bold = overlay.adding(.bold), dim = theme[.dim].over(overlay)
        var lines: [(String, Style)] = []
        if session.finished {
            let left = session.notReviewed
            lines.append((left.isEmpty ? "Weekly review complete" : "Weekly review stopped: \(left.count) not reviewed", bold))
            for outcome in ReviewSession.Outcome.allCases {
                let titles = session.titles(with: outcome)
                guard !titles.isEmpty else { continue }
                lines.append(("\(outcome.title) (\(titles.count))", bold))
                lines += titles.map { ("  · " + DisplayWidth.truncate(sanitize($0), toWidth: width - 4), overlay) }
            }
            if !left.isEmpty {
                lines.append(("Not reviewed (\(left.count))", bold))
                lines += left.map { ("  · " + DisplayWidth.truncate(sanitize($0), toWidth: width - 4), overlay) }
            }
            if lines.count == 1 { lines.append(("Nothing was decided", dim)) }
            return lines
        }
        guard let id = session.currentID else { return lines }
        let task = state.task(id: id)
        let phase = task?.state == .verify ? "Awaiting verification" : "In progress"
        var badges: [String] = []
        if task?.state == .verify { badges.append("VERIFY") }
        if task?.critical == true { badges.append("CRITICAL") }
        if task?.conflict != nil { badges.append("CONFLICT") }
        lines.append(("Task \(session.position + 1) of \(session.queue.count) · \(phase)", dim))
        lines.append(("", overlay))
        lines += TextWrap.wrap(sanitize(task?.title ?? id), width: width, maxLines: 5).map { ($0, bold) }
        lines.append(("Pane: \(task?.pane.title ?? "?")" + (badges.isEmpty ? "" : "   " + badges.joined(separator: " ")), overlay))
        if let group = task?.group { lines.append(("Group: \(sanitize(group))", overlay)) }
        if let outcome = session.outcomes[id] { lines.append(("Decided before: \(outcome.title.lowercased())", dim)) }
        lines.append(("", overlay))
        switch session.prompt {
        case .none:
            lines.append(("v verify   c complete   k keep as is   s skip for later", overlay))
            lines.append(("m move   p reprioritize   b back   u undo   q stop", overlay))
        case .move:
            lines.append(("Move to: 1 Completed  2 In Progress  3 High  4 Medium  5 Low", bold))
            lines.append(("Esc back", overlay))
        case .reprioritize:
            lines.append(("Priority: h High   m Medium   l Low", bold))
            lines.append(("Esc back", overlay))
        }
        return lines
    }

    private static func drawReview(_ state: BoardState, session: ReviewSession, into buffer: inout ScreenBuffer, theme: Theme) {
        let size = reviewCardSize(width: buffer.width, height: buffer.height)
        let title = session.finished ? "Weekly review · summary" : "Weekly review"
        let box = drawBox(title: title, width: size.width, height: size.height, into: &buffer, theme: theme)
        var lines = reviewLines(state, session: session, width: box.width, theme: theme)
        if lines.count > box.height, box.height > 0 {
            let hidden = lines.count - box.height + 1
            lines = Array(lines.prefix(box.height - 1))
            lines.append(("… \(hidden) more (ctoboard review --notes FILE writes them all)", theme[.dim].over(theme[.overlay])))
        }
        for (row, line) in lines.enumerated() where row < box.height {
            buffer.put(line.0, x: box.x, y: box.y + row, style: line.1, maxWidth: box.width)
        }
    }

    /// The footer's key hints during the review.
    static func reviewHints(_ session: ReviewSession) -> String {
        if session.finished { return " any key: back to the board · u undo the last action · b back to the last task" }
        switch session.prompt {
        case .move: return " 1-5 pane · Esc back"
        case .reprioritize: return " h High · m Medium · l Low · Esc back"
        case .none: return " v verify  c complete  k keep  s skip  m move  p priority  b/↑ back  u undo  q stop"
        }
    }
}
