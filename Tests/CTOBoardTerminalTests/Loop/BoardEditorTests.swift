import Foundation
import Testing
import CTOBoardCore
@testable import CTOBoardUI
@testable import CTOBoardTerminal

/// E and T with a real editor program (a small script), through the fake terminal.
@Suite("Open in $EDITOR", .serialized)
struct BoardEditorTests {
    typealias Workspace = BoardLoopTests.Workspace
    static let task = BoardLoopTests.firstInProgress

    /// Writes an executable script in a folder whose name has a space, returns its path.
    static func script(in w: Workspace, _ body: String) throws -> String {
        let folder = w.root + "/my editor"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/edit.sh"
        try Data(("#!/bin/sh\n" + body).utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    static func run(_ w: Workspace, editor: EditorCommand, _ terminal: FakeTerminal) throws {
        let session = Session(paths: w.paths, today: CalendarDate(year: 2026, month: 11, day: 27))
        var controller = BoardController(sessions: [session], watcher: DocumentWatcher(files: [w.paths.ownerDoc, w.paths.todo], debounceMs: 30))
        controller.editor = editor
        var state = try controller.makeState(keyMap: .default)
        BoardLoop.run(terminal: terminal, state: &state, theme: .mono, pollMs: 20,
                      idle: { controller.idle(&$0) }, perform: { controller.perform($0, state: &$1, terminal: terminal) })
    }

    @Test("T opens TODO.md at the task's line with the terminal suspended; the rename is carried to the owner document")
    func renameInTodo() throws {
        let w = try Workspace()
        // The script renames the task on the line it is given, in the file it is given.
        let script = try Self.script(in: w, #"sed "${2}s/Review all/Go over all/" "$1" > "$1.tmp" && cat "$1.tmp" > "$1" && rm "$1.tmp""#)
        let line = w.text(w.paths.todo).components(separatedBy: "\n").firstIndex { $0.contains(Self.task) }! + 1
        // T before the board's first sync: the one before the editor opens makes the base, so
        // the rename is a rename, not a new task next to the old one.
        let terminal = FakeTerminal([.key(.char("T")), .waitFor("carried over"), .key(.char("q"))])
        try Self.run(w, editor: EditorCommand(template: "'\(script)' {file} {line}", environment: [:]), terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(terminal.suspendCount == 1)
        let renamed = "Go over all `[Owner: CTO]` tasks in TODO.md"
        #expect(w.text(w.paths.todo).components(separatedBy: "\n")[line - 1].contains(renamed))
        #expect(w.text(w.paths.ownerDoc).contains("- [ ] \(renamed)"))
        #expect(!w.text(w.paths.ownerDoc).contains(Self.task))
        #expect(terminal.screen.contains("TODO.md; carried over: "))
        #expect(terminal.screen.contains(renamed))
    }

    @Test("E opens the owner document at the task's line ($EDITOR +LINE FILE); an added line is carried to TODO.md")
    func appendInOwnerDoc() throws {
        let w = try Workspace()
        // Called as `edit.sh +LINE FILE`: records its arguments, then appends a task after that line.
        let script = try Self.script(in: w, #"""
            echo "$@" > "$(dirname "$0")/args"
            n="${1#+}"
            awk -v n="$n" '{ print } NR == n { print "- [ ] Added from the editor" }' "$2" > "$2.tmp" && cat "$2.tmp" > "$2" && rm "$2.tmp"
            """#)
        let line = w.text(w.paths.ownerDoc).components(separatedBy: "\n").firstIndex { $0.contains(Self.task) }! + 1
        let terminal = FakeTerminal(BoardLoopTests.firstSync + [.key(.char("E")), .waitFor("carried over"), .key(.char("q"))])
        try Self.run(w, editor: EditorCommand(environment: ["EDITOR": "'\(script)'"]), terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(terminal.suspendCount == 1)
        #expect(w.text(w.root + "/my editor/args") == "+\(line) \(w.paths.ownerDoc)\n")
        #expect(w.text(w.paths.todo).contains("Added from the editor"))
        #expect(terminal.screen.contains("Added from the editor"))
    }

    @Test("T on a task that is only in the owner document is refused in the footer; no editor runs")
    func refused() {
        var state = BoardState(tasks: [BoardTask(id: "a", title: "Only here", pane: .high, inOwnerDoc: true, inTodo: false)])
        #expect(state.handle(.char("T")) == [])
        #expect(state.message?.text == "“Only here” has no line in TODO.md: nothing to open there")
        #expect(state.message?.isError == true)
        #expect(state.handle(.char("E")) == [.openInEditor(id: "a", document: .owner)])
    }

    @Test("an editor that cannot be started says so and changes nothing")
    func missingEditor() throws {
        let w = try Workspace()
        let owner = w.text(w.paths.ownerDoc), todo = w.text(w.paths.todo)
        let terminal = FakeTerminal(BoardLoopTests.firstSync + [.key(.char("T")), .waitFor("Could not start the editor"), .key(.char("q"))])
        try Self.run(w, editor: EditorCommand(environment: ["EDITOR": "/nonexistent/ed"]), terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(w.text(w.paths.ownerDoc) == owner && w.text(w.paths.todo) == todo)
    }
}
