import Foundation
import Testing

/// `ctoboard watch` end to end: a background process, edits in each editor style, and bounded waits.
@Suite("watch: the documents stay in sync", .serialized)
struct WatchTests {
    /// How long an external edit may take to reach the other document (the promise is 1 s).
    static let bound = 2.0

    /// Starts `watch` on the CTO pair and waits for its "watching" line.
    private func startWatch(_ repo: AutoRepo, _ extra: [String] = [],
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> BackgroundProcess {
        let watch = try repo.start(["watch", "--owner-doc", Auto.ownerRelative] + extra)
        let ready = waitUntil(timeout: 10) { watch.logLines.contains { $0.contains("msg=watching") } || !watch.isRunning }
        #expect(ready && watch.isRunning, "watch did not start:\n\(watch.stderr)", sourceLocation: sourceLocation)
        return watch
    }

    /// Sends SIGTERM (or SIGINT) and expects a prompt, clean exit with a "stopping" line.
    private func stop(_ watch: BackgroundProcess, _ sig: Int32 = SIGTERM, quiet: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let sent = Date()
        watch.signal(sig)
        let ended = watch.waitForExit(timeout: 2)
        #expect(ended, "watch still runs 2 s after the signal", sourceLocation: sourceLocation)
        #expect(Date().timeIntervalSince(sent) < 2, sourceLocation: sourceLocation)
        #expect(watch.exitedNormally && watch.status == 0, "status \(String(describing: watch.status))\n\(watch.stderr)",
                sourceLocation: sourceLocation)
        if !quiet {
            let name = sig == SIGINT ? "SIGINT" : "SIGTERM"
            #expect(watch.logLines.last?.contains("msg=stopping") == true && watch.logLines.last?.contains(name) == true,
                    "no stopping line last:\n\(watch.stderr)", sourceLocation: sourceLocation)
        }
    }

    /// Waits until TODO.md (or the owner document) shows `title` with checkbox `checked`.
    private func expectCarried(_ title: String, checked: Bool, into path: String, _ watch: BackgroundProcess,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let ok = waitUntil(timeout: Self.bound) { Auto.checked(title, in: Auto.read(path)) == checked }
        #expect(ok, "\"\(title)\" not \(checked ? "checked" : "unchecked") in \(path) within \(Self.bound) s\nlog:\n\(watch.stderr)",
                sourceLocation: sourceLocation)
        if ok {
            // The sync is logged as one structured line.
            let logged = waitUntil(timeout: 1) { watch.logLines.contains { $0.contains("msg=synced") && $0.contains(title) } }
            #expect(logged, "no synced line for \(title):\n\(watch.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test("every editor style and a git checkout reach the other document")
    func editorStyles() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let watch = try startWatch(repo)
        defer { watch.cleanUp() }
        let folder = repo.root + "/docs/Development"
        let fm = FileManager.default

        // 1. An editor that writes in place (truncate and write the same inode).
        let inode = try fm.attributesOfItem(atPath: repo.ownerDoc)[.systemFileNumber] as? Int
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: repo.ownerDoc))
        let inPlace = Auto.setting("Conduct security audits", checked: true, in: repo.ownerText)
        try handle.truncate(atOffset: 0)
        handle.write(Data(inPlace.utf8))
        try handle.close()
        #expect(try fm.attributesOfItem(atPath: repo.ownerDoc)[.systemFileNumber] as? Int == inode)
        expectCarried("Conduct security audits", checked: true, into: repo.todo, watch)

        // 2. Save by rename: write a temp file beside it, rename it over the document.
        let temp = folder + "/.CTO_OWNER.md.swp-save"
        try Auto.write(temp, Auto.setting("Establish code review process", checked: true, in: repo.ownerText))
        #expect(rename(temp, repo.ownerDoc) == 0)
        expectCarried("Establish code review process", checked: true, into: repo.todo, watch)

        // 3. vim: probe with 4913, rename the original to NAME~, write a new file, delete the backup.
        let vimText = Auto.setting("Infrastructure cost optimization", checked: true, in: repo.ownerText)
        let probe = folder + "/4913"
        #expect(fm.createFile(atPath: probe, contents: nil))
        try fm.removeItem(atPath: probe)
        let backup = repo.ownerDoc + "~"
        #expect(rename(repo.ownerDoc, backup) == 0)
        #expect(fm.createFile(atPath: repo.ownerDoc, contents: Data(vimText.utf8)))
        try fm.removeItem(atPath: backup)
        expectCarried("Infrastructure cost optimization", checked: true, into: repo.todo, watch)
        #expect(!fm.fileExists(atPath: probe) && !fm.fileExists(atPath: backup))

        // 4. Delete, then create again: the watcher survives the gap.
        let recreated = Auto.setting("Team training and knowledge sharing", checked: true, in: repo.ownerText)
        try fm.removeItem(atPath: repo.ownerDoc)
        // The watcher notices the missing document (and keeps running) before it comes back.
        let noticed = waitUntil(timeout: Self.bound) { watch.logLines.contains { $0.contains("level=error") } }
        #expect(noticed, "no line about the missing document:\n\(watch.stderr)")
        #expect(watch.isRunning)
        #expect(fm.createFile(atPath: repo.ownerDoc, contents: Data(recreated.utf8)))
        expectCarried("Team training and knowledge sharing", checked: true, into: repo.todo, watch)

        // 5. TODO.md replaced by git: commit a variant through the index only, then check it out.
        let variant = Auto.setting("Evaluate Phoenix as web framework", checked: true, in: repo.todoText)
        try Auto.write(repo.root + "/variant.md", variant)
        let blob = try repo.git("hash-object", "-w", "variant.md").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try fm.removeItem(atPath: repo.root + "/variant.md")
        try repo.git("update-index", "--cacheinfo", "100644,\(blob),\(Auto.todoRelative)")
        try repo.git("commit", "-q", "-m", "A variant of TODO.md")
        #expect(Auto.checked("Evaluate Phoenix as web framework", in: repo.todoText) == false)
        try repo.git("checkout", "--", Auto.todoRelative)
        #expect(repo.todoText == variant)
        expectCarried("Evaluate Phoenix as web framework", checked: true, into: repo.ownerDoc, watch)

        // Every change made it across; nothing else was written beside the documents.
        #expect(try repo.ctoboard(["check", "--owner-doc", Auto.ownerRelative]).status == 0)
        for title in ["Conduct security audits", "Establish code review process", "Infrastructure cost optimization",
                      "Team training and knowledge sharing", "Evaluate Phoenix as web framework"] {
            #expect(Auto.checked(title, in: repo.ownerText) == true, "\(title)")
            #expect(Auto.checked(title, in: repo.todoText) == true, "\(title)")
        }
        #expect(!watch.logLines.contains { $0.contains("conflict") }, "\(watch.stderr)")
        let leftovers = try fm.contentsOfDirectory(atPath: folder) + fm.contentsOfDirectory(atPath: repo.root + "/docs/Project Management")
        #expect(leftovers.sorted() == ["CTO_OWNER.md", "TODO.md"], "\(leftovers)")
        // One structured line per event: logfmt, with a level and a message.
        for line in watch.logLines {
            #expect(line.hasPrefix("ts=") && line.contains(" level=") && line.contains(" msg="), "\(line)")
        }
        stop(watch)
    }

    @Test("an edit to TODO.md reaches the owner document in place, and edits in a row are all carried")
    func editsInARow() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let watch = try startWatch(repo)
        defer { watch.cleanUp() }
        // Each edit follows as soon as the previous one shows on the other side: none may be lost
        // because it landed while the watcher was writing.
        let titles = ["Rate limiting on the public API", "Conduct security audits", "Document Phoenix/Elixir stack architecture",
                      "Create deployment strategy documentation", "Establish code review process", "Technical debt review and planning"]
        var toTodo = false
        for title in titles where title != "Rate limiting on the public API" {
            let (from, to) = toTodo ? (repo.todo, repo.ownerDoc) : (repo.ownerDoc, repo.todo)
            try Auto.write(from, Auto.setting(title, checked: true, in: Auto.read(from)))
            expectCarried(title, checked: true, into: to, watch)
            toTodo.toggle()
        }
        // Another owner's task in TODO.md is not the CTO's business.
        try Auto.write(repo.todo, Auto.setting("Rate limiting on the public API", checked: true, in: repo.todoText))
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: false, in: repo.ownerText))
        expectCarried("Conduct security audits", checked: false, into: repo.todo, watch)
        #expect(Auto.checked("Rate limiting on the public API", in: repo.todoText) == true)
        #expect(Auto.taskLine("Rate limiting on the public API", in: repo.ownerText) == nil)
        #expect(try repo.ctoboard(["check", "--owner-doc", Auto.ownerRelative]).status == 0)
        stop(watch, SIGINT)
    }

    @Test("after the documents' folder is replaced (rm -rf docs && git checkout docs), edits are still carried")
    func folderReplaced() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let watch = try startWatch(repo)
        defer { watch.cleanUp() }
        let replaced = try Auto.run("/bin/sh", ["-c", "rm -rf docs && git checkout -q docs"], in: repo.root)
        #expect(replaced.status == 0, "\(replaced)")
        // The new folder is watched: an edit in each document reaches the other one.
        try Auto.write(repo.todo, Auto.setting("Conduct security audits", checked: true, in: repo.todoText))
        expectCarried("Conduct security audits", checked: true, into: repo.ownerDoc, watch)
        try Auto.write(repo.ownerDoc, Auto.setting("Establish code review process", checked: true, in: repo.ownerText))
        expectCarried("Establish code review process", checked: true, into: repo.todo, watch)
        #expect(try repo.ctoboard(["check", "--owner-doc", Auto.ownerRelative]).status == 0)
        stop(watch)
    }

    @Test("a sync put off by another ctoboard's lock is tried again once the lock is free, with no new edit")
    func lockedSyncIsRetried() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        try repo.write(".ctoboard.toml", "lock_timeout = 0.2\n")
        let watch = try startWatch(repo)
        defer { watch.cleanUp() }
        // Another holder of the lock: flock(1) without forking, so its pid holds it.
        let lock = repo.root + "/.git/ctoboard/lock"
        let flock = BackgroundProcess("/usr/bin/env", ["flock", "--no-fork", lock, "sleep", "30"], in: repo.root)
        try flock.start()
        defer { flock.cleanUp() }
        let held = waitUntil(timeout: 10) { (try? Auto.run("/usr/bin/env", ["flock", "--nonblock", lock, "true"], in: repo.root))?.status == 1 }
        try #require(held, "the flock subprocess did not take the lock")

        try Auto.write(repo.todo, Auto.setting("Conduct security audits", checked: true, in: repo.todoText))
        let postponed = waitUntil(timeout: 5) { watch.logLines.contains { $0.contains("msg=\"sync postponed\"") } }
        #expect(postponed, "no postponed line:\n\(watch.stderr)")
        #expect(Auto.checked("Conduct security audits", in: repo.ownerText) == false)
        flock.signal(SIGKILL)
        #expect(flock.waitForExit(timeout: 5), "the lock holder did not stop")
        let free = waitUntil(timeout: 5) { (try? Auto.run("/usr/bin/env", ["flock", "--nonblock", lock, "true"], in: repo.root))?.status == 0 }
        #expect(free, "lock still held")
        let carried = waitUntil(timeout: 3) { Auto.checked("Conduct security audits", in: repo.ownerText) == true }
        #expect(carried, "not carried after the lock was freed:\n\(watch.stderr)")
        stop(watch)
    }

    @Test("a task changed differently in both documents is logged as a conflict and neither is overwritten")
    func conflict() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let watch = try startWatch(repo)
        defer { watch.cleanUp() }
        // Both files at once, well within one debounce.
        let owner = Auto.setting("Conduct security audits", checked: true, in: repo.ownerText)
        let todo = Auto.replacingLine(containing: "] Conduct security audits",
                                      with: "- [ ] Conduct security audits every quarter [Owner: CTO]", in: repo.todoText)
        try Auto.write(repo.ownerDoc, owner)
        try Auto.write(repo.todo, todo)
        let logged = waitUntil(timeout: Self.bound) {
            watch.logLines.contains { $0.contains("level=warning") && $0.contains("conflict") && $0.contains("Conduct security audits") }
        }
        #expect(logged, "no conflict line:\n\(watch.stderr)")
        // Give it another chance to do harm: a change outside the tasks (a blank line at the end)
        // makes it sync again. (The same bytes saved again change nothing, so sync nothing.)
        let conflictLines = { watch.logLines.filter { $0.contains("level=warning") && $0.contains("conflict") }.count }
        let before = conflictLines()
        try Auto.write(repo.ownerDoc, owner + "\n")
        #expect(waitUntil(timeout: Self.bound) { conflictLines() > before }, "\(watch.stderr)")
        #expect(repo.ownerText == owner + "\n")
        #expect(repo.todoText == todo)
        #expect(!watch.logLines.contains { $0.contains("msg=synced") }, "\(watch.stderr)")
        // The conflict is still there for the user: check reports it.
        #expect(try repo.ctoboard(["check", "--owner-doc", Auto.ownerRelative]).status == 1)
        #expect(watch.isRunning)
        stop(watch)
    }

    @Test("--quiet logs no info lines; --verbose logs every event")
    func quietAndVerbose() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let quiet = try repo.start(["watch", "--quiet", "--owner-doc", Auto.ownerRelative])
        defer { quiet.cleanUp() }
        // No "watching" line to wait for: the first sync leaves its base snapshot.
        let state = repo.root + "/.git/ctoboard"
        let ready = waitUntil(timeout: 10) {
            ((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? []).contains { $0.hasPrefix("base-") }
        }
        #expect(ready && quiet.isRunning, "\(quiet.stderr)")
        // Let the first sync finish before editing.
        #expect(waitUntil(timeout: 5) { !FileManager.default.fileExists(atPath: state + "/journal") })
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        expectQuietCarried("Conduct security audits", into: repo.todo)
        stop(quiet, SIGINT, quiet: true)
        #expect(quiet.stderr.isEmpty, "quiet printed:\n\(quiet.stderr)")
        #expect(quiet.stdout.isEmpty)

        let verbose = try startWatch(repo, ["--verbose", "--debounce", "50"])
        defer { verbose.cleanUp() }
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: false, in: repo.ownerText))
        expectCarried("Conduct security audits", checked: false, into: repo.todo, verbose)
        #expect(verbose.logLines.contains { $0.contains("level=debug") }, "\(verbose.stderr)")
        stop(verbose)
    }

    private func expectQuietCarried(_ title: String, into path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ok = waitUntil(timeout: Self.bound) { Auto.checked(title, in: Auto.read(path)) == true }
        #expect(ok, "\(title) not carried into \(path)", sourceLocation: sourceLocation)
    }
}
