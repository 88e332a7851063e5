import Foundation
import Testing

/// Helpers for the automation end-to-end tests (watch, hook, several owners, merge driver): the
/// built binary, a temp git repository holding a copy of Examples/workspace, running commands,
/// background processes and bounded polling.
enum Auto {
    /// The package root, from this file's location (Tests/ctoboardTests/…).
    static let packageRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The fixed date for **Last Updated** lines.
    static let today = "2026-11-27"

    static let ownerRelative = "docs/Development/CTO_OWNER.md"
    static let todoRelative = "docs/Project Management/TODO.md"

    /// The `ctoboard` executable of this build: walks up from the running test binary (tests may
    /// run with `--scratch-path`) to the folder that holds `ctoboard`.
    static let binary: String = TestBinary.path ?? packageRoot + "/.build/debug/ctoboard"

    /// The environment of every child: no inherited ctoboard or git settings, a fixed date, git
    /// isolated from the user's and the system's config.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CTOBOARD_") && !$0.key.hasPrefix("GIT_") }
        env["CTOBOARD_TODAY"] = today
        env["NO_COLOR"] = "1"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = "true"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// What a finished command did.
    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
        var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
    }

    /// Runs a program to completion (bounded), its output captured in files so no pipe fills up.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String,
                    environment extra: [String: String] = [:], timeout: Double = 60) throws -> Result {
        let process = BackgroundProcess(executable, arguments, in: directory, environment: extra)
        try process.start()
        if !process.waitForExit(timeout: timeout) {
            process.signal(SIGKILL)
            _ = process.waitForExit(timeout: 5)
            Issue.record("\(executable) \(arguments) did not finish within \(timeout) s")
        }
        defer { process.cleanUp() }
        return Result(status: process.status ?? -1, stdout: process.stdout, stderr: process.stderr)
    }

    // MARK: Files

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    static func write(_ path: String, _ text: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The task line (`- [ ] TITLE…`) of `title`, or nil.
    static func taskLine(_ title: String, in text: String) -> String? {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .first { $0.hasPrefix("- [") && $0.dropFirst(6).hasPrefix(title) }.map(String.init)
    }

    /// The checkbox of `title` in `text`: true checked, false unchecked, nil missing.
    static func checked(_ title: String, in text: String) -> Bool? {
        taskLine(title, in: text).map { $0.hasPrefix("- [x]") || $0.hasPrefix("- [X]") }
    }

    /// `text` with the checkbox of the task `title` set.
    static func setting(_ title: String, checked: Bool, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.hasPrefix("- [") && $0.dropFirst(6).hasPrefix(title) }) else {
            Issue.record("no task \(title)")
            return text
        }
        lines[i] = (checked ? "- [x]" : "- [ ]") + lines[i].dropFirst(5)
        return lines.joined(separator: "\n")
    }

    /// `text` with the first line containing `old` replaced by `new` (the whole line).
    static func replacingLine(containing old: String, with new: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains(old) }) else {
            Issue.record("no line with \(old)")
            return text
        }
        lines[i] = new
        return lines.joined(separator: "\n")
    }

    /// `text` with `line` inserted after the first line containing `anchor`.
    static func inserting(_ line: String, after anchor: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains(anchor) }) else {
            Issue.record("no line with \(anchor)")
            return text
        }
        lines.insert(line, at: i + 1)
        return lines.joined(separator: "\n")
    }

    /// `text` with the first line containing `title` removed.
    static func removingLine(containing title: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains(title) }) else {
            Issue.record("no line with \(title)")
            return text
        }
        lines.remove(at: i)
        return lines.joined(separator: "\n")
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` seconds pass; returns whether it held.
@discardableResult
func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// A child process running in the background, its output going to files the test can read at
/// any time.
final class BackgroundProcess: @unchecked Sendable {
    let process = Process()
    private let outPath: String
    private let errPath: String
    private var handles: [FileHandle] = []

    init(_ executable: String, _ arguments: [String], in directory: String, environment extra: [String: String] = [:]) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = Auto.environment(extra)
        outPath = NSTemporaryDirectory() + "ctoboard-auto-\(UUID().uuidString).out"
        errPath = outPath + ".err"
    }

    func start() throws {
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        handles = [out, err]
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { Auto.read(outPath) }
    var stderr: String { Auto.read(errPath) }
    /// Standard error's lines.
    var logLines: [String] { stderr.split(separator: "\n").map(String.init) }
    var isRunning: Bool { process.isRunning }
    /// The exit status once it ended.
    var status: Int32? { process.isRunning ? nil : process.terminationStatus }
    var exitedNormally: Bool { !process.isRunning && process.terminationReason == .exit }

    func signal(_ sig: Int32) {
        if process.isRunning { kill(process.processIdentifier, sig) }
    }

    /// Waits (bounded) for the process to end; true when it did.
    func waitForExit(timeout: Double) -> Bool {
        waitUntil(timeout: timeout) { !process.isRunning }
    }

    /// Kills the process if it still runs and removes the output files.
    func cleanUp() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        for h in handles { try? h.close() }
        handles = []
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
}

/// A temp git repository holding a copy of Examples/workspace, committed once.
final class AutoRepo: @unchecked Sendable {
    let root: String

    var ownerDoc: String { root + "/" + Auto.ownerRelative }
    var todo: String { root + "/" + Auto.todoRelative }
    var hooksFolder: String { root + "/.git/hooks" }

    init(commit: Bool = true) throws {
        root = NSTemporaryDirectory() + "ctoboard-auto-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Auto.packageRoot + "/Examples/workspace/docs", toPath: root + "/docs")
        try git("init", "-q")
        try git("config", "user.email", "tests@ctoboard.invalid")
        try git("config", "user.name", "ctoboard tests")
        try git("config", "commit.gpgsign", "false")
        try git("config", "core.autocrlf", "false")
        if commit {
            try git("add", "-A")
            try git("commit", "-q", "-m", "Example workspace")
        }
    }

    /// A clone of the repository at `source`, with the same test identity.
    init(cloning source: String) throws {
        root = NSTemporaryDirectory() + "ctoboard-clone-" + UUID().uuidString.prefix(8)
        try Auto.run("/usr/bin/env", ["git", "clone", "-q", source, root], in: NSTemporaryDirectory())
        try git("config", "user.email", "teammate@ctoboard.invalid")
        try git("config", "user.name", "ctoboard teammate")
        try git("config", "commit.gpgsign", "false")
        try git("config", "core.autocrlf", "false")
    }

    /// The repository already at `root` (for example after moving one).
    init(existing root: String) { self.root = root }

    /// Runs git in the repository; fails the test when it fails (unless `check` is false).
    @discardableResult
    func git(_ args: String..., check: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> Auto.Result {
        let r = try Auto.run("/usr/bin/env", ["git"] + args, in: root)
        if check && r.status != 0 { Issue.record("git \(args.joined(separator: " ")) failed: \(r)", sourceLocation: sourceLocation) }
        return r
    }

    /// Runs ctoboard in the repository root.
    @discardableResult
    func ctoboard(_ args: [String], environment: [String: String] = [:]) throws -> Auto.Result {
        try Auto.run(Auto.binary, args, in: root, environment: environment)
    }

    /// Starts ctoboard in the background.
    func start(_ args: [String]) throws -> BackgroundProcess {
        let p = BackgroundProcess(Auto.binary, args, in: root)
        try p.start()
        return p
    }

    /// `--owner-doc` and `--todo` for the CTO pair.
    var pairArgs: [String] { ["--owner-doc", Auto.ownerRelative, "--todo", Auto.todoRelative] }

    var ownerText: String { Auto.read(ownerDoc) }
    var todoText: String { Auto.read(todo) }

    func path(_ relative: String) -> String { root + "/" + relative }
    func read(_ relative: String) -> String { Auto.read(path(relative)) }
    func write(_ relative: String, _ text: String) throws { try Auto.write(path(relative), text) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
