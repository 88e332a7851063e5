import CTOBoardUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an editor in the foreground and waits for it: `posix_spawnp` with an argument vector
/// (no shell, so file names are never interpreted), the board's stdin, stdout and stderr, and
/// the board's environment. While the editor runs the board ignores SIGINT and SIGQUIT (like
/// `system(3)`), and the editor gets them back at their defaults.
public enum EditorLauncher {
    /// How the editor ended.
    public enum Outcome: Sendable, Equatable {
        /// It ran and exited with this status (0 is success).
        case exited(Int32)
        /// It was killed by this signal.
        case signaled(Int32)
        /// It could not be started (`errno` text), e.g. the program is not in PATH.
        case failed(String)
    }

    /// Runs `argv` (the first element is the program, looked up in PATH) and waits for it.
    public static func run(_ argv: [String]) -> Outcome {
        guard let program = argv.first, !program.isEmpty else { return .failed("no editor command") }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGQUIT, SIGTERM, SIGHUP] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, nil, &attributes, &cArguments, environ)
        guard status == 0 else { return .failed(String(cString: strerror(status))) }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 {
            if errno != EINTR { return .failed(String(cString: strerror(errno))) }
        }
        let signalNumber = waitStatus & 0x7F
        if signalNumber == 0 { return .exited((waitStatus >> 8) & 0xFF) }
        return .signaled(signalNumber)
    }
}
