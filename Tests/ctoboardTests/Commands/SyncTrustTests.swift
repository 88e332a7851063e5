import Foundation
import Testing

/// The sync never loses, duplicates or resurrects a task, seen from the command line: both
/// documents' bytes are checked after each command.
@Suite("Command line: the sync's trust rules")
struct SyncTrustTests {
    static let netlify = "**VERIFY**: Netlify deployment setup (needs verification)"
    static let github = "**VERIFY**: GitHub repository setup (needs verification)"

    /// A synced workspace (the base stored).
    private func synced() throws -> Workspace {
        let ws = try Workspace()
        let r = try ws.ctoboard(["sync"])
        #expect(r.status == 0, "\(r)")
        return ws
    }

    private func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    private func text(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

    /// One line on standard error naming `document` and the way to go ahead.
    private func expectRefusal(_ r: RunResult, naming document: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "\(r)", sourceLocation: sourceLocation)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n"), "not one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(message.contains(document), "\(message)", sourceLocation: sourceLocation)
        #expect(message.contains("ctoboard sync --allow-deletions"), "\(message)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["empty", "truncated"])
    func aTruncatedOrEmptiedTodoIsNotAMassDeletion(_ how: String) throws {
        let ws = try synced()
        defer { ws.remove() }
        let owner = ws.ownerBytes
        let todoText = text(ws.todo)
        // Truncated: cut after the first few tasks, as a crashed editor or a bad paste would.
        let cut = todoText.range(of: Self.github).map { String(todoText[..<$0.lowerBound]) } ?? ""
        write(how == "empty" ? "" : cut, to: ws.todo)
        let todo = ws.todoBytes
        // Any command, a failing one included, and `sync` itself, refuse and write nothing.
        for args in [["toggle", "Netlify deployment setup"], ["toggle", "No such task at all"], ["sync"], ["sync", "--dry-run"]] {
            let r = try ws.ctoboard(args)
            expectRefusal(r, naming: "TODO.md")
            #expect(ws.ownerBytes == owner, "\(args) changed the owner document")
            #expect(ws.todoBytes == todo, "\(args) changed TODO.md")
        }
        // Deliberately: the deletions are carried.
        let r = try ws.ctoboard(["sync", "--allow-deletions"])
        #expect(r.status == 0, "\(r)")
        #expect(!text(ws.ownerDoc).contains(Self.github))
        #expect(ws.todoBytes == todo)
    }

    /// Before any sync there is no state folder; a refused command does not make one.
    @Test func aRefusedFirstCommandWritesNoStateFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        #expect(try runProcess("/usr/bin/env", ["git", "add", "-A"], cwd: ws.root).status == 0)
        #expect(try runProcess("/usr/bin/env", ["git", "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "docs"], cwd: ws.root).status == 0)
        let todoText = text(ws.todo)
        let cut = todoText.range(of: Self.github).map { String(todoText[..<$0.lowerBound]) } ?? ""
        write(cut, to: ws.todo)
        let documents = ws.documents
        for args in [["sync"], ["toggle", "Netlify deployment setup"], ["toggle", "No such task at all"],
                     ["add", "Netlify deployment setup", "--to", "low"]] {
            let r = try ws.ctoboard(args)
            #expect(r.status != 0, "\(args): \(r)")
            #expect(!FileManager.default.fileExists(atPath: ws.stateFolder), "\(args) made the state folder")
            #expect(ws.documents == documents, "\(args) wrote")
        }
        write(todoText, to: ws.todo)
        let r = try ws.ctoboard(["add", "Conduct security audits", "--to", "low"])
        #expect(r.status == 2, "\(r)")
        #expect(!FileManager.default.fileExists(atPath: ws.stateFolder), "a refused add made the state folder")
    }

    @Test func aFewDeletionsAreStillCarried() throws {
        let ws = try synced()
        defer { ws.remove() }
        let todoText = text(ws.todo)
        write(todoText.replacingOccurrences(of: "- [ ] \(Self.github) [Owner: CTO]\n", with: ""), to: ws.todo)
        let r = try ws.ctoboard(["sync"])
        #expect(r.status == 0, "\(r)")
        #expect(!text(ws.ownerDoc).contains(Self.github))
        #expect(text(ws.ownerDoc).contains(Self.netlify))
    }

