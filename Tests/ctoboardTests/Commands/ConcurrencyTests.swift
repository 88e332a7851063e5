import Foundation
import Testing

@Suite("Two processes on one pair")
struct ConcurrencyTests {
    /// Runs two sequences of commands at the same time, one thread each.
    private func concurrently(_ ws: Workspace, _ a: [[String]], _ b: [[String]]) -> [[RunResult]] {
        let results = LockedResults(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            for command in (i == 0 ? a : b) {
                do { results.append(i, try ws.ctoboard(command)) } catch { Issue.record("\(error)") }
            }
        }
        return results.all
    }

    @Test func concurrentTogglesOfDifferentTasksLoseNothing() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let a = Array(repeating: ["toggle", "Conduct security audits"], count: 8)
        let b = Array(repeating: ["toggle", "Infrastructure cost optimization"], count: 7)
        let results = concurrently(ws, a, b)
        for r in results.joined() { #expect(r.status == 0, "\(r)") }
        #expect(results[0].count == 8 && results[1].count == 7)
        // 8 toggles: back to unchecked; 7: checked, in both documents.
        #expect(checkbox("Conduct security audits", in: ws.ownerBytes) == false)
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == false)
        #expect(checkbox("Infrastructure cost optimization", in: ws.ownerBytes) == true)
        #expect(checkbox("Infrastructure cost optimization", in: ws.todoBytes) == true)
        // Every transaction was recorded, none lost or doubled.
        #expect(ws.historyLines.count == 15)
        #expect(try ws.ctoboard(["check"]).status == 0)
        #expect(!ws.hasJournal)
        #expect(ws.leftoverTemps.isEmpty)
    }

    @Test func concurrentAddsAllLand() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let a = (1...5).map { ["add", "Alpha task number \($0)", "--to", "high"] }
        let b = (1...5).map { ["add", "Beta task number \($0)", "--to", "low"] }
        let results = concurrently(ws, a, b)
        for r in results.joined() { #expect(r.status == 0, "\(r)") }
        let owner = String(decoding: ws.ownerBytes, as: UTF8.self)
        let todo = String(decoding: ws.todoBytes, as: UTF8.self)
        for n in 1...5 {
            #expect(owner.contains("- [ ] Alpha task number \(n)\n"))
            #expect(owner.contains("- [ ] Beta task number \(n)\n"))
            #expect(todo.contains("- [ ] Alpha task number \(n) [Owner: CTO]\n"))
            #expect(todo.contains("- [ ] Beta task number \(n) [Owner: CTO]\n"))
        }
        #expect(try ws.ctoboard(["check"]).status == 0)
    }

    /// Another program appends a line to TODO.md while a toggle is between checking the
    /// documents and replacing them (paused there 200 ms, after the commit point: the journal
    /// is on disk): the line survives, and the toggle, planned again, goes through. Without
    /// the check after the rename, every one of these lines was lost.
    @Test func anAppendByAnotherProgramBeforeTheRenameSurvives() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let journal = ws.stateFolder + "/journal"
        for n in 1...3 {
            let toggled = DispatchGroup()
            let result = LockedResults(count: 1)
            DispatchQueue.global().async(group: toggled) {
                do {
                    result.append(0, try ws.ctoboard(["toggle", "Conduct security audits"], env: ["CTOBOARD_DELAY": "journal-synced:200"]))
                } catch { Issue.record("\(error)") }
            }
            // The journal appears at the commit point; the rename is 200 ms later.
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: journal) && Date() < deadline { usleep(1_000) }
            #expect(FileManager.default.fileExists(atPath: journal), "the toggle reached its commit point")
            let fd = open(ws.todo, O_WRONLY | O_APPEND)
            let line = Array("- note \(n) from another program\n".utf8)
            _ = line.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
            toggled.wait()
            for r in result.all.joined() { #expect(r.status == 0, "\(r)") }
            let todo = String(decoding: ws.todoBytes, as: UTF8.self)
            for k in 1...n { #expect(todo.contains("- note \(k) from another program\n"), "line \(k) lost") }
            #expect(checkbox("Conduct security audits", in: ws.todoBytes) == (n % 2 == 1))
            #expect(checkbox("Conduct security audits", in: ws.ownerBytes) == (n % 2 == 1))
        }
        #expect(try ws.ctoboard(["check"]).status == 0)
        #expect(!ws.hasJournal)
        #expect(ws.leftoverTemps.isEmpty)
    }

    @Test func heldLockMakesACommandGiveUp() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.createDirectory(atPath: ws.stateFolder, withIntermediateDirectories: true)
        let lock = ws.stateFolder + "/lock"
        _ = FileManager.default.createFile(atPath: lock, contents: nil)
        try Data("lock_timeout = 1\n".utf8).write(to: URL(fileURLWithPath: ws.root + "/.ctoboard.toml"))

        // Another holder of the lock: flock(1) without forking, so its pid holds it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", "--no-fork", lock, "sleep", "30"]
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            if holder.isRunning { holder.terminate() }
            holder.waitUntilExit()
        }
        let held = waitUntil(10) {
            ((try? runProcess("/usr/bin/env", ["flock", "--nonblock", lock, "true"], cwd: ws.root))?.status ?? 0) == 1
        }
        try #require(held, "the flock subprocess did not take the lock")

        let before = ws.documents
        let r = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(r.status == 4, "\(r)")
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"))
        #expect(message.contains("another ctoboard"))
        #expect(message.contains(lock))
        #expect(r.seconds >= 0.9 && r.seconds < 5, "gave up after \(r.seconds) s, lock_timeout = 1")
        #expect(ws.documents == before)

        // Released: the command goes through.
        holder.terminate()
        holder.waitUntilExit()
        let again = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(again.status == 0, "\(again)")
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == true)
    }
}

/// Results appended from two threads.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [[RunResult]]
    init(count: Int) { results = Array(repeating: [], count: count) }
    func append(_ i: Int, _ r: RunResult) { lock.lock(); results[i].append(r); lock.unlock() }
    var all: [[RunResult]] { lock.lock(); defer { lock.unlock() }; return results }
}
