import Foundation
import Testing

/// End-to-end tests: the real `ctoboard` binary in a tmux pane, on a temp copy of the example
/// workspace. They wait for text on the screen (polling capture-pane) instead of sleeping, then
/// read both documents from disk.
///
/// Serialized: each test drives a whole terminal, and the live-pickup test has a time bound.
@Suite("Board end to end (tmux)", .serialized, .enabled(if: BoardE2E.hasBinary, "needs the built ctoboard binary"))
struct BoardEndToEndTests {
    static let originalOwner = try! Data(contentsOf: BoardE2E.exampleWorkspace.appendingPathComponent(BoardE2E.ownerRelative))
    static let originalTodo = try! Data(contentsOf: BoardE2E.exampleWorkspace.appendingPathComponent(BoardE2E.todoRelative))

    /// The task the board selects first: the first one of In Progress, its active pane.
    static let firstInProgress = "Review all `[Owner: CTO]` tasks in TODO.md"

    // MARK: 1. Toggle

    @Test("Space toggles the selected task in both documents", BoardE2E.needsTmux)
    func spaceToggles() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "▶[ ] Review all")

        try tmux.send("Space")
        let screen = try tmux.waitFor(text: "Toggled “\(Self.firstInProgress)” in both documents")
        #expect(screen.contains("▶[x] Review all"), "the checkbox flips on screen:\n\(screen)")

        try Self.expectOneByteToggle(before: Self.originalOwner, after: try workspace.read(workspace.ownerDoc),
                                     line: "- [x] \(Self.firstInProgress)", document: "owner document")
        try Self.expectOneByteToggle(before: Self.originalTodo, after: try workspace.read(workspace.todo),
                                     line: "- [x] \(Self.firstInProgress) [Owner: CTO]", document: "TODO.md")
    }

    /// Checks that `after` differs from `before` only by the checkbox of `line` (one byte,
    /// " " → "x") and by the "Last Updated" stamps, which the board sets to the current month.
    static func expectOneByteToggle(before: Data, after: Data, line: String, document: String) throws {
        let stamped = String(decoding: after, as: UTF8.self)
        #expect(stamped.contains("**Last Updated**: November 2026"), "\(document): Last Updated follows CTOBOARD_TODAY")
        let unstamped = Data(stamped.replacingOccurrences(of: "**Last Updated**: November 2026",
                                                          with: "**Last Updated**: January 2026").utf8)
        let changed = try #require(BoardE2E.changedBytes(before, unstamped), "\(document): length changed")
        #expect(changed == 1, "\(document): \(changed) bytes changed besides Last Updated, expected exactly one")
        let lines = stamped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix(line) }, "\(document) has the checked line \(line)")
    }

    // MARK: 2. Add

    @Test("a adds a task with a non-ASCII title to both documents", BoardE2E.needsTmux)
    func addNonASCII() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        let title = "Ünïcode 漢字 task"

        try tmux.send("a")
        try tmux.waitFor(text: "Add to In Progress:")
        try tmux.type(title)
        try tmux.waitFor(text: "Add to In Progress: \(title)")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Added “\(title)” in both documents")
        let screen = try tmux.waitFor(text: "[ ] \(title)")
        #expect(screen.contains("In Progress (6)"), "the pane count grows:\n\(screen)")

        let todo = try workspace.text(workspace.todo)
        let owner = try workspace.text(workspace.ownerDoc)
        #expect(Self.section(of: "- [ ] \(title) [Owner: CTO]", in: todo, from: "In Progress", to: "Pending"),
                "TODO.md holds the task, tagged, in In Progress:\n\(todo)")
        #expect(Self.section(of: "- [ ] \(title)", in: owner, from: "In Progress", to: "Pending Tasks"),
                "the owner document holds the task in In Progress:\n\(owner)")
        #expect(owner.components(separatedBy: title).count == 2, "exactly once in the owner document")
        #expect(todo.components(separatedBy: title).count == 2, "exactly once in TODO.md")
    }

    /// Whether `line` is a whole line of `text` between the headings that end with `start` and
    /// `end` (the example's owner document has mojibake emoji in its headings).
    static func section(of line: String, in text: String, from start: String, to end: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func heading(_ line: String, _ name: String) -> Bool { line.hasPrefix("#") && line.hasSuffix(" " + name) }
        guard let a = lines.firstIndex(where: { heading($0, start) }),
              let b = lines[a...].firstIndex(where: { heading($0, end) }) else { return false }
        return lines[a..<b].contains(line)
    }

    // MARK: 3. Undo

    @Test("u undoes the last change: both documents are back byte for byte", BoardE2E.needsTmux)
    func undoRestoresBothFiles() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }

        try tmux.send("Space")
        try tmux.waitFor(text: "Toggled “\(Self.firstInProgress)”")
        #expect(try workspace.read(workspace.todo) != Self.originalTodo)

        try tmux.send("u")
        let screen = try tmux.waitFor(text: "Undid toggled “\(Self.firstInProgress)” in both documents")
        #expect(screen.contains("▶[ ] Review all"), "the checkbox is clear again:\n\(screen)")
        #expect(try workspace.read(workspace.ownerDoc) == Self.originalOwner, "owner document restored byte for byte")
        #expect(try workspace.read(workspace.todo) == Self.originalTodo, "TODO.md restored byte for byte")
    }

    // MARK: 4. Filter

    @Test("/ filters as you type across panes; Esc clears", BoardE2E.needsTmux)
    func filterAsYouType() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Conduct security")
        try tmux.waitFor(text: "High 7 · Med 5")

        try tmux.send("/")
        try tmux.waitFor(text: " Filter:")
        try tmux.type("Pho")
        // Narrowed after three letters already: "Pho" matches only the Phoenix tasks.
        var screen = try tmux.waitFor(text: "Filter: Pho")
        screen = try tmux.waitFor(text: "Done 0/8 · Doing 1/5 · High 1/7 · Med 1/5 · Low 0/4")
        #expect(!screen.contains("Conduct security"), "a non-matching title disappears:\n\(screen)")
        #expect(screen.contains("Evaluate Phoenix"), "a matching title stays:\n\(screen)")
        #expect(screen.contains("(no match)"), "empty panes say so:\n\(screen)")
        try tmux.type("enix/Elixir")
        screen = try tmux.waitFor(text: "Filter: Phoenix/Elixir")
        screen = try tmux.waitFor(text: "High 0/7")

        try tmux.send("Escape")
        screen = try tmux.waitFor(text: "High 7 · Med 5")
        #expect(screen.contains("Conduct security"), "Esc brings every title back:\n\(screen)")
        #expect(!screen.contains("Filter:"), "the filter line is gone:\n\(screen)")
        #expect(try workspace.read(workspace.todo) == Self.originalTodo, "filtering writes nothing")
    }

    // MARK: 5. Help

    @Test("? shows the help overlay listing the keys; Space closes it", BoardE2E.needsTmux)
    func helpOverlay() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }

        try tmux.send("?")
        var screen = try tmux.waitFor(text: "Keys (Esc, q or ? closes)")
        // The overlay scrolls when the terminal is short: End shows the last bindings.
        if screen.contains("scroll ·") {
            try tmux.send("End")
            screen += try tmux.waitUntil("the last bindings are shown") { $0.contains("every owner's tasks") }
        }
        for entry in ["toggle done", "filter: titles", "Ctrl-r", "undo", "q Ctrl-c", "weekly review", "add a task"] {
            #expect(screen.contains(entry), "help lists \(entry):\n\(screen)")
        }
        // Space closes the overlay and does nothing else.
        try tmux.send("Space")
        // The overlay's rows are redrawn as they come: wait for the whole board, not just for
        // the overlay's title to go (a capture between the two showed half a frame).
        let closed = try tmux.waitUntil("the overlay is gone and the cursor row is back") {
            !$0.contains("Keys (Esc, q or ? closes)") && $0.contains("▶[ ] Review all")
        }
        #expect(!closed.contains("toggle done"), "no line of the overlay is left:\n\(closed)")
        #expect(try workspace.read(workspace.todo) == Self.originalTodo, "closing help toggles nothing")
    }

    // MARK: 6. Resize

    @Test("a resize lays the board out again; a tiny terminal gets a short message", BoardE2E.needsTmux)
    func resize() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        // Side by side at 120 columns: every pane has a title row with its long name.
        var screen = try tmux.waitFor(text: "▶ 2 In Progress (5)")
        #expect(screen.contains("5 Pending · Low (4)"))

        try tmux.resize(width: 80, height: 24)
        // Tabs at 80 columns: a tab bar with short names, the active one in brackets.
        screen = try tmux.waitFor(text: "[2 Doing (5)]")
        #expect(screen.contains("1 Done (8)") && screen.contains("5 Low (4)"), "tab bar:\n\(screen)")
        #expect(!screen.contains("│"), "no column separators in the tab layout:\n\(screen)")
        #expect(screen.contains("▶[ ] Review all `[Owner: CTO]` tasks in TODO.md"), "full titles fit:\n\(screen)")
        try Self.expectFits(screen, width: 80, height: 24)

        try tmux.resize(width: 39, height: 9)
        screen = try tmux.waitFor(text: "Terminal too small (need 40×10)")
        #expect(!screen.contains("Review all"), "no board remnants:\n\(screen)")
        try tmux.resize(width: 30, height: 8)
        screen = try tmux.waitFor(text: "Too small: need 40×10")
        #expect(screen.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count == 1,
                "only the message is shown:\n\(screen)")

        try tmux.resize(width: 120, height: 40)
        screen = try tmux.waitFor(text: "▶ 2 In Progress (5)")
        #expect(!screen.contains("Too small"), "the message is gone:\n\(screen)")
    }

    /// No line is wider than `width` display columns and there are at most `height` lines.
    static func expectFits(_ screen: String, width: Int, height: Int) throws {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count <= height + 1, "\(lines.count) lines")
        for line in lines {
            let w = BoardE2E.displayWidth(line)
            #expect(w <= width, "line is \(w) columns wide, more than \(width): \(line)")
        }
    }

    // MARK: 7. Quit

    @Test("q quits and restores the terminal", BoardE2E.needsTmux, arguments: ["q", "C-c"])
    func quitRestoresTerminal(key: String) throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Review all")
        #expect(try tmux.display("#{alternate_on}") == "1", "the board uses the alternate screen")

        try tmux.send(key)
        let screen = try tmux.waitFor(text: "BOARD-EXITED")
        #expect(screen.contains("BOARD-EXITED status=0 TTY-RESTORED"), "exit 0 and the same stty modes as before:\n\(screen)")
        for boardText in ["Review all", "ctoboard ·", "todo:", "toggle"] {
            #expect(!screen.contains(boardText), "no board text (\(boardText)) after quitting:\n\(screen)")
        }
        #expect(try tmux.display("#{alternate_on}") == "0", "back on the normal screen")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor is visible again")
        #expect(try workspace.read(workspace.todo) == Self.originalTodo, "quitting writes nothing")
    }

    @Test("SIGTERM restores the terminal too", BoardE2E.needsTmux,
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/task"), "finds the board's pid in /proc"))
    func sigtermRestoresTerminal() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Review all")
        // The pane runs the shell command; the board is the shell's only child at this point.
        let shell = try tmux.display("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            .split(separator: " ").compactMap { pid_t($0) }
        let board = try #require(children.first { pid in
            ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "").contains("ctoboard")
        }, "the board process among \(children)")

        #expect(kill(board, SIGTERM) == 0)
        let screen = try tmux.waitFor(text: "BOARD-EXITED")
        #expect(screen.contains("BOARD-EXITED status=143 TTY-RESTORED"), "128 + SIGTERM, terminal modes back:\n\(screen)")
        #expect(!screen.contains("Review all"), "no board text left:\n\(screen)")
        #expect(try tmux.display("#{alternate_on}") == "0", "back on the normal screen")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor is visible again")
    }

    // MARK: 8. Live pickup

    /// How an editor (or git) replaces a file.
    enum SaveStyle: String, CaseIterable, Sendable {
        case inPlace = "in-place write"
        case renameOver = "rename-over save"
        case deleteThenCreate = "delete then create"

        func save(_ data: Data, to path: String) throws {
            switch self {
            case .inPlace:
                // open(O_TRUNC) + write, keeping the inode, as `>` in a shell or nano does.
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: data)
                try handle.close()
            case .renameOver:
                let temp = (path as NSString).deletingLastPathComponent + "/.TODO.md.swp-\(getpid())"
                try data.write(to: URL(fileURLWithPath: temp))
                guard rename(temp, path) == 0 else { throw E2EFailure("rename failed: \(errno)") }
            case .deleteThenCreate:
                try FileManager.default.removeItem(atPath: path)
                guard FileManager.default.createFile(atPath: path, contents: data) else {
                    throw E2EFailure("could not create \(path)")
                }
            }
        }
    }

    @Test("external edits to TODO.md show on the board and reach the owner document", BoardE2E.needsTmux)
    func livePickup() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "✓ in sync")
        // The board draws its first frame before its first sync, which records the base that
        // external edits are compared with; `r` syncs now and says when it is done.
        try tmux.send("r")
        try tmux.waitUntil("the footer says In sync") { Self.lines($0).contains(" In sync") }

        let edits: [(SaveStyle, String, String)] = [
            (.inPlace, "Technical debt review and planning", "[x] Technical debt rev"),
            (.renameOver, "Infrastructure cost optimization", "[x] Infrastructure cos"),
            (.deleteThenCreate, "Team training and knowledge sharing", "[x] Team training and"),
        ]
        for (style, title, glyph) in edits {
            // A key press clears the footer, so each merge message is new.
            try tmux.send("g")
            try tmux.waitFor(absenceOf: "External change merged")
            let before = try workspace.text(workspace.todo)
            let open = "- [ ] \(title) [Owner: CTO]"
            #expect(before.contains(open), "\(style.rawValue): the task starts open")
            try style.save(Data(before.replacingOccurrences(of: open, with: "- [x] \(title) [Owner: CTO]").utf8), to: workspace.todo)
            let start = Date()
            let screen = try tmux.waitFor(text: "External change merged: checked \"\(title)\"", timeout: 2)
            let elapsed = Date().timeIntervalSince(start)
            #expect(screen.contains(glyph), "\(style.rawValue): the checkbox flips on screen:\n\(screen)")
            #expect(elapsed < 2, "\(style.rawValue): picked up in \(elapsed) s")
            // Merged cleanly: the header is back to in sync and stays so (the board's own
            // writes for the merge are not a new external change); the message says what came in.
            try tmux.expectSteady("the header says in sync", for: 0.5) {
                Self.lines($0).first?.contains("✓ in sync") == true && $0.contains("External change merged")
            }
            let owner = try workspace.waitForFile(workspace.ownerDoc, "checks \(title)", timeout: 2) {
                $0.contains("- [x] \(title)\n")
            }
            #expect(!owner.contains("- [ ] \(title)\n"), "\(style.rawValue): the owner document has only the checked line")
            #expect(try workspace.text(workspace.todo).contains("- [x] \(title) [Owner: CTO]"),
                    "\(style.rawValue): the external edit is kept in TODO.md")
        }
        // The selection stayed put and the board still works on the merged documents.
        try tmux.send("Space")
        try tmux.waitFor(text: "Toggled “\(Self.firstInProgress)”")
        let todo = try workspace.text(workspace.todo)
        for (_, title, _) in edits { #expect(todo.contains("- [x] \(title) [Owner: CTO]")) }
    }

    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: 9. Unicode width

    @Test("CJK and emoji ZWJ titles are cut with … at the display width", BoardE2E.needsTmux)
    func unicodeWidth() throws {
        let workspace = try E2EWorkspace()
        let tmux = try TmuxSession(command: workspace.boardCommand(), width: 80, height: 24)
        defer { tmux.kill() }
        try tmux.waitFor(text: "[2 Doing (5)]")
        let title = "漢字のタスク 👩‍💻 and 👨‍👩‍👧‍👦 with a title far too long to fit in eighty columns 終わり"
        #expect(BoardE2E.displayWidth(title) > 80)

        try tmux.send("5")
        try tmux.waitFor(text: "[5 Low (4)]")
        try tmux.send("a")
        try tmux.waitFor(text: "Add to Pending · Low:")
        try tmux.type(title)
        try tmux.send("Enter")
        let screen = try tmux.waitFor(text: "[5 Low (5)]")
        try Self.expectFits(screen, width: 80, height: 24)

        let lines = screen.split(separator: "\n").map(String.init)
        let line = try #require(lines.first { $0.contains("[ ] 漢字のタスク") }, "the task is listed:\n\(screen)")
        #expect(line.hasSuffix("…"), "the title is cut with an ellipsis: \(line)")
        #expect(!line.contains("終わり"), "the end of the title is cut off: \(line)")
        let width = BoardE2E.displayWidth(line)
        #expect(width <= 80 && width >= 78, "the cut line fills the width (\(width) columns): \(line)")
        #expect(try workspace.text(workspace.todo).contains("- [ ] \(title) [Owner: CTO]"), "the whole title is saved")
        #expect(try workspace.text(workspace.ownerDoc).contains("- [ ] \(title)\n"))

        // Side by side, the columns stay aligned: every separator sits at the same column.
        try tmux.resize(width: 120, height: 40)
        let wide = try tmux.waitFor(text: "▶ 5 Pending · Low (5)")
        try Self.expectFits(wide, width: 120, height: 40)
        let columns = Set(wide.split(separator: "\n").dropFirst(2).dropLast(2).compactMap { row -> Int? in
            guard let index = row.firstIndex(of: "│") else { return nil }
            return BoardE2E.displayWidth(String(row[..<index]))
        })
        #expect(columns == [23], "first separator column on every row: \(columns)\n\(wide)")
    }

    // MARK: 10. Not a terminal

    @Test("without a terminal the board refuses to start with a one-line message")
    func notATerminal() throws {
        let workspace = try E2EWorkspace()
        let binary = try #require(BoardE2E.binary)
        let result = try BoardE2E.run(binary, ["--owner-doc", workspace.ownerDoc], in: workspace.root,
                                      environment: ["NO_COLOR": "1", "CTOBOARD_TODAY": BoardE2E.today, "TERM": "xterm"])
        #expect(result.status != 0)
        let message = result.error.trimmingCharacters(in: .newlines)
        #expect(!message.contains("\n"), "one line: \(result.error)")
        #expect(message.contains("needs an interactive terminal"), "says why: \(message)")
        #expect(result.output.isEmpty, "nothing (no escape codes) on stdout: \(result.output.debugDescription)")
        #expect(try workspace.read(workspace.todo) == Self.originalTodo)
        #expect(try workspace.read(workspace.ownerDoc) == Self.originalOwner)
    }

    // MARK: 11. Snapshot

    @Test("snapshot --demo prints the board after key presses")
    func snapshotDemo() throws {
        let binary = try #require(BoardE2E.binary)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("ctoboard-e2e-snap-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let result = try BoardE2E.run(binary, ["snapshot", "--demo", "--width", "100", "--height", "30", "--keys", "j<space>"],
                                      environment: ["TMPDIR": tmp.path, "NO_COLOR": "1", "CTOBOARD_TODAY": BoardE2E.today])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 30, "30 rows:\n\(result.output)")
        #expect(lines.allSatisfy { BoardE2E.displayWidth($0) <= 100 }, "at most 100 columns:\n\(result.output)")
        #expect(result.output.contains("Toggled “Evaluate Phoenix/Elixir stack for implementation” in both documents"),
                "j then Space toggles the second In Progress task:\n\(result.output)")
        #expect(result.output.contains("[2 Doing (5)]"), "tab layout below 120 columns:\n\(result.output)")
    }

    // MARK: 12. Embedded example

    @Test("demo's embedded example matches Examples/workspace byte for byte")
    func embeddedExampleMatches() throws {
        let binary = try #require(BoardE2E.binary)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("ctoboard-e2e-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let result = try BoardE2E.run(binary, ["demo", "--print-path"], environment: ["TMPDIR": tmp.path])
        #expect(result.status == 0, "\(result.error)")
        let folder = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(folder.hasPrefix(tmp.path), "the demo folder is under TMPDIR: \(folder)")

        let fm = FileManager.default
        let demoFiles = Set((fm.subpaths(atPath: folder) ?? []).filter { !Self.isDirectory(folder + "/" + $0) })
        let exampleFiles = Set((fm.subpaths(atPath: BoardE2E.exampleWorkspace.path) ?? [])
            .filter { !Self.isDirectory(BoardE2E.exampleWorkspace.path + "/" + $0) })
        #expect(demoFiles == exampleFiles, "same files")
        #expect(demoFiles.contains(BoardE2E.ownerRelative) && demoFiles.contains(BoardE2E.todoRelative))
        for file in exampleFiles.sorted() {
            let embedded = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            let example = try Data(contentsOf: BoardE2E.exampleWorkspace.appendingPathComponent(file))
            #expect(embedded == example, "\(file) differs from Examples/workspace; run Examples/embed.py")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
