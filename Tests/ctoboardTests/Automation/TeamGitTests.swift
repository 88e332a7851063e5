import Foundation
import Testing

/// Team workflows with git: no base snapshot is not a blank slate (a fresh clone, a moved
/// repository, a pulled commit), and the state follows the repository when it moves.
@Suite("team: git's last agreed commit is the base when there is no snapshot")
struct TeamGitTests {
    /// How many lines of `text` hold `title`.
    private func count(_ title: String, in text: String) -> Int {
        text.split(separator: "\n").filter { $0.contains(title) }.count
    }

    @Test("a fresh clone carries a teammate's committed deletion and rename in TODO.md: nothing resurrected or duplicated")
    func freshCloneCarriesCommittedChanges() throws {
        let a = try AutoRepo()
        defer { a.remove() }
        #expect(try a.ctoboard(["sync"] + a.pairArgs).status == 0)
        let b = try AutoRepo(cloning: a.root)
        defer { b.remove() }
        var todo = Auto.removingLine(containing: "Conduct security audits", in: b.todoText)
        todo = Auto.replacingLine(containing: "Establish code review process",
                                  with: "- [ ] Establish the code review process [Owner: CTO]", in: todo)
        try Auto.write(b.todo, todo)
        try b.git("commit", "-q", "-am", "Drop the audit, reword the review task")
        let ownerBefore = b.ownerText

        let sync = try b.ctoboard(["sync"] + b.pairArgs)
        #expect(sync.status == 0, "\(sync)")
        #expect(sync.stdout.contains("no base snapshot: compared with commit"), "\(sync)")
        #expect(sync.stdout.split(separator: "\n").filter { $0.hasPrefix("no base") }.count == 1, "\(sync)")
        // TODO.md is what was committed, byte for byte; the owner document follows it.
        #expect(b.todoText == todo)
        let owner = b.ownerText
        #expect(count("Conduct security audits", in: owner) == 0, "resurrected or kept:\n\(owner)")
        #expect(count("Establish the code review process", in: owner) == 1)
        #expect(count("Establish code review process", in: owner) == 0)
        // Only those two lines changed.
        let expected = Auto.replacingLine(containing: "Establish code review process", with: "- [ ] Establish the code review process",
                                          in: Auto.removingLine(containing: "Conduct security audits", in: ownerBefore))
        #expect(owner == expected)
        #expect(try b.ctoboard(["check"] + b.pairArgs).status == 0)
    }