    @Test func aFailingCommandWritesNothingAndACarryingOneSaysSo() throws {
        let ws = try synced()
        defer { ws.remove() }
        let owner = ws.ownerBytes
        let edited = text(ws.todo).replacingOccurrences(of: "- [ ] \(Self.github)", with: "- [x] \(Self.github)")
        write(edited, to: ws.todo)
        let todo = ws.todoBytes
        let history = ws.historyLines
        let failed = try ws.ctoboard(["toggle", "No such task at all"])
        #expect(failed.status == 2, "\(failed)")
        #expect(ws.ownerBytes == owner, "a failing command carried the external edit")
        #expect(ws.todoBytes == todo)
        #expect(ws.historyLines == history)
        // A command that succeeds carries it, in the same transaction, and says so.
        let r = try ws.ctoboard(["toggle", "Netlify deployment setup"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("synced: checked \"GitHub repository setup"), "\(r)")
        #expect(checkbox(Self.github, in: ws.ownerBytes) == true)
        #expect(checkbox(Self.netlify, in: ws.ownerBytes) == true)
        #expect(checkbox(Self.netlify, in: ws.todoBytes) == true)
        // One entry for the carried edit (for the report; undo skips it), one for the toggle.
        #expect(ws.historyLines.count == history.count + 2)
        #expect(ws.historyLines.dropLast().last?.contains(#""kind":"synced""#) == true)
    }

    @Test func undoSkipsASyncThatCarriedSomeoneElsesEdit() throws {
        let ws = try synced()
        defer { ws.remove() }
        #expect(try ws.ctoboard(["toggle", "Netlify deployment setup"]).status == 0)
        // Someone else checks a task in TODO.md; a sync carries it.
        write(text(ws.todo).replacingOccurrences(of: "- [ ] \(Self.github)", with: "- [x] \(Self.github)"), to: ws.todo)
        #expect(try ws.ctoboard(["sync"]).status == 0)
        #expect(checkbox(Self.github, in: ws.ownerBytes) == true)
        // Undo gives back the user's own toggle and keeps the carried edit.
        let r = try ws.ctoboard(["undo"])
        #expect(r.status == 0, "\(r)")
        #expect(checkbox(Self.netlify, in: ws.ownerBytes) == false)
        #expect(checkbox(Self.netlify, in: ws.todoBytes) == false)
        #expect(checkbox(Self.github, in: ws.ownerBytes) == true)
        #expect(checkbox(Self.github, in: ws.todoBytes) == true)
        // No phantom conflict: the documents agree and a sync has nothing to do.
        let after = (ws.ownerBytes, ws.todoBytes)
        let s = try ws.ctoboard(["sync"])
        #expect(s.status == 0 && s.stdout.isEmpty, "\(s)")
        #expect(ws.ownerBytes == after.0 && ws.todoBytes == after.1)
    }

    /// Undo of a delete after a teammate put the task back by hand and a sync carried it: one
    /// line saying the task is already there, exit 1, neither document changed, no duplicate.
    @Test func undoDoesNotPutBackATaskThatIsBackAlready() throws {
        let ws = try synced()
        defer { ws.remove() }
        let task = "Conduct security audits"
        #expect(try ws.ctoboard(["delete", task]).status == 0)
        let phoenix = "- [ ] Document Phoenix/Elixir stack architecture [Owner: CTO]"
        write(text(ws.todo).replacingOccurrences(of: phoenix, with: "- [ ] \(task) [Owner: CTO]\n" + phoenix), to: ws.todo)
        #expect(try ws.ctoboard(["sync"]).status == 0)
        let before = (ws.ownerBytes, ws.todoBytes)
        let r = try ws.ctoboard(["undo"])
        #expect(r.status == 1, "\(r)")
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.contains("\n") && message.contains("already there") && message.contains(task), "\(message)")
        #expect(ws.ownerBytes == before.0 && ws.todoBytes == before.1)
        #expect(text(ws.ownerDoc).components(separatedBy: "- [ ] \(task)\n").count == 2)
    }

