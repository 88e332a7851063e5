import Foundation
import Testing
import CTOBoardCore

/// Probes for what this machine allows, so that tests needing it are skipped elsewhere.
enum Capabilities {
    /// A folder (under /tmp or /var/tmp) whose file system supports `chattr +i`, if any.
    static let immutableBase: String? = {
        for base in [NSTemporaryDirectory(), "/tmp", "/var/tmp"] {
            let probe = (base.hasSuffix("/") ? base : base + "/") + "ctoboard-chattr-probe-\(UUID().uuidString.prefix(8))"
            guard FileManager.default.createFile(atPath: probe, contents: Data("x".utf8)) else { continue }
            defer {
                _ = try? runProcess("/usr/bin/env", ["chattr", "-i", probe], cwd: "/")
                try? FileManager.default.removeItem(atPath: probe)
            }
            guard let set = try? runProcess("/usr/bin/env", ["chattr", "+i", probe], cwd: "/"), set.status == 0 else { continue }
            // Immutable for real: even root cannot open it for writing.
            if open(probe, O_WRONLY) < 0 { return base }
        }
        return nil
    }()

    /// Whether a tmpfs can be mounted (root, not in a restricted container).
    static let canMountTmpfs: Bool = {
        let dir = NSTemporaryDirectory() + "ctoboard-mount-probe-\(UUID().uuidString.prefix(8))"
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let m = try? runProcess("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], cwd: "/"), m.status == 0 else { return false }
        _ = try? runProcess("/usr/bin/env", ["umount", dir], cwd: "/")
        return true
    }()

    static let isRoot = getuid() == 0
}

@Suite("Write failures leave both documents unchanged")
struct FailureTests {
    static let toggle = ["toggle", "Conduct security audits"]

    /// Steps before the commit point and the renames: the command fails and nothing changes.
    static let failingSteps = ["locked", "staged-owner", "staged-todo", "journal-written", "journal-synced", "renamed-owner", "renamed-todo"]

    /// One line on standard error, naming `path` and the cause.
    private func expectOneLine(_ r: RunResult, naming path: String, cause: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!text.isEmpty && !text.contains("\n"), "stderr is not one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(text.contains(path), "stderr does not name \(path): \(text)", sourceLocation: sourceLocation)
        #expect(text.contains(cause), "stderr does not give the cause \(cause): \(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: failingSteps, ["EIO", "ENOSPC", "EACCES"])
    func injectedFailure(_ step: String, _ code: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = ws.documents
        let r = try ws.ctoboard(Self.toggle, env: ["CTOBOARD_FAIL": "\(step):\(code)"])
        #expect(r.status == 3, "\(step):\(code): \(r)")
        let cause = ["EIO": "Input/output error", "ENOSPC": "No space left on device", "EACCES": "Permission denied"][code]!
        let path: String
        switch step {
        case "locked": path = ws.stateFolder
        case "staged-owner", "renamed-owner": path = ws.ownerDoc
        case "staged-todo", "renamed-todo": path = ws.todo
        default: path = ws.stateFolder + "/journal"
        }
        expectOneLine(r, naming: path, cause: cause)
        #expect(ws.documents == before, "a document changed after a failure at \(step)")
        #expect(ws.leftoverTemps.isEmpty)
        #expect(!ws.hasJournal)
        // The next command works.
        let again = try ws.ctoboard(Self.toggle)
        #expect(again.status == 0, "\(again)")
        #expect(checkbox("Conduct security audits", in: ws.ownerBytes) == true)
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == true)
    }

    @Test(arguments: ["base-stored", "history-stored", "journal-removed"])
    func failureAfterBothDocumentsAreWrittenIsFinishedLater(_ step: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try ws.ctoboard(Self.toggle, env: ["CTOBOARD_FAIL": "\(step):EIO"])
        // Both documents are new and the journal finishes the job: the change is made.
        #expect(r.status == 0, "\(r)")
        #expect(checkbox("Conduct security audits", in: ws.ownerBytes) == true)
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == true)
        #expect(try ws.ctoboard(["check"]).status == 0)
        #expect(!ws.hasJournal)
        // The history line made it, once: undo reverts the toggle.
        #expect(ws.historyLines.count == 1)
        #expect(try ws.ctoboard(["undo"]).status == 0)
        #expect(ws.documents == [Workspace.exampleOwner, Workspace.exampleTodo])
    }

