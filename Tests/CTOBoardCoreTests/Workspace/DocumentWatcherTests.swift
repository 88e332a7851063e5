import Foundation
import Testing
@testable import CTOBoardCore

/// The documents' watcher on real folders: what it reports, when, and that it survives the
/// folder being replaced.
@Suite("DocumentWatcher", .serialized)
struct DocumentWatcherTests {
    static let debounce = 40

    /// A folder `docs` holding `a.md` and `b.md`, and a watcher on both.
    final class Fixture {
        let dir: TempDir
        let a: String
        let b: String
        let watcher: DocumentWatcher

        init(debounceMs: Int = DocumentWatcherTests.debounce) throws {
            dir = try TempDir()
            a = try dir.write("docs/a.md", "- [ ] one\n")
            b = try dir.write("docs/b.md", "- [ ] two\n")
            guard let watcher = DocumentWatcher(files: [a, b], debounceMs: debounceMs) else {
                throw CocoaError(.featureUnsupported)
            }
            self.watcher = watcher
        }

        deinit { dir.remove() }

        /// Polls until the watcher reports something (at most `timeout` seconds).
        func nextReport(timeout: Double = 3) -> [String] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let changed = watcher.poll(timeoutMs: 20)
                if !changed.isEmpty { return changed }
            }
            return []
        }

        /// Everything the watcher reports while polling for `ms` milliseconds.
        func reports(during ms: Int) -> [[String]] {
            let end = Date().addingTimeInterval(Double(ms) / 1000)
            var all: [[String]] = []
            while Date() < end {
                let changed = watcher.poll(timeoutMs: 10)
                if !changed.isEmpty { all.append(changed) }
            }
            return all
        }

        func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

        /// Writes with plain system calls, in place.
        func writeInPlace(_ path: String, _ text: String) {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CREAT, 0o644)
            _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
        }
    }

    @Test("an in-place edit is reported once, with the document it touched")
    func inPlace() throws {
        let f = try Fixture()
        f.writeInPlace(f.a, "- [x] one\n")
        #expect(f.nextReport() == [f.a])
        #expect(f.reports(during: 4 * Self.debounce).isEmpty)
    }

    @Test("the same bytes saved again, or a file beside the documents, report nothing")
    func noChange() throws {
        let f = try Fixture()
        f.writeInPlace(f.a, "- [ ] one\n")
        try f.dir.write("docs/other.md", "x")
        #expect(f.reports(during: 6 * Self.debounce).isEmpty)
    }

    @Test("a rename-over save is reported")
    func renameOver() throws {
        let f = try Fixture()
        let temp = try f.dir.write("docs/.a.md.tmp", "- [x] one\n")
        #expect(rename(temp, f.a) == 0)
        #expect(f.nextReport() == [f.a])
        #expect(f.text(f.a) == "- [x] one\n")
    }

    @Test("vim's save: the 4913 probe, the backup rename, a new file, the backup deleted")
    func vimSave() throws {
        let f = try Fixture()
        let probe = try f.dir.write("docs/4913", "")
        try FileManager.default.removeItem(atPath: probe)
        #expect(f.reports(during: 4 * Self.debounce).isEmpty, "the probe alone changes no document")
        #expect(rename(f.a, f.a + "~") == 0)
        f.writeInPlace(f.a, "- [x] one\n")
        try FileManager.default.removeItem(atPath: f.a + "~")
        #expect(f.nextReport() == [f.a])
        #expect(f.text(f.a) == "- [x] one\n")
    }

    @Test("a writer that pauses halfway is not read mid-write")
    func pausedWriter() throws {
        let f = try Fixture()
        // Closed once, below, where the writer finishes: closing it again (a defer) would close
        // whatever another test had opened under the same number meanwhile.
        let fd = open(f.a, O_WRONLY | O_APPEND)
        let half = Array("- [ ] three, whose title comes ".utf8), rest = Array("in two halves\n".utf8)
        #expect(write(fd, half, half.count) == half.count)
        // The writer holds the document open for many debounces: nothing is reported meanwhile.
        #expect(f.reports(during: 8 * Self.debounce).isEmpty)
        #expect(write(fd, rest, rest.count) == rest.count)
        close(fd)
        #expect(f.nextReport() == [f.a])
        #expect(f.text(f.a) == "- [ ] one\n- [ ] three, whose title comes in two halves\n")
    }

    @Test("appends in two halves, a pause longer than the debounce between them, are reported once, whole")
    func twoAppends() throws {
        let debounce = 100
        let f = try Fixture(debounceMs: debounce)
        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: f.a))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
        try append("- [ ] three\n")
        // Events are quiet for a debounce and a half: the first look sees the first half, the
        // second look (a debounce later) would see it again, but the rest lands before it.
        #expect(f.reports(during: debounce * 3 / 2).isEmpty)
        try append("- [ ] four\n")
        #expect(f.nextReport() == [f.a])
        #expect(f.text(f.a) == "- [ ] one\n- [ ] three\n- [ ] four\n")
        #expect(f.reports(during: 3 * debounce).isEmpty)
    }

    @Test("the folder replaced (rm -rf docs, then checked out again) is watched again")
    func folderReplaced() throws {
        let f = try Fixture()
        let docs = f.dir.path + "/docs"
        try FileManager.default.removeItem(atPath: docs)
        #expect(Set(f.nextReport()) == [f.a, f.b], "both documents went")
        try f.dir.write("docs/a.md", "- [ ] one\n")
        try f.dir.write("docs/b.md", "- [ ] two\n")
        #expect(Set(f.nextReport()) == [f.a, f.b], "both documents are back")
        // The new folder is watched: an edit in it is seen.
        f.writeInPlace(f.b, "- [x] two\n")
        #expect(f.nextReport() == [f.b])
        // A folder moved away and another moved in its place.
        try FileManager.default.moveItem(atPath: docs, toPath: f.dir.path + "/old")
        try f.dir.write("new/a.md", "- [ ] one\n")
        try f.dir.write("new/b.md", "- [x] two\n")
        try FileManager.default.moveItem(atPath: f.dir.path + "/new", toPath: docs)
        _ = f.reports(during: 6 * Self.debounce)
        f.writeInPlace(f.dir.path + "/old/a.md", "- [x] one, in the old folder\n")
        #expect(f.reports(during: 6 * Self.debounce).isEmpty, "the folder moved away is no longer watched")
        f.writeInPlace(f.a, "- [x] one\n")
        #expect(f.nextReport() == [f.a])
    }

    @Test("own writes are absorbed; an edit that landed meanwhile is still reported")
    func ownWrites() throws {
        let f = try Fixture()
        f.writeInPlace(f.a, "- [x] one\n")
        f.watcher.absorbOwnWrites { true }
        #expect(f.reports(during: 6 * Self.debounce).isEmpty)
        f.writeInPlace(f.b, "- [x] two\n")
        f.watcher.absorbOwnWrites { false }
        #expect(f.nextReport() == [f.b])
    }
}
