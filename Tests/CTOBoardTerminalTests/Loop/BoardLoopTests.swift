import Foundation
import Testing
import CTOBoardCore
@testable import CTOBoardUI
@testable import CTOBoardTerminal

/// The board's loop and controller on a real pair of documents, through an in-memory terminal:
/// keys, effects, both documents, frames, external edits, resizes, quitting. No tmux.
@Suite("BoardLoop with a fake terminal", .serialized)
struct BoardLoopTests {
    static let firstInProgress = "Review all `[Owner: CTO]` tasks in TODO.md"
    static let task = "Technical debt review and planning"
    /// The first frame comes before the first sync, which records the base external edits are
    /// compared with; `r` syncs now and says when it is done.
    static var firstSync: [FakeTerminal.Step] { [.key(.char("r")), .waitFor(" In sync")] }

    /// A copy of Examples/workspace in a temporary folder.
    final class Workspace {
        let root: String
        let paths: PairPaths

        init() throws {
            let fm = FileManager.default
            root = fm.temporaryDirectory.appendingPathComponent("ctoboard-loop-\(UUID().uuidString.prefix(8))").path
            let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/workspace/docs").path
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
            try fm.copyItem(atPath: example, toPath: root + "/docs")
            paths = try PairLocator.locate(ownerDoc: root + "/docs/Development/CTO_OWNER.md", todo: nil, owner: nil, config: nil)[0]
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

        /// Checks `title` in TODO.md by rewriting the file in place.
        func checkInTodo(_ title: String) throws {
            let text = self.text(paths.todo)
            let open = "- [ ] \(title) [Owner: CTO]"
            guard text.contains(open) else { throw CocoaError(.fileReadCorruptFile) }
            try Data(text.replacingOccurrences(of: open, with: "- [x] \(title) [Owner: CTO]").utf8)
                .write(to: URL(fileURLWithPath: paths.todo))
        }

        /// Runs the board with a watcher until the script ends.
        func runBoard(_ terminal: FakeTerminal) throws -> BoardState {
            let session = Session(paths: paths, today: CalendarDate(year: 2026, month: 11, day: 27))
            let watcher = DocumentWatcher(files: [paths.ownerDoc, paths.todo], debounceMs: 30)
            #expect(watcher != nil)
            var controller = BoardController(sessions: [session], watcher: watcher)
            var state = try controller.makeState(keyMap: .default)
            BoardLoop.run(terminal: terminal, state: &state, theme: .mono, pollMs: 20,
                          idle: { controller.idle(&$0) }, perform: { controller.perform($0, state: &$1) })
            return state
        }
    }

    @Test("Space toggles in both documents and the next frame shows it; quitting restores the terminal")
    func toggle() throws {
        let w = try Workspace()
        let owner = w.text(w.paths.ownerDoc), todo = w.text(w.paths.todo)
        let terminal = FakeTerminal([.waitFor("in sync"), .key(.char(" ")),
                                     .waitFor("Toggled “\(Self.firstInProgress)” in both documents"), .key(.char("q"))])
        _ = try w.runBoard(terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(w.text(w.paths.ownerDoc) != owner && w.text(w.paths.ownerDoc).contains("- [x] \(Self.firstInProgress)"))
        #expect(w.text(w.paths.todo) != todo)
        #expect(terminal.restoreCount == 1)
    }

    @Test("an external edit to TODO.md is merged in an idle moment and shown")
    func externalEdit() throws {
        let w = try Workspace()
        let terminal = FakeTerminal(Self.firstSync + [.run { try w.checkInTodo(Self.task) },
                                     .waitFor("External change merged: checked \"\(Self.task)\"")])
        _ = try w.runBoard(terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(w.text(w.paths.ownerDoc).contains("- [x] \(Self.task)\n"))
        // A clean merge returns the header to "in sync"; the footer says what came in.
        #expect(terminal.screen.contains("✓ in sync"))
    }

    @Test("after the documents' folder is replaced (rm -rf docs, checked out again), edits are still merged")
    func folderReplaced() throws {
        let w = try Workspace()
        let docs = w.root + "/docs", saved = w.root + "/saved"
        let terminal = FakeTerminal(Self.firstSync + [
            .run {
                try FileManager.default.copyItem(atPath: docs, toPath: saved)
                try FileManager.default.removeItem(atPath: docs)
                try FileManager.default.copyItem(atPath: saved, toPath: docs)
                try w.checkInTodo(Self.task)
            },
            .waitFor("External change merged: checked \"\(Self.task)\""),
            .key(.char("g")),
            .run { try w.checkInTodo("Infrastructure cost optimization") },
            .waitFor("External change merged: checked \"Infrastructure cost optimization\""),
        ])
        _ = try w.runBoard(terminal)
        #expect(terminal.failedWaits.isEmpty, "\(terminal.failedWaits)")
        #expect(w.text(w.paths.ownerDoc).contains("- [x] Infrastructure cost optimization\n"))
    }

    @Test("a resize draws the next frame at the new size")
    func resize() throws {
        let w = try Workspace()
        let terminal = FakeTerminal(width: 100, height: 30, [.waitFor("in sync"), .resize(width: 60, height: 20), .key(.char("j"))])
        let state = try w.runBoard(terminal)
        #expect(terminal.frames.first?.width == 100)
        #expect(terminal.frames.last?.width == 60 && terminal.frames.last?.height == 20)
        #expect(state.viewportWidth == 60 && state.viewportHeight == 20)
        #expect(terminal.restoreCount == 1)
    }
}
