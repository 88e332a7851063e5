import Foundation
import Testing

/// The package root, from this file's path.
let cliPackageRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The `ctoboard` binary that `swift test` built: beside the test bundle, else under `.build`.
let ctoboardBinary: String = TestBinary.path ?? cliPackageRoot + "/.build/debug/ctoboard"

/// What a finished process did.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var signaled: Bool
    var stdout: String
    var stderr: String
    var seconds: Double

    var description: String { "status \(status)\(signaled ? " (signal)" : ""), stdout: \(stdout), stderr: \(stderr)" }
    /// Killed by SIGKILL.
    var killed: Bool { signaled && status == SIGKILL }
}

/// Runs a program and waits for it, capturing its output in files (no pipe can fill up).
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], cwd: String, environment extra: [String: String] = [:],
                timeout: Double = 60) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CTOBOARD_") }
    env["CTOBOARD_TODAY"] = "2026-11-05"
    env["NO_COLOR"] = "1"
    for (k, v) in extra { env[k] = v }
    process.environment = env
    let outPath = NSTemporaryDirectory() + "ctoboard-cli-\(UUID().uuidString).out"
    let errPath = outPath + ".err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    // Bounded wait.
    while process.isRunning {
        if Date().timeIntervalSince(start) > timeout {
            process.terminate()
            process.waitUntilExit()
            Issue.record("\(executable) \(arguments) timed out after \(timeout) s")
            break
        }
        usleep(2_000)
    }
    process.waitUntilExit()
    try? out.close()
    try? err.close()
    let seconds = Date().timeIntervalSince(start)
    return RunResult(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                     stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                     stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "", seconds: seconds)
}

/// Waits until `condition` holds, polling, for at most `seconds`.
func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// A temp copy of the example pair, in a fresh git repository unless `git` is false.
struct Workspace {
    let root: String
    static let ownerRelative = "docs/Development/CTO_OWNER.md"
    static let todoRelative = "docs/Project Management/TODO.md"
    var ownerDoc: String { root + "/" + Self.ownerRelative }
    var todo: String { root + "/" + Self.todoRelative }
    var stateFolder: String { root + "/.git/ctoboard" }

    static var exampleOwner: Data { FileManager.default.contents(atPath: cliPackageRoot + "/Examples/workspace/" + ownerRelative)! }
    static var exampleTodo: Data { FileManager.default.contents(atPath: cliPackageRoot + "/Examples/workspace/" + todoRelative)! }

    init(in base: String? = nil, git: Bool = true) throws {
        var parent = base ?? NSTemporaryDirectory()
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        root = parent + "/ctoboard-cli-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root + "/docs/Development", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/docs/Project Management", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: ownerDoc, contents: Self.exampleOwner)
        _ = FileManager.default.createFile(atPath: todo, contents: Self.exampleTodo)
        if git {
            let r = try runProcess("/usr/bin/env", ["git", "init", "-q", root], cwd: parent)
            guard r.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    /// Runs ctoboard in the workspace with `--owner-doc` added.
    @discardableResult
    func ctoboard(_ args: [String], env: [String: String] = [:], pairOption: Bool = true) throws -> RunResult {
        try runProcess(ctoboardBinary, args + (pairOption ? ["--owner-doc", ownerDoc] : []), cwd: root, environment: env)
    }

    var ownerBytes: Data { FileManager.default.contents(atPath: ownerDoc) ?? Data() }
    var todoBytes: Data { FileManager.default.contents(atPath: todo) ?? Data() }
    var documents: [Data] { [ownerBytes, todoBytes] }

    /// Every `*.ctoboard-tmp` file under the workspace.
    var leftoverTemps: [String] {
        let e = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let p = e?.nextObject() as? String { if p.hasSuffix(".ctoboard-tmp") { out.append(p) } }
        return out
    }

    var hasJournal: Bool { FileManager.default.fileExists(atPath: stateFolder + "/journal") }

    /// The history file's lines.
    var historyLines: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: stateFolder)) ?? []
        guard let h = files.first(where: { $0.hasPrefix("history-") }),
              let text = try? String(contentsOfFile: stateFolder + "/" + h, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    func remove() {
        _ = try? runProcess("/usr/bin/env", ["chattr", "-R", "-i", root], cwd: "/")
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// The checkbox of a task's line in a document, or nil when the line is missing.
func checkbox(_ title: String, in data: Data) -> Bool? {
    let text = String(decoding: data, as: UTF8.self)
    for line in text.split(separator: "\n") where line.contains("] \(title)") {
        return line.contains("[x]")
    }
    return nil
}