    @Test("check in a fresh clone calls a one-sided change drift, not a conflict changed in both documents")
    func checkWithoutSnapshotUsesTheLastAgreedCommit() throws {
        let a = try AutoRepo()
        defer { a.remove() }
        try Auto.write(a.todo, Auto.setting("Conduct security audits", checked: true, in: a.todoText))
        let check = try a.ctoboard(["check"] + a.pairArgs)
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("Conduct security audits"), "\(check)")
        #expect(!check.stdout.contains("conflict"), "\(check)")
        // sync agrees: it carries the change without a conflict.
        #expect(try a.ctoboard(["sync"] + a.pairArgs).status == 0)
        #expect(Auto.checked("Conduct security audits", in: a.ownerText) == true)
    }

    @Test("a pulled commit that deleted a task in TODO.md only is carried, not undone, before any sync")
    func pulledDeletionIsCarried() throws {
        // A has never run ctoboard: no base snapshot.
        let a = try AutoRepo()
        defer { a.remove() }
        let b = try AutoRepo(cloning: a.root)
        defer { b.remove() }
        let todo = Auto.removingLine(containing: "Infrastructure cost optimization", in: b.todoText)
        try Auto.write(b.todo, todo)
        try b.git("commit", "-q", "-am", "Infrastructure costs are someone else's now")
        try a.git("pull", "-q", "--no-rebase", b.root, "HEAD")
        let ownerBefore = a.ownerText

        let sync = try a.ctoboard(["sync"] + a.pairArgs)
        #expect(sync.status == 0, "\(sync)")
        #expect(a.todoText == todo)
        #expect(a.ownerText == Auto.removingLine(containing: "Infrastructure cost optimization", in: ownerBefore))
    }

    @Test("moving the repository keeps the base and the undo history")
    func movedRepositoryKeepsState() throws {
        let a = try AutoRepo()
        defer { a.remove() }
        let ownerBefore = a.ownerText, todoBefore = a.todoText
        #expect(try a.ctoboard(["toggle", "Conduct security audits"] + a.pairArgs).status == 0)
        let todoToggled = a.todoText
        let moved = a.root + "-moved"
        try FileManager.default.moveItem(atPath: a.root, toPath: moved)
        defer { try? FileManager.default.removeItem(atPath: moved) }
        let m = AutoRepo(existing: moved)

        // An edit in TODO.md after the move is compared with the kept base, not git's.
        let todo = Auto.removingLine(containing: "Infrastructure cost optimization", in: m.todoText)
        try Auto.write(m.todo, todo)
        let sync = try m.ctoboard(["sync"] + m.pairArgs)
        #expect(sync.status == 0, "\(sync)")
        #expect(!sync.stdout.contains("no base"), "\(sync)")
        #expect(count("Infrastructure cost optimization", in: m.ownerText) == 0)

        // Undo gives back the toggle made before the move; the sync carried someone else's edit
        // and is not undone.
        _ = todoToggled
        let undo = try m.ctoboard(["undo"] + m.pairArgs)
        #expect(undo.status == 0, "\(undo)")
        #expect(m.ownerText == Auto.removingLine(containing: "Infrastructure cost optimization", in: ownerBefore))
        #expect(m.todoText == Auto.removingLine(containing: "Infrastructure cost optimization", in: todoBefore))
    }

    @Test("outside git, a first sync reports near-identical titles as a likely rename, not two tasks")
    func firstSyncWithoutGitReportsLikelyRename() throws {
        let root = NSTemporaryDirectory() + "ctoboard-nogit-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Auto.packageRoot + "/Examples/workspace/docs", toPath: root + "/docs")
        let ownerPath = root + "/" + Auto.ownerRelative, todoPath = root + "/" + Auto.todoRelative
        let owner = Auto.replacingLine(containing: "Establish code review process",
                                       with: "- [ ] Establish the code review process", in: Auto.read(ownerPath))
        try Auto.write(ownerPath, owner)
        let todo = Auto.read(todoPath)
        let args = ["sync", "--owner-doc", Auto.ownerRelative, "--todo", Auto.todoRelative]

        let sync = try Auto.run(Auto.binary, args, in: root)
        #expect(sync.status == 1, "\(sync)")
        #expect(sync.stdout.contains("conflict: "), "\(sync)")
        #expect(sync.stdout.contains("Establish"), "\(sync)")
        #expect(sync.stdout.contains("no base snapshot: first sync"), "\(sync)")
        #expect(Auto.read(ownerPath) == owner)
        #expect(Auto.read(todoPath) == todo)

        // Choosing a side renames the task in the other document: still one task.
        let resolved = try Auto.run(Auto.binary, args + ["--prefer", "owner"], in: root)
        #expect(resolved.status == 0, "\(resolved)")
        #expect(count("Establish the code review process", in: Auto.read(todoPath)) == 1)
        #expect(count("Establish code review process", in: Auto.read(todoPath)) == 0)
        #expect(Auto.read(ownerPath) == owner)
    }

    @Test("watch in a fresh clone carries a teammate's committed deletion and says it had no base snapshot")
    func watchInFreshClone() throws {
        let a = try AutoRepo()
        defer { a.remove() }
        let b = try AutoRepo(cloning: a.root)
        defer { b.remove() }
        let todo = Auto.removingLine(containing: "Conduct security audits", in: b.todoText)
        try Auto.write(b.todo, todo)
        try b.git("commit", "-q", "-am", "No audits")

        let watch = try b.start(["watch"] + b.pairArgs)
        defer { watch.cleanUp() }
        let carried = waitUntil(timeout: 10) { !b.ownerText.contains("Conduct security audits") || !watch.isRunning }
        #expect(carried && watch.isRunning, "\(watch.stderr)")
        // The notice is logged once the sync has returned, just after the document changed.
        _ = waitUntil(timeout: 10) { watch.logLines.contains { $0.contains("msg=\"no base snapshot\"") } || !watch.isRunning }
        #expect(watch.logLines.filter { $0.contains("msg=\"no base snapshot\"") }.count == 1, "\(watch.stderr)")
        #expect(b.todoText == todo)
        watch.signal(SIGTERM)
        #expect(watch.waitForExit(timeout: 2))
    }
}