    @Test func undoCarriesAPendingExternalEditFirst() throws {
        let ws = try synced()
        defer { ws.remove() }
        #expect(try ws.ctoboard(["toggle", "Netlify deployment setup"]).status == 0)
        // An external edit not synced yet, then undo.
        write(text(ws.todo).replacingOccurrences(of: "- [ ] \(Self.github)", with: "- [x] \(Self.github)"), to: ws.todo)
        #expect(try ws.ctoboard(["undo"]).status == 0)
        #expect(checkbox(Self.netlify, in: ws.ownerBytes) == false)
        // The external edit reached the owner document; it is not stranded in TODO.md.
        #expect(checkbox(Self.github, in: ws.ownerBytes) == true)
        #expect(checkbox(Self.github, in: ws.todoBytes) == true)
        let s = try ws.ctoboard(["check"])
        #expect(s.status == 0, "\(s)")
    }

    @Test func dryRunPrintsAPatchThatGitApplies() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // CRLF, no final newline, and changes close together (their contexts overlap).
        let titles = (1...8).map { "Task number \($0)" }
        let owner = "# CTO\n\nSynchronized with `docs/Project Management/TODO.md`.\n\n## Pending\n" + titles.map { "- [ ] \($0)" }.joined(separator: "\n")
        let todo = "# TODO\r\n\r\n## Pending\r\n" + titles.map { "- [ ] \($0) [Owner: CTO]" }.joined(separator: "\r\n")
        write(owner, to: ws.ownerDoc)
        write(todo, to: ws.todo)
        #expect(try ws.ctoboard(["sync"]).status == 0)
        var edited = owner
        for n in [3, 5, 8] { edited = edited.replacingOccurrences(of: "- [ ] Task number \(n)", with: "- [x] Task number \(n)") }
        write(edited, to: ws.ownerDoc)
        let dry = try ws.ctoboard(["sync", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(text(ws.todo) == todo, "the dry run wrote")
        let patch = ws.root + "/sync.patch"
        write(dry.stdout, to: patch)
        let check = try runProcess("/usr/bin/env", ["git", "apply", "--check", patch], cwd: ws.root)
        #expect(check.status == 0, "git apply --check: \(check)\n\(dry.stdout)")
        // Applied, it makes exactly the bytes the sync writes.
        #expect(try runProcess("/usr/bin/env", ["git", "apply", patch], cwd: ws.root).status == 0)
        let applied = ws.todoBytes
        write(todo, to: ws.todo)
        #expect(try ws.ctoboard(["sync"]).status == 0)
        #expect(ws.todoBytes == applied)
        #expect(text(ws.todo).contains("- [x] Task number 8 [Owner: CTO]"))
    }

    /// A context line that is not UTF-8 (a Latin-1 `é`) is in the patch as its own bytes: a
    /// patch with U+FFFD in its place does not apply.
    @Test func dryRunPatchKeepsBytesThatAreNotUTF8() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let owner = Data("# CTO\n\nSynchronized with `docs/Project Management/TODO.md`.\n\n## Pending\n- [ ] Pay the invoice\n".utf8)
        func todoText(_ box: String) -> Data {
            Data("# TODO\n\n## Pending\n- [ ] Pay the caf".utf8) + Data([0xE9]) + Data(" bill [Owner: Finance]\n- [\(box)] Pay the invoice [Owner: CTO]\n".utf8)
        }
        let todo = todoText(" ")
        try owner.write(to: URL(fileURLWithPath: ws.ownerDoc))
        try todo.write(to: URL(fileURLWithPath: ws.todo))
        #expect(try ws.ctoboard(["sync"]).status == 0)
        let checked = Data(String(decoding: owner, as: UTF8.self).replacingOccurrences(of: "- [ ]", with: "- [x]").utf8)
        try checked.write(to: URL(fileURLWithPath: ws.ownerDoc))
        let dry = try runProcess("/bin/sh", ["-c", "\"$0\" sync --dry-run --owner-doc \"$1\" > sync.patch", ctoboardBinary, ws.ownerDoc], cwd: ws.root)
        #expect(dry.status == 0, "\(dry)")
        #expect(ws.todoBytes == todo, "the dry run wrote")
        let apply = try runProcess("/usr/bin/env", ["git", "apply", ws.root + "/sync.patch"], cwd: ws.root)
        #expect(apply.status == 0, "git apply: \(apply)")
        #expect(ws.todoBytes == todoText("x"))
    }

