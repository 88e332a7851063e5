import Foundation
import Testing

@Suite("Command line: bad input, help, version")
struct CLITests {
    /// Bad input: exit 2, one line on standard error naming the path, nothing written.
    private func expectBadInput(_ ws: Workspace, _ args: [String], naming path: String, saying words: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = ws.documents
        let r = try runProcess(ctoboardBinary, args, cwd: ws.root)
        #expect(r.status == 2, "\(args): \(r)", sourceLocation: sourceLocation)
        let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!message.isEmpty && !message.contains("\n"), "not one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(message.contains(path), "does not name \(path): \(message)", sourceLocation: sourceLocation)
        #expect(message.contains(words), "does not say \(words): \(message)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(ws.documents == before, sourceLocation: sourceLocation)
        // At most the lock file: no journal, base or history.
        let state = (try? FileManager.default.contentsOfDirectory(atPath: ws.stateFolder)) ?? []
        #expect(state.allSatisfy { $0 == "lock" }, "state written on bad input: \(state)", sourceLocation: sourceLocation)
        #expect(ws.leftoverTemps.isEmpty, sourceLocation: sourceLocation)
    }

    /// A tag typed into a title would place or own the task against what the command says:
    /// refused, naming the tag, nothing written.
    @Test(arguments: ["[Status: Done]", "[Owner: QA]", "[priority: high]"])
    func aTitleWithATagIsRefused(_ tag: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = ws.documents
        let r = try ws.ctoboard(["add", "Review \(tag) tags", "--to", "low"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(tag) && r.stderr.contains("leave it out"), "\(r.stderr)")
        #expect(ws.documents == before)
        // In backticks it is part of the title.
        #expect(try ws.ctoboard(["add", "Review `\(tag)` tags", "--to", "low"]).status == 0)
    }

    @Test(arguments: ["toggle", "list", "check", "sync"])
    func missingOwnerDocument(_ command: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let missing = ws.root + "/docs/Development/NOPE.md"
        try expectBadInput(ws, [command] + (command == "toggle" ? ["Conduct"] : []) + ["--owner-doc", missing],
                           naming: missing, saying: "no such file")
    }

    @Test func ownerDocumentIsAFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let folder = ws.root + "/docs/Development"
        try expectBadInput(ws, ["toggle", "Conduct", "--owner-doc", folder, "--todo", ws.todo], naming: folder, saying: "folder")
        try expectBadInput(ws, ["list", "--owner-doc", folder], naming: folder, saying: "folder")
    }

    @Test func binaryDocument() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let binary = ws.root + "/docs/blob.md"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x23, 0x20, 0x00, 0x01, 0xFF, 0x0A]))
        try expectBadInput(ws, ["toggle", "Conduct", "--owner-doc", ws.ownerDoc, "--todo", binary], naming: binary, saying: "binary")
        try expectBadInput(ws, ["check", "--owner-doc", binary, "--todo", ws.todo], naming: binary, saying: "binary")
    }

    @Test func missingSyncLine() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let bare = ws.root + "/docs/Development/BARE.md"
        _ = FileManager.default.createFile(atPath: bare, contents: Data("# Owner\n\n## In Progress\n- [ ] Something\n".utf8))
        try expectBadInput(ws, ["toggle", "Something", "--owner-doc", bare], naming: bare, saying: "sync")
        // With --todo it works.
        let r = try runProcess(ctoboardBinary, ["list", "--owner-doc", bare, "--todo", ws.todo], cwd: ws.root)
        #expect(r.status == 0, "\(r)")
    }

    @Test func unknownTaskIsBadInput() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = ws.documents
        let r = try ws.ctoboard(["toggle", "no task has this title"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("no task has this title"))
        #expect(ws.documents == before)
    }

    @Test func helpAndVersion() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let help = try runProcess(ctoboardBinary, ["--help"], cwd: ws.root)
        #expect(help.status == 0, "\(help)")
        for word in ["USAGE", "toggle", "sync", "undo", "Exit codes"] {
            #expect(help.stdout.contains(word), "--help lacks \(word)")
        }
        let sub = try runProcess(ctoboardBinary, ["toggle", "--help"], cwd: ws.root)
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("--owner-doc"))
        let version = try runProcess(ctoboardBinary, ["--version"], cwd: ws.root)
        #expect(version.status == 0, "\(version)")
        let v = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(v.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+"#, options: .regularExpression) != nil, "version: \(v)")
    }

    @Test func exitCodesForDriftUndoAndDryRun() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Nothing to undo: exit 1.
        let undo = try ws.ctoboard(["undo"])
        #expect(undo.status == 1, "\(undo)")
        // The first sync of the agreeing pair stores the base.
        let first = try ws.ctoboard(["sync"])
        #expect(first.status == 0, "\(first)")
        // An external edit in TODO.md is drift until synced.
        let todo = String(decoding: ws.todoBytes, as: UTF8.self)
            .replacingOccurrences(of: "- [ ] Conduct security audits [Owner: CTO]", with: "- [x] Conduct security audits [Owner: CTO]")
        try Data(todo.utf8).write(to: URL(fileURLWithPath: ws.todo))
        let check = try ws.ctoboard(["check"])
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("Conduct security audits"))
        // A dry run shows a unified diff of the owner document and writes nothing.
        let before = ws.documents
        let dry = try ws.ctoboard(["sync", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("-- [ ] Conduct security audits"))
        #expect(dry.stdout.contains("+- [x] Conduct security audits"))
        #expect(ws.documents == before)
        let sync = try ws.ctoboard(["sync"])
        #expect(sync.status == 0, "\(sync)")
        #expect(checkbox("Conduct security audits", in: ws.ownerBytes) == true)
        #expect(try ws.ctoboard(["check"]).status == 0)
        // Reorder accepts a negative count.
        let up = try ws.ctoboard(["reorder", "Conduct security audits", "--by", "-1"])
        #expect(up.status == 0, "\(up)")
    }
}
