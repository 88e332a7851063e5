import Foundation
import Testing
@testable import CTOBoardCore

@Suite("History: undo and redo")
struct HistoryTests {
    @Test func undoAndRedoWorkAcrossSessions() throws {
        let box = try SyncSandbox(layout: .crlf)
        defer { box.remove() }
        let original = (box.ownerBytes, box.todoBytes)
        _ = try box.session().perform(.toggle("Build API"))
        _ = try box.session().perform(.move("Write docs", to: .low))
        let afterBoth = (box.ownerBytes, box.todoBytes)
        #expect(afterBoth.0 != original.0)
        #expect(History(path: box.store.historyPath(box.paths)).entries().map(\.kind) == [.toggled, .reprioritized])

        // A new session (a restart) undoes the move, then the toggle.
        let undone = try box.session().undo()
        #expect(undone.kind == .reprioritized)
        #expect(undone.title == "Write docs")
        let afterFirstUndo = try box.loadPair()
        #expect(afterFirstUndo.tasks.first { $0.title == "Write docs" }?.pane == .medium)
        #expect(afterFirstUndo.tasks.first { $0.title == "Build API" }?.owner?.checked == true)
        #expect(try box.session().undo().kind == .toggled)
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(original.0))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(original.1))
        #expect(throws: SessionError.undo("nothing to undo")) { try box.session().undo() }

        // Redo in yet another session replays both, in order.
        #expect(try box.session().redo().kind == .toggled)
        #expect(try box.session().redo().kind == .reprioritized)
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(afterBoth.0))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(afterBoth.1))
        #expect(throws: SessionError.undo("nothing to redo")) { try box.session().redo() }
        #expect(try box.loadPair().drift().isEmpty)
    }

    @Test func aNewChangeClearsRedo() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session().perform(.toggle("Build API"))
        _ = try box.session().undo()
        _ = try box.session().perform(.toggle("Tune costs"))
        #expect(throws: SessionError.undo("nothing to redo")) { try box.session().redo() }
        // Undo now reverts the newest change, not the undone one.
        #expect(try box.session().undo().title == "Tune costs")
        let pair = try box.loadPair()
        #expect(pair.tasks.first { $0.title == "Build API" }?.owner?.checked == false)
        #expect(pair.tasks.first { $0.title == "Tune costs" }?.owner?.checked == false)
    }

    @Test func undoIsRefusedWhenTheLinesChangedSince() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.edit("Build API", title: "Build the API"))
        // Someone edits the very line the undo would revert, in the owner document.
        let edited = DocLayout.lf.render(applying([.replace("- [ ] Build API", "- [x] Build the API v2")], to: SyncFixture.ownerLines))
        try SyncSandbox.write(edited, to: box.paths.ownerDoc)
        let todoBefore = box.todoBytes
        do {
            _ = try box.session().undo()
            Issue.record("undo should have been refused")
        } catch {
            guard case .undo(let why) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(why.contains("edited since"))
            #expect(why.contains("Build the API"))
        }
        // Neither document changed.
        #expect(box.ownerBytes == edited)
        #expect(box.todoBytes == todoBefore)
    }

    @Test func undoStillWorksWhenOtherLinesChanged() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        let session = box.session(updateLastUpdated: false)
        _ = try session.perform(.toggle("Build API"))
        // An unrelated external edit in TODO.md, on another owner's line.
        var todo = box.todoBytes
        let other = Array("- [ ] QA thing [Owner: QA]".utf8)
        let at = try #require(todo.firstRange(of: other)?.lowerBound)
        todo[at + 3] = 0x78
        try SyncSandbox.write(todo, to: box.paths.todo)
        _ = try session.undo()
        let pair = try box.loadPair()
        #expect(pair.tasks.first { $0.title == "Build API" }?.owner?.checked == false)
        #expect(pair.tasks.first { $0.title == "Build API" }?.todo?.checked == false)
        #expect(box.todoBytes[at + 3] == 0x78, "the unrelated edit stays")
    }

    @Test func historyIgnoresATornLastLine() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session().perform(.toggle("Build API"))
        let path = box.store.historyPath(box.paths)
        var bytes = try FileIO.readRaw(at: path)
        bytes += Array("{\"seq\":2,\"kind\":\"tog".utf8)
        try SyncSandbox.write(bytes, to: path)
        #expect(History(path: path).entries().count == 1)
        #expect(try box.session().undo().kind == .toggled)
        // The entry appended after the torn line is readable: redo finds the undo.
        #expect(History(path: path).entries().map(\.kind) == [.toggled, .undone])
        #expect(try box.session().redo().kind == .toggled)
    }

    /// An append torn just before its newline, repeated by recovery, is completed, not written
    /// a second time: the change is in the history once.
    @Test func anAppendThatLostOnlyItsNewlineIsCompletedOnce() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path + "/history.jsonl"
        let line = HistoryEntry(seq: 1, date: "2026-12-02", time: 0, kind: .toggled, title: "Build API",
                                taskID: nil, from: nil, to: nil, ref: nil, owner: [], todo: []).encodeLine()
        try SyncSandbox.write(Array(line.dropLast()), to: path)
        try History(path: path).append(line)
        #expect(try FileIO.readRaw(at: path) == line)
        #expect(History(path: path).entries().map(\.seq) == [1])
    }

    /// The last sequence number is read from the file's end, also when the last entry is longer
    /// than the first chunk read, and when it is the only one.
    @Test func lastSeqReadsLongLastEntries() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        func line(_ seq: Int, titleLength: Int) -> [UInt8] {
            HistoryEntry(seq: seq, date: "2026-11-28", time: 0, kind: .toggled, title: String(repeating: "t", count: titleLength),
                         taskID: nil, from: nil, to: nil, ref: nil, owner: [], todo: []).encodeLine()
        }
        var bytes: [UInt8] = []
        for seq in 1...300 { bytes += line(seq, titleLength: 400) }
        let path = try dir.write("history.jsonl", bytes)
        #expect(History(path: path).lastSeq() == 300)
        _ = try dir.write("history.jsonl", bytes + line(301, titleLength: 100_000))
        #expect(History(path: path).lastSeq() == 301)
        _ = try dir.write("history.jsonl", line(7, titleLength: 70_000))
        #expect(History(path: path).lastSeq() == 7)
        _ = try dir.write("history.jsonl", [])
        #expect(History(path: path).lastSeq() == 0)
    }

    /// The last seq is read from the line's `"seq":` key, which a title cannot fake (its quotes
    /// are escaped); a line without it falls back to decoding.
    @Test func lastSeqIsTheKeyNotATitleThatLooksLikeIt() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for title in ["\"seq\":99,", "seq 5", "{\"seq\":42}", ""] {
            let line = HistoryEntry(seq: 12, date: "2026-11-28", time: 0, kind: .edited, title: title,
                                    taskID: "abc123", from: nil, to: nil, ref: 3, owner: [], todo: []).encodeLine()
            #expect(History.seq(inLine: line.dropLast()) == 12, "title \(title)")
            #expect(History(path: try dir.write("history.jsonl", line)).lastSeq() == 12)
        }
        #expect(History.seq(inLine: Array("{\"seq\":x}".utf8)[...]) == nil)
        #expect(History.seq(inLine: Array("not json".utf8)[...]) == nil)
    }
}
