import Foundation
import Testing

/// A cloned repository cannot make ctoboard write outside it: paths from `.ctoboard.toml`, the
/// sync line and symlinks are refused (exit 2, nothing written); paths given on the command line
/// are honoured.
@Suite("Security: a repository cannot make ctoboard write outside it")
struct SecurityTests {
    /// A folder beside the workspace (outside its work tree) holding a copy of TODO.md.
    struct Outside {
        let folder: String
        var todo: String { folder + "/TODO.md" }
        var bytes: Data { FileManager.default.contents(atPath: todo) ?? Data() }

        init(beside ws: Workspace) {
            folder = ws.root + "-outside"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: todo, contents: Workspace.exampleTodo)
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
        /// The outside TODO.md as a relative link from the workspace's TODO.md.
        var relative: String { "../../../" + (folder as NSString).lastPathComponent + "/TODO.md" }
    }

    static let add = ["add", "Planted task", "--to", "high"]

    /// Exit 2, one line naming `names`, nothing written: the outside file, the documents and the
    /// state folder are as before.
    private func expectRefused(_ r: RunResult, _ ws: Workspace, _ outside: Outside, before: [Data], names: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "\(r)", sourceLocation: sourceLocation)
        let text = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!text.contains("\n"), "not one line: \(r.stderr)", sourceLocation: sourceLocation)
        for n in names { #expect(text.contains(n), "stderr does not name \(n): \(text)", sourceLocation: sourceLocation) }
        #expect(outside.bytes == Workspace.exampleTodo, "the outside file changed", sourceLocation: sourceLocation)
        #expect(ws.documents == before, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: ws.stateFolder), "the state folder was made", sourceLocation: sourceLocation)
    }

    private func writeConfig(_ ws: Workspace, _ text: String) {
        _ = FileManager.default.createFile(atPath: ws.root + "/.ctoboard.toml", contents: Data(text.utf8))
    }

    @Test func configTodoOutsideTheWorkTreeIsRefused() throws {
        let ws = try Workspace()
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        writeConfig(ws, """
        [[pairs]]
        owner = "CTO"
        document = "\(Workspace.ownerRelative)"
        todo = "../\((outside.folder as NSString).lastPathComponent)/TODO.md"
        """)
        let before = ws.documents
        for args in [Self.add, ["sync"], ["check"], ["hook", "install", "--mode", "sync"]] {
            let r = try ws.ctoboard(args, pairOption: false)
            expectRefused(r, ws, outside, before: before, names: [".ctoboard.toml:4: `todo`", "outside the git work tree", "--todo"])
        }
        // Options before the subcommand name the same pair.
        let r = try runProcess(ctoboardBinary, ["--owner", "CTO", "add", "Planted"], cwd: ws.root)
        expectRefused(r, ws, outside, before: before, names: [".ctoboard.toml:4: `todo`"])
        // Given on the command line, the same file is the user's choice.
        let honoured = try ws.ctoboard(Self.add + ["--todo", outside.todo], pairOption: false)
        #expect(honoured.status == 0, "\(honoured)")
        #expect(String(decoding: outside.bytes, as: UTF8.self).contains("Planted task"))
    }

    @Test func configDocumentOutsideTheWorkTreeIsRefused() throws {
        let ws = try Workspace()
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        writeConfig(ws, "[[pairs]]\nowner = \"CTO\"\ndocument = \"../\((outside.folder as NSString).lastPathComponent)/TODO.md\"\n")
        let r = try ws.ctoboard(Self.add, pairOption: false)
        expectRefused(r, ws, outside, before: ws.documents, names: [".ctoboard.toml:3: `document`", "--owner-doc"])
    }

    @Test func dotDotInTheSyncLineIsRefused() throws {
        let ws = try Workspace()
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        let text = String(decoding: ws.ownerBytes, as: UTF8.self)
            .replacingOccurrences(of: "`docs/Project Management/TODO.md`", with: "`../\((outside.folder as NSString).lastPathComponent)/TODO.md`")
        _ = FileManager.default.createFile(atPath: ws.ownerDoc, contents: Data(text.utf8))
        let before = ws.documents
        for args in [Self.add, ["sync"], ["watch"]] {
            let r = try ws.ctoboard(args)
            expectRefused(r, ws, outside, before: before, names: ["CTO_OWNER.md:", "the sync line", "outside the git work tree", "--todo"])
        }
    }

    @Test func symlinkInTheRepositoryToAFileOutsideIsRefused() throws {
        let ws = try Workspace()
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        try FileManager.default.removeItem(atPath: ws.todo)
        try FileManager.default.createSymbolicLink(atPath: ws.todo, withDestinationPath: outside.relative)
        let before = ws.documents
        let r = try ws.ctoboard(Self.add)
        expectRefused(r, ws, outside, before: before, names: ["CTO_OWNER.md:", "through a symlink", outside.todo, "--todo"])
        // Through the config's `todo` key too.
        writeConfig(ws, "[[pairs]]\nowner = \"CTO\"\ndocument = \"\(Workspace.ownerRelative)\"\ntodo = \"\(Workspace.todoRelative)\"\n")
        expectRefused(try ws.ctoboard(Self.add, pairOption: false), ws, outside, before: before,
                      names: [".ctoboard.toml:4: `todo`", "through a symlink"])
        // Passed explicitly, the link is honoured.
        let honoured = try ws.ctoboard(Self.add + ["--todo", ws.todo])
        #expect(honoured.status == 0, "\(honoured)")
        #expect(String(decoding: outside.bytes, as: UTF8.self).contains("Planted task"))
    }

    @Test func symlinkThatStaysInsideIsFollowed() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.createDirectory(atPath: ws.root + "/real", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: ws.todo, toPath: ws.root + "/real/TODO.md")
        try FileManager.default.createSymbolicLink(atPath: ws.todo, withDestinationPath: "../../real/TODO.md")
        let r = try ws.ctoboard(Self.add)
        #expect(r.status == 0, "\(r)")
        let real = FileManager.default.contents(atPath: ws.root + "/real/TODO.md") ?? Data()
        #expect(String(decoding: real, as: UTF8.self).contains("Planted task"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: ws.todo)) == "../../real/TODO.md")
    }

    /// `editor` in a repository's config runs nothing: one warning line, the command works.
    @Test func editorInARepositoryConfigIsWarnedAndIgnored() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try "editor = \"touch /tmp/pwned {file}\"\n[[pairs]]\nowner = \"CTO\"\ndocument = \"\(Workspace.ownerRelative)\"\n"
            .write(toFile: ws.root + "/.ctoboard.toml", atomically: true, encoding: .utf8)
        let r = try ws.ctoboard(["list"], pairOption: false)
        #expect(r.status == 0, "\(r)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(".ctoboard.toml:1: `editor` runs a program") && lines[0].contains("ignored"), "\(r.stderr)")
    }

    /// The binary reads the user's own config from $XDG_CONFIG_HOME: there `editor` is fine, and
    /// repository settings are unknown keys.
    @Test func userConfigIsReadFromXDGConfigHome() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let xdg = ws.root + "-xdg"
        defer { try? FileManager.default.removeItem(atPath: xdg) }
        try FileManager.default.createDirectory(atPath: xdg + "/ctoboard", withIntermediateDirectories: true)
        try "editor = \"code -g {file}:{line}\"\ntheme = \"mono\"\n".write(toFile: xdg + "/ctoboard/config.toml", atomically: true, encoding: .utf8)
        let fine = try ws.ctoboard(["list"], env: ["XDG_CONFIG_HOME": xdg])
        #expect(fine.status == 0 && fine.stderr.isEmpty, "\(fine)")
        try "editor = \"x\"\nlock_timeout = 1\n".write(toFile: xdg + "/ctoboard/config.toml", atomically: true, encoding: .utf8)
        let r = try ws.ctoboard(["list"], env: ["XDG_CONFIG_HOME": xdg])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(xdg + "/ctoboard/config.toml:2: unknown key `lock_timeout`"), "\(r.stderr)")
    }

    /// Outside git, the state folder beside the owner document is private.
    @Test func stateFolderOutsideGitIsPrivate() throws {
        let ws = try Workspace(git: false)
        defer { ws.remove() }
        let r = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(r.status == 0, "\(r)")
        var st = stat()
        #expect(stat(ws.root + "/docs/Development/.ctoboard", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o700, "mode \(String(st.st_mode & 0o777, radix: 8))")
    }

    /// A state folder or lock file that is a symlink is refused, naming it.
    @Test(arguments: ["folder", "lock"])
    func symlinkedStateIsRefused(_ which: String) throws {
        let ws = try Workspace(git: false)
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        let state = ws.root + "/docs/Development/.ctoboard"
        let target = outside.folder + "/planted"
        if which == "folder" {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: state, withDestinationPath: target)
        } else {
            try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: state + "/lock", withDestinationPath: target)
        }
        let before = ws.documents
        let r = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(which == "folder" ? state : state + "/lock") && r.stderr.contains("is a symlink"), "\(r.stderr)")
        #expect(ws.documents == before)
        if which == "folder" {
            let planted = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            #expect(planted.isEmpty, "written through the link: \(planted)")
        } else {
            #expect(!FileManager.default.fileExists(atPath: target), "the lock was made through the link")
        }
    }

    /// Temp files and the journal are made with O_EXCL and never followed: a planted symlink
    /// in their place does not lead a write outside.
    @Test(arguments: ["temp", "journal"])
    func plantedSymlinkInPlaceOfAStateFileIsNotFollowed(_ which: String) throws {
        let ws = try Workspace()
        let outside = Outside(beside: ws)
        defer { ws.remove(); outside.remove() }
        let planted: String
        if which == "temp" {
            planted = (ws.todo as NSString).deletingLastPathComponent + "/.TODO.md.ctoboard-tmp"
        } else {
            try FileManager.default.createDirectory(atPath: ws.stateFolder, withIntermediateDirectories: true)
            planted = ws.stateFolder + "/journal"
        }
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: outside.todo)
        _ = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(outside.bytes == Workspace.exampleTodo, "written through \(planted)")
    }
}
