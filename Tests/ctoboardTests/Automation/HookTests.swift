import Foundation
import Testing

/// `ctoboard hook install|uninstall` in a temp git repository, with real commits.
@Suite("hook: the pre-commit hook refuses drift, or syncs")
struct HookTests {
    private func preCommit(_ repo: AutoRepo) -> String { repo.hooksFolder + "/pre-commit" }

    @Test("check mode refuses a drifting commit, listing the difference, and accepts a clean one")
    func checkMode() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let install = try repo.ctoboard(["hook", "install"] + repo.pairArgs)
        #expect(install.status == 0, "\(install)")
        #expect(FileManager.default.isExecutableFile(atPath: preCommit(repo)))

        // TODO.md alone checks a task: the documents drift.
        try Auto.write(repo.todo, Auto.setting("Conduct security audits", checked: true, in: repo.todoText))
        try repo.git("add", "-A")
        let refused = try repo.git("commit", "-m", "drift", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.output.contains("Conduct security audits"), "the difference is not listed:\n\(refused)")
        #expect(refused.output.contains("ctoboard sync"), "\(refused)")
        #expect(try repo.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // Fixed in the owner document too: the commit goes in.
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        try repo.git("add", "-A")
        let accepted = try repo.git("commit", "-q", "-m", "clean", check: false)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try repo.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test("an existing hook is kept, still runs, and uninstall restores it byte for byte")
    func chainedHookAndUninstall() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo.hooksFolder, withIntermediateDirectories: true)
        let original = "#!/bin/sh\n# the project's own hook\necho ran >> \"$(git rev-parse --show-toplevel)/.git/hook-marker\"\nexit 0\n"
        try Auto.write(preCommit(repo), original)
        #expect(chmod(preCommit(repo), 0o750) == 0)
        let attributes = repo.root + "/.gitattributes"
        let originalAttributes = "*.png binary\n"
        try Auto.write(attributes, originalAttributes)
        try repo.git("config", "merge.other.driver", "true")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "attributes")
        let marker = repo.root + "/.git/hook-marker"
        #expect(Auto.read(marker) == "ran\n", "the project's hook did not run before install")
        try fm.removeItem(atPath: marker)

        let install = try repo.ctoboard(["hook", "install", "--merge-driver"] + repo.pairArgs)
        #expect(install.status == 0, "\(install)")
        #expect(Auto.read(preCommit(repo) + ".ctoboard-chained") == original)
        #expect(Auto.read(preCommit(repo)).contains("ctoboard"))
        #expect(Auto.read(attributes).hasPrefix(originalAttributes))
        #expect(Auto.read(attributes).contains("merge=ctoboard"))
        #expect(try repo.git("config", "--get", "merge.ctoboard.driver").stdout.contains("merge-driver"))

        // Installing twice changes nothing: the chained hook is not chained to itself.
        let hookText = Auto.read(preCommit(repo)), attributesText = Auto.read(attributes)
        #expect(try repo.ctoboard(["hook", "install", "--merge-driver"] + repo.pairArgs).status == 0)
        #expect(Auto.read(preCommit(repo)) == hookText)
        #expect(Auto.read(preCommit(repo) + ".ctoboard-chained") == original)
        #expect(Auto.read(attributes) == attributesText)

        // A clean commit runs the project's hook, then ours.
        try Auto.write(repo.root + "/notes.txt", "notes\n")
        try repo.git("add", "notes.txt")
        let clean = try repo.git("commit", "-q", "-m", "notes", check: false)
        #expect(clean.status == 0, "\(clean)")
        #expect(Auto.read(marker) == "ran\n")

        // A drifting commit: the project's hook still ran, ours refused.
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        try repo.git("add", "-A")
        let refused = try repo.git("commit", "-q", "-m", "drift", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(Auto.read(marker) == "ran\nran\n")
        try repo.git("reset", "-q")
        try repo.git("checkout", "-q", "--", Auto.ownerRelative)

        let uninstall = try repo.ctoboard(["hook", "uninstall"])
        #expect(uninstall.status == 0, "\(uninstall)")
        let restored = try #require(fm.contents(atPath: preCommit(repo)))
        #expect(restored == Data(original.utf8))
        let mode = try fm.attributesOfItem(atPath: preCommit(repo))[.posixPermissions] as? Int
        #expect(mode == 0o750)
        #expect(!fm.fileExists(atPath: preCommit(repo) + ".ctoboard-chained"))
        #expect(fm.contents(atPath: attributes) == Data(originalAttributes.utf8))
        #expect(try repo.git("config", "--get-regexp", "^merge\\.ctoboard\\.", check: false).stdout.isEmpty)
        #expect(try repo.git("config", "--get", "merge.other.driver").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "true")
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty, "uninstall left changes")

        // Uninstalled: a drifting commit goes in (only the project's hook runs).
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        try repo.git("add", "-A")
        #expect(try repo.git("commit", "-q", "-m", "drift allowed", check: false).status == 0)
        #expect(Auto.read(marker) == "ran\nran\nran\n")
    }

    @Test("uninstall without an earlier hook removes the hook and .gitattributes entirely")
    func uninstallWithoutEarlierHook() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        let fm = FileManager.default
        #expect(try repo.ctoboard(["hook", "install", "--merge-driver"] + repo.pairArgs).status == 0)
        #expect(fm.fileExists(atPath: preCommit(repo)))
        #expect(fm.fileExists(atPath: repo.root + "/.gitattributes"))
        let r = try repo.ctoboard(["hook", "uninstall"])
        #expect(r.status == 0, "\(r)")
        #expect(!fm.fileExists(atPath: preCommit(repo)))
        #expect(!fm.fileExists(atPath: repo.root + "/.gitattributes"))
        #expect(try repo.git("config", "--get-regexp", "^merge\\.ctoboard\\.", check: false).stdout.isEmpty)
    }

    @Test("sync mode: a commit with a one-sided edit goes in with both documents in sync")
    func syncMode() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        // The pair's last synced state, against which the edit is one-sided.
        #expect(try repo.ctoboard(["sync"] + repo.pairArgs).status == 0)
        let install = try repo.ctoboard(["hook", "install", "--mode", "sync"] + repo.pairArgs)
        #expect(install.status == 0, "\(install)")

        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        try repo.git("add", Auto.ownerRelative)
        let commit = try repo.git("commit", "-q", "-m", "Security audits done", check: false)
        #expect(commit.status == 0, "\(commit)")

        // The commit holds both documents, in sync.
        let changed = try repo.git("show", "--name-only", "--format=", "HEAD").stdout
            .split(separator: "\n").map(String.init).sorted()
        #expect(changed == [Auto.ownerRelative, Auto.todoRelative], "\(changed)")
        let committedOwner = try repo.git("show", "HEAD:\(Auto.ownerRelative)").stdout
        let committedTodo = try repo.git("show", "HEAD:\(Auto.todoRelative)").stdout
        #expect(Auto.checked("Conduct security audits", in: committedOwner) == true)
        #expect(Auto.checked("Conduct security audits", in: committedTodo) == true)
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty)
        #expect(try repo.ctoboard(["check"] + repo.pairArgs).status == 0)

        // A conflict refuses the commit.
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: false, in: repo.ownerText))
        try Auto.write(repo.todo, Auto.replacingLine(containing: "] Conduct security audits",
                                                     with: "- [x] Conduct security audits every quarter [Owner: CTO]", in: repo.todoText))
        try repo.git("add", "-A")
        let refused = try repo.git("commit", "-q", "-m", "conflict", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.output.contains("Conduct security audits"), "\(refused)")
    }

    @Test("check mode checks what is staged: TODO.md staged alone is refused, and the printed command fixes it")
    func checkModeChecksStagedVersions() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["hook", "install"] + repo.pairArgs).status == 0)
        // Both files agree on disk, but only TODO.md is staged: the commit would drift.
        let owner = Auto.setting("Conduct security audits", checked: true, in: repo.ownerText)
        let todo = Auto.setting("Conduct security audits", checked: true, in: repo.todoText)
        try Auto.write(repo.ownerDoc, owner)
        try Auto.write(repo.todo, todo)
        try repo.git("add", Auto.todoRelative)
        let refused = try repo.git("commit", "-m", "TODO.md alone", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.output.contains("Conduct security audits"), "\(refused)")
        // The same with the path on the command line (git commits a temporary index).
        let refusedByPath = try repo.git("commit", "-m", "TODO.md alone", "--", Auto.todoRelative, check: false)
        #expect(refusedByPath.status != 0, "\(refusedByPath)")
        #expect(try repo.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // The message names the exact command, with both documents quoted; it works on this
        // repository, which was never synced.
        let marker = "run: "
        let line = try #require(refused.stderr.split(separator: "\n").first { $0.contains(marker) }, "\(refused)")
        let command = String(line[line.range(of: marker)!.upperBound...])
        #expect(command == "ctoboard sync --owner-doc 'docs/Development/CTO_OWNER.md' --todo 'docs/Project Management/TODO.md'"
                + " && git add -- 'docs/Development/CTO_OWNER.md' 'docs/Project Management/TODO.md'")
        let binFolder = (Auto.binary as NSString).deletingLastPathComponent
        let path = binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let fix = try Auto.run("/bin/sh", ["-c", command], in: repo.root, environment: ["PATH": path])
        #expect(fix.status == 0, "\(fix)")
        #expect(repo.ownerText == owner)
        #expect(repo.todoText == todo)
        let accepted = try repo.git("commit", "-q", "-m", "both", check: false)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test("check mode does not refuse an unrelated commit because of an unstaged edit to a document")
    func checkModeIgnoresUnstagedEdits() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["hook", "install"] + repo.pairArgs).status == 0)
        let todo = Auto.setting("Conduct security audits", checked: true, in: repo.todoText)
        try Auto.write(repo.todo, todo)
        try Auto.write(repo.root + "/notes.txt", "notes\n")
        try repo.git("add", "notes.txt")
        let commit = try repo.git("commit", "-q", "-m", "notes", check: false)
        #expect(commit.status == 0, "\(commit)")
        #expect(repo.todoText == todo)
        #expect(try repo.git("status", "--porcelain").stdout == " M \"\(Auto.todoRelative)\"\n")
    }

    @Test("sync mode refuses a commit while a document has edits that are not staged: they are not committed")
    func syncModeRefusesUnstagedEdits() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["sync"] + repo.pairArgs).status == 0)
        #expect(try repo.ctoboard(["hook", "install", "--mode", "sync"] + repo.pairArgs).status == 0)
        let head = try repo.git("rev-parse", "HEAD").stdout
        try Auto.write(repo.root + "/main.c", "int main(void) { return 0; }\n")
        try repo.git("add", "main.c")
        let todo = repo.todoText + "- [ ] WIP: half-written, not ready [Owner: CTO]\n"
        try Auto.write(repo.todo, todo)
        let owner = repo.ownerText

        let refused = try repo.git("commit", "-q", "-m", "add main.c", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.output.contains(Auto.todoRelative) && refused.output.contains("not staged"), "\(refused)")
        // Nothing was committed, synced or staged: the work in progress is as it was.
        #expect(try repo.git("rev-parse", "HEAD").stdout == head)
        #expect(repo.todoText == todo)
        #expect(repo.ownerText == owner)
        #expect(try repo.git("diff", "--cached", "--name-only").stdout == "main.c\n")
    }

    @Test("sync mode refuses a commit while a document is not tracked: it is not added to the commit")
    func syncModeRefusesUntrackedDocuments() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        try repo.git("rm", "-rq", "--cached", "docs")
        try repo.git("commit", "-qm", "docs untracked")
        #expect(try repo.ctoboard(["hook", "install", "--mode", "sync"] + repo.pairArgs).status == 0)
        let head = try repo.git("rev-parse", "HEAD").stdout
        try Auto.write(repo.root + "/notes.txt", "notes\n")
        try repo.git("add", "notes.txt")
        let refused = try repo.git("commit", "-q", "-m", "notes", check: false)
        #expect(refused.status != 0, "\(refused)")
        #expect(refused.output.contains("is not tracked by git"), "\(refused)")
        #expect(try repo.git("rev-parse", "HEAD").stdout == head)
        #expect(try repo.git("diff", "--cached", "--name-only").stdout == "notes.txt\n")
    }

    @Test("sync mode on a repository never synced carries a one-sided edit (the committed pair is the base)")
    func syncModeWithoutBase() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["hook", "install", "--mode", "sync"] + repo.pairArgs).status == 0)
        let todo = Auto.setting("Conduct security audits", checked: true, in: repo.todoText)
        try Auto.write(repo.todo, todo)
        try repo.git("add", Auto.todoRelative)
        let commit = try repo.git("commit", "-q", "-m", "Audits done", check: false)
        #expect(commit.status == 0, "\(commit)")
        let committedOwner = try repo.git("show", "HEAD:\(Auto.ownerRelative)").stdout
        #expect(Auto.checked("Conduct security audits", in: committedOwner) == true)
        #expect(try repo.git("show", "HEAD:\(Auto.todoRelative)").stdout == todo)
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty)
    }
}
