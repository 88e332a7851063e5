import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// kill(2), under another name: inside ``TmuxSession`` `kill` means ``TmuxSession/kill()``.
func signalProcess(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// A failure in an end-to-end test, carrying what the terminal showed last.
struct E2EFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// One detached tmux session on a private server socket, running one shell command.
///
/// Every call to tmux goes through `tmux -L <socket> -f /dev/null`, so the tests neither see nor
/// touch the user's tmux server or configuration. ``kill()`` (also run on deinit) stops the server.
final class TmuxSession: @unchecked Sendable {
    let socket: String
    let name = "board"
    private(set) var isAlive = true

    /// Where tmux lives, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    /// Starts `command` (run by `sh -c`) in a new detached session of `width` × `height` cells.
    init(command: String, width: Int = 120, height: Int = 40) throws {
        socket = "ctoboard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let result = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command])
        guard result.status == 0 else {
            throw E2EFailure("tmux new-session failed (\(result.status)): \(result.error)")
        }
    }

    deinit { kill() }

    /// Runs one tmux command on this session's server.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        guard let tmux = Self.executable else { throw E2EFailure("tmux is not installed") }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        environment["LC_ALL"] = "C.UTF-8"
        environment["LANG"] = "C.UTF-8"
        if environment["TERM"].map({ $0.isEmpty || $0 == "dumb" }) ?? true { environment["TERM"] = "xterm-256color" }
        return try Subprocess.run(tmux, ["-u", "-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
    }

    /// Sends keys as tmux key names ("Space", "Enter", "Escape", "C-c", "j").
    func send(_ keys: String...) throws {
        try checked(["send-keys", "-t", name] + keys)
    }

    /// Types text literally (no key-name lookup), as a user would.
    func type(_ text: String) throws {
        try checked(["send-keys", "-t", name, "-l", text])
    }

    /// Resizes the window (the program gets SIGWINCH and KEY_RESIZE).
    func resize(width: Int, height: Int) throws {
        try checked(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text, one line per row (trailing blanks trimmed by tmux).
    func capture() throws -> String {
        let result = try run(["capture-pane", "-p", "-t", name])
        guard result.status == 0 else { throw E2EFailure("tmux capture-pane failed (\(result.status)): \(result.error)") }
        return result.output
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}` or `#{cursor_flag}`.
    func display(_ format: String) throws -> String {
        let result = try run(["display-message", "-p", "-t", name, format])
        guard result.status == 0 else { throw E2EFailure("tmux display-message failed: \(result.error)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen every 20 ms until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitUntil("the screen shows \"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 20 ms until it no longer contains `text`; returns that screen.
    @discardableResult
    func waitFor(absenceOf text: String, timeout: Double = 10) throws -> String {
        try waitUntil("the screen no longer shows \"\(text)\"", timeout: timeout) { !$0.contains(text) }
    }

    /// Polls the screen every 20 ms until `condition` holds on a whole, stable frame, up to
    /// `timeout` seconds; on timeout, throws with the last screen in the message.
    ///
    /// A frame is whole and stable when two captures 20 ms apart are identical: a capture taken
    /// while the board is still writing a frame (slow under load) can show the new text next to
    /// rows of the old frame, and a test must not judge that.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10, _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        var previous: String? = nil
        while true {
            screen = try capture()
            if screen == previous, try condition(screen) { return screen }
            previous = screen
            if Date() >= deadline { break }
            usleep(20_000)
        }
        throw E2EFailure("timed out after \(timeout) s waiting until \(what); last screen:\n\(Self.framed(screen))")
    }

    /// Polls the screen every 20 ms for `duration` seconds and throws, with that screen, as soon
    /// as `condition` does not hold: for states that must last, not just appear.
    func expectSteady(_ what: String, for duration: Double, _ condition: (String) throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(duration)
        repeat {
            let screen = try capture()
            if try !condition(screen) {
                throw E2EFailure("expected that \(what) for \(duration) s; it stopped:\n\(Self.framed(screen))")
            }
            usleep(20_000)
        } while Date() < deadline
    }

    /// The screen with a frame, so trailing blanks and empty lines are visible in failure messages.
    static func framed(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { "|" + $0 }.joined(separator: "\n")
    }

    /// Stops the server and everything running in it, waits (up to 5 s) until the processes of
    /// the pane are gone, so the board cannot write into a workspace that is being removed, and
    /// removes the socket. Safe to call more than once.
    func kill() {
        guard isAlive else { return }
        isAlive = false
        let socketPath = try? display("#{socket_path}")
        let processes = paneProcesses()
        _ = try? run(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while processes.contains(where: Self.isRunning), Date() < deadline { usleep(10_000) }
        for pid in processes where Self.isRunning(pid) { _ = signalProcess(pid, SIGKILL) }
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
    }

    /// The pane's shell and its descendants (Linux: from /proc; elsewhere the shell only).
    func paneProcesses() -> [pid_t] {
        guard let text = try? display("#{pane_pid}"), let root = pid_t(text) else { return [] }
        var result: [pid_t] = []
        var queue = [root]
        while let pid = queue.popLast(), result.count < 64 {
            result.append(pid)
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").compactMap { pid_t($0) }
        }
        return result
    }

    /// Whether a process still runs (a zombie counts as gone).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard signalProcess(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return !stat[close...].hasPrefix(") Z")
    }

    private func checked(_ arguments: [String]) throws {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw E2EFailure("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
    }
}

/// Runs programs with posix_spawn rather than Foundation's `Process`.
///
/// Test code runs on worker threads that block most signals, and `Process` passes that signal
/// mask on: a tmux server started that way has SIGCHLD, SIGTERM and SIGWINCH blocked, so the
/// board inside never sees a resize, `kill-server` does nothing and the tmux client is never
/// reaped (`waitUntilExit` hangs). Here the child starts with an empty signal mask and default
/// handlers, as from a shell. Output goes to temp files, so no pipe can fill up or be held open
/// by a daemon (the tmux server) that inherits it.
enum Subprocess {
    static func run(_ executable: String, _ arguments: [String], directory: String? = nil,
                    environment: [String: String], stdin: String = "/dev/null",
                    timeout: Double = 60) throws -> (status: Int32, output: String, error: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ctoboard-e2e-io-\(UUID().uuidString)")
        let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        // A working folder through sh, since posix_spawn_file_actions_addchdir_np is not portable.
        var argv = [executable] + arguments
        if let directory {
            argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + argv
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else {
            throw E2EFailure("cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { throw E2EFailure("waitpid failed for \(argv[0]): \(errno)") }
            if Date() >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw E2EFailure("\(argv.joined(separator: " ")) did not finish within \(timeout) s")
            }
            usleep(2_000)
        }
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros: decode by hand. A signal gives 128 + its number.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitCode, output, error)
    }
}
