import Foundation
import Testing

/// Helpers for the end-to-end board tests: the built binary, a temp workspace, files, widths.
enum BoardE2E {
    /// The package root, from this file's location (Tests/ctoboardTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `ctoboard` executable built next to this test bundle: walks up from the running test
    /// binary (which honours `--scratch-path`) to the folder holding `ctoboard`, then falls back
    /// to `.build/debug/ctoboard`. `CTOBOARD_BINARY` overrides both.
    static let binary: String? = TestBinary.path

    /// The binary was found.
    static var hasBinary: Bool { binary != nil }

    /// For the tests that drive a terminal.
    static var needsTmux: ConditionTrait { .enabled(if: TmuxSession.isAvailable, "needs tmux") }

    static let exampleWorkspace = packageRoot.appendingPathComponent("Examples/workspace")
    static let ownerRelative = "docs/Development/CTO_OWNER.md"
    static let todoRelative = "docs/Project Management/TODO.md"

    /// The fixed date the board uses for "Last Updated" lines.
    static let today = "2026-11-27"

    /// Runs a program to completion; see ``Subprocess``.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment extra: [String: String] = [:], stdin: String = "/dev/null")
        throws -> (status: Int32, output: String, error: String) {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        return try Subprocess.run(executable, arguments, directory: directory, environment: environment, stdin: stdin)
    }

    /// Single-quotes a word for `sh`.
    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A byte-for-byte difference count between two buffers of equal length, or nil when the
    /// lengths differ.
    static func changedBytes(_ a: Data, _ b: Data) -> Int? {
        guard a.count == b.count else { return nil }
        return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    /// Display columns of a string the way a terminal counts them: East Asian wide and emoji
    /// are 2, combining marks, variation selectors and ZWJ are 0, everything else 1.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
             0x200B...0x200F, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

/// A fresh temp folder holding a copy of Examples/workspace, made a git repository so the
/// board's state goes under `.git/ctoboard`. Removed on deinit.
final class E2EWorkspace: @unchecked Sendable {
    let root: String

    init() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("ctoboard-e2e-\(UUID().uuidString.prefix(8))")
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
        for entry in try fm.contentsOfDirectory(atPath: BoardE2E.exampleWorkspace.path) {
            try fm.copyItem(at: BoardE2E.exampleWorkspace.appendingPathComponent(entry), to: base.appendingPathComponent(entry))
        }
        let git = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"].first { fm.isExecutableFile(atPath: $0) }
        if let git {
            try BoardE2E.run(git, ["init", "-q", root], environment: ["GIT_CONFIG_NOSYSTEM": "1"])
        } else {
            // Without git, a bare .git folder is enough for the board to find its state folder.
            try fm.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        }
    }

    /// Removes the folder, unless `CTOBOARD_E2E_KEEP` is set (to look at it after a failure).
    deinit {
        if ProcessInfo.processInfo.environment["CTOBOARD_E2E_KEEP"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        } else {
            print("kept the end-to-end workspace \(root)")
        }
    }

    var ownerDoc: String { root + "/" + BoardE2E.ownerRelative }
    var todo: String { root + "/" + BoardE2E.todoRelative }

    func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
    func text(_ path: String) throws -> String { String(decoding: try read(path), as: UTF8.self) }

    /// The shell command tmux runs: the board in the workspace, with a fixed date and no colours,
    /// then markers telling whether the terminal modes came back, then a long sleep so the pane
    /// stays for capture-pane.
    func boardCommand(_ extraArguments: [String] = [], subcommand: [String] = []) -> String {
        let binary = BoardE2E.binary ?? "ctoboard"
        let arguments = ([binary] + subcommand + ["--owner-doc", ownerDoc] + extraArguments).map(BoardE2E.shellQuote).joined(separator: " ")
        return """
        cd \(BoardE2E.shellQuote(root)) && before=$(stty -g); \
        env NO_COLOR=1 CTOBOARD_TODAY=\(BoardE2E.today) LC_ALL=C.UTF-8 LANG=C.UTF-8 \(arguments); \
        status=$?; after=$(stty -g); \
        if [ "$before" = "$after" ]; then tty=TTY-RESTORED; else tty=TTY-CHANGED; fi; \
        echo "BOARD-EXITED status=$status $tty"; sleep 3600
        """
    }

    /// Starts the board in tmux and waits for its first frame; `environment` is exported first.
    func startBoard(width: Int = 120, height: Int = 40, subcommand: [String] = [], environment: [String: String] = [:]) throws -> TmuxSession {
        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(BoardE2E.shellQuote($0.value)); " }.joined()
        let tmux = try TmuxSession(command: exports + boardCommand(subcommand: subcommand), width: width, height: height)
        do {
            try tmux.waitFor(text: "todo:")
        } catch {
            tmux.kill()
            throw error
        }
        return tmux
    }

    /// Polls a file every 20 ms until `condition` holds on its text (up to `timeout` seconds).
    @discardableResult
    func waitForFile(_ path: String, _ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while true {
            text = (try? self.text(path)) ?? ""
            if condition(text) { return text }
            if Date() >= deadline { break }
            usleep(20_000)
        }
        throw E2EFailure("timed out after \(timeout) s waiting until \(path) \(what); it holds:\n\(text)")
    }
}
