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

    // MARK: Putting a task back where it was, or refusing

    /// `bytes` with `line` inserted after the one line equal to `anchor` (lines ending in `eol`).
    func inserting(_ line: String, after anchor: String, in bytes: [UInt8], eol: String = "\n") throws -> [UInt8] {
        let at = try #require(bytes.firstRange(of: Array((eol + anchor + eol).utf8))).upperBound
        var out = bytes
        out.insert(contentsOf: Array((line + eol).utf8), at: at)
        return out
    }

    /// Runs `undo` (or `redo`), which must be refused with a reason containing `why`, with
    /// neither document changed.
    func expectRefused(_ box: SyncSandbox, redo: Bool = false, _ why: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = (box.ownerBytes, box.todoBytes)
        do {
            _ = redo ? try box.session().redo() : try box.session().undo()
            Issue.record("should have been refused", sourceLocation: sourceLocation)
        } catch {
            guard case .undo(let message) = error else {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(message.contains(why), "\(message)", sourceLocation: sourceLocation)
        }
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(before.0), sourceLocation: sourceLocation)
        #expect(ShownBytes(box.todoBytes) == ShownBytes(before.1), sourceLocation: sourceLocation)
    }

    /// A teammate adds a task under `anchor` in TODO.md, and a sync carries it.
    func teammateAdds(_ line: String, after anchor: String, _ box: SyncSandbox, eol: String = "\n") throws {
        try SyncSandbox.write(try inserting(line, after: anchor, in: box.todoBytes, eol: eol), to: box.paths.todo)
        _ = try box.session(updateLastUpdated: false).sync()
    }

    /// Undo of a delete after a sync added a line above it: the task goes back after the note
    /// of the task before it, in both documents, not between that task and its note.
    @Test func undoOfADeleteAfterLinesWereAddedAboveKeepsItsNeighbours() throws {
        let note = "  - draft in docs/ARCH.md"
        let box = try SyncSandbox(layout: .crlf,
                                  ownerLines: applying([.insertAfter("- [ ] Write docs", [note])], to: SyncFixture.ownerLines),
                                  todoLines: applying([.insertAfter("- [ ] Write docs [Owner: CTO]", [note])], to: SyncFixture.todoLines))
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Plan migration"))
        try teammateAdds("- [ ] Threat-model the admin API [Owner: CTO]", after: "- [ ] Audit security [Owner: CTO]", box, eol: "\r\n")
        let synced = (box.ownerBytes, box.todoBytes)
        _ = try box.session(updateLastUpdated: false).undo()
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(try inserting("- [ ] Plan migration", after: note, in: synced.0, eol: "\r\n")))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(try inserting("- [ ] Plan migration [Owner: CTO]", after: note, in: synced.1, eol: "\r\n")))
    }

    /// Undo of a delete of the last task of a section after a sync added lines to the section
    /// before it: the task goes back to its own section.
    @Test func undoOfADeleteAfterLinesWereAddedAboveKeepsItsSection() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Tune costs"))
        try teammateAdds("- [ ] New medium A [Owner: CTO]\n- [ ] New medium B [Owner: CTO]", after: "- [ ] Plan migration [Owner: CTO]", box)
        let synced = (box.ownerBytes, box.todoBytes)
        _ = try box.session(updateLastUpdated: false).undo()
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(try inserting("- [ ] Tune costs", after: "**Low Priority**:", in: synced.0)))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(try inserting("- [ ] Tune costs [Owner: CTO]", after: "### Low Priority", in: synced.1)))
        #expect(try box.loadPair().tasks.first { $0.title == "Tune costs" }?.pane == .low)
    }

    /// Undo of a move after a teammate put TODO.md's Medium block above its High block: the
    /// places found for the two hunks are in the other order, and each is applied where it was
    /// found. Nothing else changes: no task lost, no heading twice.
    @Test func undoOfAMoveAfterSectionsWereReorderedPutsItBack() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.move("Audit security", to: .medium))
        let todo = String(decoding: box.todoBytes, as: UTF8.self)
        let high = try #require(todo.range(of: "### High Priority")), medium = try #require(todo.range(of: "### Medium Priority"))
        let low = try #require(todo.range(of: "### Low Priority"))
        let swapped = String(todo[..<high.lowerBound]) + todo[medium.lowerBound..<low.lowerBound] + todo[high.lowerBound..<medium.lowerBound] + todo[low.lowerBound...]
        try SyncSandbox.write(Array(swapped.utf8), to: box.paths.todo)
        _ = try box.session(updateLastUpdated: false).sync()
        let owner = box.ownerBytes

        #expect(try box.session(updateLastUpdated: false).undo().kind == .reprioritized)
        let expected = swapped.replacingOccurrences(of: "- [ ] Audit security [Owner: CTO]\n", with: "")
            .replacingOccurrences(of: "### High Priority\n", with: "### High Priority\n- [ ] Audit security [Owner: CTO]\n")
        #expect(String(decoding: box.todoBytes, as: UTF8.self) == expected)
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(try inserting("- [ ] Audit security", after: "**High Priority**:",
            in: Array(String(decoding: owner, as: UTF8.self).replacingOccurrences(of: "- [ ] Audit security\n", with: "").utf8))))
        #expect(try box.loadPair().drift().isEmpty)
    }

    /// Undo of a delete whose neighbours (a note and a blank line) are no longer next to each
    /// other, while the same two lines follow another task in another section: refused, not
    /// put back in that section.
    @Test func undoOfADeleteIsNotPutBackAfterTheSameNoteElsewhere() throws {
        let note = "  - see ticket"
        let box = try SyncSandbox(
            ownerLines: applying([.insertAfter("- [ ] Plan migration", [note, "- [ ] Renew certs"]), .insertAfter("- [ ] Tune costs", [note])],
                                 to: SyncFixture.ownerLines),
            todoLines: applying([.insertAfter("- [ ] Plan migration [Owner: CTO]", [note, "- [ ] Renew certs [Owner: CTO]"]),
                                 .insertAfter("- [ ] Tune costs [Owner: CTO]", [note, "", "## Later"])], to: SyncFixture.todoLines))
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Renew certs"))
        try teammateAdds("- [ ] Budget the pen test [Owner: CTO]", after: note, box)
        expectRefused(box, "edited since")
    }

    /// Redo of a reorder after a sync added tasks above: its two hunks are one line apart, so the
    /// second has no lines of its own before it; it is found with the first, not at the nearest
    /// blank line.
    @Test(arguments: [1, 3, 5, 7])
    func redoOfAReorderAfterTasksWereAddedAbove(_ added: Int) throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.reorder("Write docs", by: 1))
        let reordered = (box.ownerBytes, box.todoBytes)
        _ = try box.session(updateLastUpdated: false).undo()
        let tasks = (0..<added).map { "- [ ] New high \($0) [Owner: CTO]" }.joined(separator: "\n")
        try teammateAdds(tasks, after: "- [ ] Audit security [Owner: CTO]", box)
        _ = try box.session(updateLastUpdated: false).redo()
        let news = (0..<added).map { "- [ ] New high \($0)" }.joined(separator: "\n")
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(try inserting(news, after: "- [ ] Audit security", in: reordered.0)))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(try inserting(tasks, after: "- [ ] Audit security [Owner: CTO]", in: reordered.1)))
    }

    /// Undo of a delete after a teammate added a line to the notes of the task before it: its
    /// place was edited, and another task with the same long notes is not taken for it.
    @Test func undoOfADeleteIsNotPutBackAfterTheSameLongNotesElsewhere() throws {
        let notes = (0..<21).map { "  - [ ] checklist step \($0)" }
        let box = try SyncSandbox(
            ownerLines: applying([.insertAfter("- [ ] Audit security", notes + ["- [ ] Hire an SRE"]), .insertAfter("- [ ] Plan migration", notes)],
                                 to: SyncFixture.ownerLines),
            todoLines: applying([.insertAfter("- [ ] Audit security [Owner: CTO]", notes + ["- [ ] Hire an SRE [Owner: CTO]"]),
                                 .insertAfter("- [ ] Plan migration [Owner: CTO]", notes)], to: SyncFixture.todoLines))
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Hire an SRE"))
        try teammateAdds("  - [ ] checklist step 21", after: "  - [ ] checklist step 20", box)
        expectRefused(box, "edited since")
    }

    /// Redo of an add after a sync added a line above it: the task goes back after the same task.
    @Test func redoOfAnAddAfterLinesWereAddedAboveKeepsItsNeighbours() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.add(title: "Fresh task", to: .medium))
        let added = (box.ownerBytes, box.todoBytes)
        _ = try box.session(updateLastUpdated: false).undo()
        try teammateAdds("- [ ] Threat-model the admin API [Owner: CTO]", after: "- [ ] Audit security [Owner: CTO]", box)
        let synced = (box.ownerBytes, box.todoBytes)
        _ = try box.session(updateLastUpdated: false).redo()
        // Where the add put it, in each document: after the line before it there.
        func lineBefore(_ title: String, in bytes: [UInt8]) throws -> String {
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            return lines[try #require(lines.firstIndex { $0.hasPrefix("- [ ] \(title)") }) - 1]
        }
        let ownerLine = "- [ ] Fresh task", todoLine = "- [ ] Fresh task [Owner: CTO]"
        #expect(ShownBytes(box.ownerBytes) == ShownBytes(try inserting(ownerLine, after: try lineBefore("Fresh task", in: added.0), in: synced.0)))
        #expect(ShownBytes(box.todoBytes) == ShownBytes(try inserting(todoLine, after: try lineBefore("Fresh task", in: added.1), in: synced.1)))
    }

    /// A note added under the task before a deleted one: putting the task back at its old place
    /// would put it between that task and its note (the note would then be the wrong task's).
    @Test func undoOfADeleteIsRefusedRatherThanSplitAnotherTasksItem() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Plan migration"))
        try teammateAdds("  - a note of the teammate's", after: "- [ ] Write docs [Owner: CTO]", box)
        expectRefused(box, "edited since")
    }

    /// The same at the end of TODO.md, where the task has no line after it to be found by: the
    /// note added at the end of the document is the other task's, and undo refuses.
    @Test func undoOfADeleteAtTheEndIsRefusedRatherThanSplitAnotherTasksItem() throws {
        let box = try SyncSandbox(todoLines: applying([.insertBefore("- [ ] Tune costs [Owner: CTO]", ["- [ ] Low other [Owner: QA]"])],
                                                      to: SyncFixture.todoLines))
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Tune costs"))
        try SyncSandbox.write(box.todoBytes + Array("  - a note of the teammate's\n".utf8), to: box.paths.todo)
        expectRefused(box, "edited since")
    }

    /// Undo of a delete after a teammate put the task back by hand (and a sync carried it): the
    /// task is already there, and undo does not make it twice.
    @Test func undoOfADeleteIsRefusedWhenTheTaskIsBackAlready() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        _ = try box.session(updateLastUpdated: false).perform(.delete("Audit security"))
        try teammateAdds("- [ ] Audit security [Owner: CTO]", after: "### Medium Priority", box)
        expectRefused(box, "already there")
        #expect(try box.loadPair().tasks.filter { $0.title == "Audit security" }.count == 1)
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
