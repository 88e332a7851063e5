#if DEBUG
import Foundation
#endif

/// Fault points in the commit protocol, compiled into debug and test builds only: a release
/// build has no way to be told to fail, and ``point(_:path:)`` is empty there.
///
/// `CTOBOARD_FAULT=STEP` kills the process with SIGKILL when it reaches STEP;
/// `CTOBOARD_FAIL=STEP:ERRNO` (EIO, ENOSPC, EACCES, EROFS, EPERM) makes STEP fail with that error;
/// `CTOBOARD_DELAY=STEP:MILLISECONDS` pauses there (a wider window for another program's write).
/// The steps are listed in ``steps``; `CTOBOARD_FAULT=list ctoboard --version` prints them (the
/// fault matrix reads them from there).
public enum FaultInjection {
    /// Every step of a commit, in order (see ``PairTransaction``).
    public static let steps = [
        "locked", "staged-owner", "staged-todo", "verified", "journal-written", "journal-synced",
        "renamed-owner", "renamed-todo", "folders-synced", "history-stored", "base-stored", "journal-removed",
    ]

    #if DEBUG
    /// Whether `CTOBOARD_FAULT=list` asks for the list of steps.
    public static var listRequested: Bool { kill == "list" }

    /// Code tests run at each step reached for a path under a folder of theirs (another
    /// program's write between two steps, a snapshot of what a crash would leave); a hook
    /// returning an errno makes the step fail with it.
    nonisolated(unsafe) private static var hooks: [String: @Sendable (_ step: String) -> Int32?] = [:]
    private static let hooksLock = NSLock()

    /// Sets (or, with nil, removes) the hook for the steps reached for paths under `folder`.
    public static func setHook(under folder: String, _ hook: (@Sendable (_ step: String) -> Int32?)?) {
        hooksLock.withLock { hooks[folder] = hook }
    }

    private static let kill = getenv("CTOBOARD_FAULT").map { String(cString: $0) }
    private static let delay: (String, UInt32)? = {
        guard let raw = getenv("CTOBOARD_DELAY").map({ String(cString: $0) }),
              let colon = raw.firstIndex(of: ":"), let ms = UInt32(raw[raw.index(after: colon)...]) else { return nil }
        return (String(raw[..<colon]), ms)
    }()
    private static let fail: (String, Int32)? = {
        guard let raw = getenv("CTOBOARD_FAIL").map({ String(cString: $0) }),
              let colon = raw.firstIndex(of: ":") else { return nil }
        let names: [String: Int32] = ["EIO": EIO, "ENOSPC": ENOSPC, "EACCES": EACCES, "EROFS": EROFS, "EPERM": EPERM]
        guard let code = names[String(raw[raw.index(after: colon)...])] else { return nil }
        return (String(raw[..<colon]), code)
    }()
    #endif

    /// Reached `step`: dies or fails there when a test asked for it.
    @inline(__always)
    static func point(_ step: String, path: String) throws(WriteError) {
        #if DEBUG
        let hook = hooksLock.withLock { hooks.first { path.hasPrefix($0.key + "/") }?.value }
        if let code = hook?(step) {
            throw WriteError(path: path, reason: FileIO.errnoText(code))
        }
        if let (name, ms) = delay, name == step {
            usleep(ms * 1000)
        }
        if let kill, kill == step {
            _ = raise(SIGKILL)
        }
        if let (name, code) = fail, name == step {
            throw WriteError(path: path, reason: FileIO.errnoText(code))
        }
        #endif
    }
}