    /// Owner document renames a task while TODO.md checks it: one conflict.
    private func conflicted() throws -> (ws: Workspace, owner: Data, todo: Data) {
        let ws = try synced()
        let (owner, todo) = (ws.ownerBytes, ws.todoBytes)
        write(text(ws.ownerDoc).replacingOccurrences(of: "GitHub repository setup", with: "GitHub repository setup and access"), to: ws.ownerDoc)
        write(text(ws.todo).replacingOccurrences(of: "- [ ] \(Self.github)", with: "- [x] \(Self.github)"), to: ws.todo)
        let r = try ws.ctoboard(["sync"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.components(separatedBy: "conflict:").count == 2, "not one conflict: \(r)")
        #expect(r.stdout.contains("GitHub repository setup and access (needs verification)`") && r.stdout.contains("- [x] \(Self.github) [Owner: CTO]`"), "\(r)")
        #expect(r.stdout.contains("ctoboard sync --prefer owner|todo"), "no way out named: \(r)")
        // `check` reports it as one line with both versions, not two "only in" lines.
        let check = try ws.ctoboard(["check"])
        #expect(check.status == 1, "\(check)")
        let lines = check.stdout.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("conflict:") && lines[0].contains("setup and access") && lines[0].contains("[x]"), "\(check)")
        return (ws, owner, todo)
    }

    private func count(_ fragment: String, in data: Data) -> Int {
        String(decoding: data, as: UTF8.self).components(separatedBy: fragment).count - 1
    }

    @Test func puttingTheDocumentsBackResolvesAConflictWithoutADuplicate() throws {
        let (ws, owner, todo) = try conflicted()
        defer { ws.remove() }
        write(String(decoding: owner, as: UTF8.self), to: ws.ownerDoc)
        write(String(decoding: todo, as: UTF8.self), to: ws.todo)
        let r = try ws.ctoboard(["sync"])
        #expect(r.status == 0, "\(r)")
        #expect(ws.ownerBytes == owner && ws.todoBytes == todo, "\(r)")
    }

    @Test func makingTheDocumentsAgreeByHandResolvesAConflictWithoutADuplicate() throws {
        let (ws, _, _) = try conflicted()
        defer { ws.remove() }
        write(text(ws.todo).replacingOccurrences(of: "GitHub repository setup", with: "GitHub repository setup and access"), to: ws.todo)
        write(text(ws.ownerDoc).replacingOccurrences(of: "- [ ] **VERIFY**: GitHub", with: "- [x] **VERIFY**: GitHub"), to: ws.ownerDoc)
        let (owner, todo) = (ws.ownerBytes, ws.todoBytes)
        let r = try ws.ctoboard(["sync"])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r)")
        #expect(ws.ownerBytes == owner && ws.todoBytes == todo)
        #expect(count("GitHub repository setup", in: ws.ownerBytes) == 1)
        #expect(count("GitHub repository setup", in: ws.todoBytes) == 1)
    }

    @Test(arguments: ["owner", "todo"])
    func aRenameAndACheckboxAreOneConflictResolvedInPlace(_ side: String) throws {
        let (ws, owner, _) = try conflicted()
        defer { ws.remove() }
        // Another command meanwhile leaves the conflict as it is.
        #expect(try ws.ctoboard(["toggle", "Netlify deployment setup"]).status == 0)
        let r = try ws.ctoboard(["sync", "--prefer", side])
        #expect(r.status == 0, "\(r)")
        let title = side == "owner" ? "**VERIFY**: GitHub repository setup and access" : Self.github
        for doc in [ws.ownerBytes, ws.todoBytes] {
            #expect(count("GitHub repository setup", in: doc) == 1, "\(r)")
            #expect(checkbox(title, in: doc) == (side == "todo"), "\(r)")
        }
        // In place: the owner document's lines are in the same order as before.
        let lines = text(ws.ownerDoc).split(separator: "\n").filter { $0.hasPrefix("- [") }.map { $0.dropFirst(6).prefix(20) }
        let before = String(decoding: owner, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("- [") }.map { $0.dropFirst(6).prefix(20) }
        #expect(lines == before)
        #expect(try ws.ctoboard(["check"]).status == 0)
    }
}
