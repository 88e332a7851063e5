import Foundation
import CTOBoardCore

/// Runs git for the hook installer.
enum Git {
    /// Runs `git ARGS` in `directory`; returns its standard output without the final newline,
    /// or nil when it fails.
    @discardableResult
    static func run(_ args: [String], in directory: String) -> String? {
        guard let bytes = output(args, in: directory) else { return nil }
        var s = String(decoding: bytes, as: UTF8.self)
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }

    /// Runs `git ARGS` in `directory`; returns its standard output's bytes exactly, or nil when
    /// it fails.
    static func output(_ args: [String], in directory: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // A hook gets the index git is committing as a path relative to the work tree root:
        // absolute, it holds in any folder.
        var environment = ProcessInfo.processInfo.environment
        if let index = environment["GIT_INDEX_FILE"], !index.hasPrefix("/") {
            environment["GIT_INDEX_FILE"] = Paths.absolute(index)
            process.environment = environment
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return [UInt8](data)
    }

    /// A document's bytes at `revision` (a commit, or "" for the staged version), or nil when
    /// git has none. Asked in the document's folder with a `./` path, so no work tree root is
    /// needed.
    static func blob(_ path: String, at revision: String) -> [UInt8]? {
        output(["show", "\(revision):./\(Paths.baseName(path))"], in: Paths.parent(path))
    }

    /// The work tree root and the hooks folder for the current directory.
    static func locate() throws(CLIError) -> (root: String, hooks: String) {
        let cwd = Paths.currentDirectory()
        guard let root = run(["rev-parse", "--show-toplevel"], in: cwd),
              let hooks = run(["rev-parse", "--git-path", "hooks"], in: root) else {
            throw CLIError("\(cwd): not inside a git work tree; run this in the repository that holds the documents", code: .badInput)
        }
        return (root, Paths.absolute(hooks.hasPrefix("/") ? hooks : Paths.join(root, hooks)))
    }
}