    @Test(.enabled(if: Capabilities.immutableBase != nil, "chattr +i is not supported on the temp file systems"))
    func immutableDocument() throws {
        let ws = try Workspace(in: Capabilities.immutableBase)
        defer {
            _ = try? runProcess("/usr/bin/env", ["chattr", "-i", ws.todo], cwd: "/")
            ws.remove()
        }
        let before = ws.documents
        let set = try runProcess("/usr/bin/env", ["chattr", "+i", ws.todo], cwd: "/")
        try #require(set.status == 0, "\(set)")
        let r = try ws.ctoboard(Self.toggle)
        #expect(r.status == 3, "\(r)")
        expectOneLine(r, naming: ws.todo, cause: "Operation not permitted")
        #expect(ws.documents == before)
        #expect(ws.leftoverTemps.isEmpty)
        #expect(!ws.hasJournal)
        // The owner document may be immutable instead.
        _ = try runProcess("/usr/bin/env", ["chattr", "-i", ws.todo], cwd: "/")
        _ = try runProcess("/usr/bin/env", ["chattr", "+i", ws.ownerDoc], cwd: "/")
        defer { _ = try? runProcess("/usr/bin/env", ["chattr", "-i", ws.ownerDoc], cwd: "/") }
        let r2 = try ws.ctoboard(Self.toggle)
        #expect(r2.status == 3, "\(r2)")
        expectOneLine(r2, naming: ws.ownerDoc, cause: "Operation not permitted")
        #expect(ws.documents == before)
    }

    @Test(.enabled(if: Capabilities.canMountTmpfs, "mounting a tmpfs is not permitted here"))
    func fullFileSystem() throws {
        let mountPoint = NSTemporaryDirectory() + "ctoboard-full-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let mount = try runProcess("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint], cwd: "/")
        try #require(mount.status == 0, "\(mount)")
        defer { _ = try? runProcess("/usr/bin/env", ["umount", mountPoint], cwd: "/") }

        // The pair on the small file system, outside any git work tree: the state folder is
        // .ctoboard/ beside the owner document, on the full file system too.
        let ws = try Workspace(in: mountPoint, git: false)
        let before = ws.documents
        // Fill the disk; dd stops with ENOSPC.
        _ = try runProcess("/usr/bin/env", ["dd", "if=/dev/zero", "of=\(mountPoint)/fill", "bs=4k"], cwd: "/")
        let df = try runProcess("/usr/bin/env", ["df", "-k", "--output=avail", mountPoint], cwd: "/")
        #expect(df.stdout.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } == "0", "the disk is full: \(df.stdout)")

        let r = try ws.ctoboard(Self.toggle)
        #expect(r.status == 3, "\(r)")
        expectOneLine(r, naming: ws.root, cause: "No space left on device")
        #expect(ws.documents == before)
        #expect(ws.leftoverTemps.isEmpty)
        // With room again, the same command works.
        try FileManager.default.removeItem(atPath: mountPoint + "/fill")
        let again = try ws.ctoboard(Self.toggle)
        #expect(again.status == 0, "\(again)")
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == true)
    }

    @Test func readOnlyDocument() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let before = ws.documents
        #expect(chmod(ws.todo, 0o444) == 0)
        let r = try ws.ctoboard(Self.toggle)
        #expect(r.status == 3, "\(r)")
        expectOneLine(r, naming: ws.todo, cause: "read-only")
        #expect(ws.documents == before)
        #expect(ws.leftoverTemps.isEmpty)
    }

    @Test func readOnlyFolder() throws {
        let ws = try Workspace()
        defer {
            chmod(ws.root + "/docs/Development", 0o755)
            ws.remove()
        }
        let before = ws.documents
        #expect(chmod(ws.root + "/docs/Development", 0o555) == 0)
        let r = try ws.ctoboard(Self.toggle)
        #expect(r.status == 3, "\(r)")
        expectOneLine(r, naming: ws.ownerDoc, cause: "read-only")
        #expect(ws.documents == before)
    }

    @Test func documentReplacedByAFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let owner = ws.ownerBytes
        try FileManager.default.removeItem(atPath: ws.todo)
        try FileManager.default.createDirectory(atPath: ws.todo, withIntermediateDirectories: false)
        let r = try ws.ctoboard(Self.toggle + ["--todo", ws.todo])
        #expect(r.status == 2, "\(r)")
        expectOneLine(r, naming: ws.todo, cause: "is a folder")
        #expect(ws.ownerBytes == owner)
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: ws.todo, isDirectory: &isDir) && isDir.boolValue)
    }
}
