/// Test-only fault points in the commit protocol.
///
/// `CTOBOARD_FAULT=STEP` kills the process with SIGKILL when it reaches STEP;
/// `CTOBOARD_FAIL=STEP:ERRNO` (EIO, ENOSPC, EACCES, EROFS, EPERM) makes STEP fail with that error.
/// Neither is read unless set; the steps are listed in ``steps``.
public enum FaultInjection {
    /// Every step of a commit, in order.
    public static let steps = [
        "locked", "staged-owner", "staged-todo", "journal-written", "journal-synced",
        "renamed-owner", "renamed-todo", "history-stored", "base-stored", "journal-removed",
    ]

    private static let kill = getenv("CTOBOARD_FAULT").map { String(cString: $0) }
    private static let fail: (String, Int32)? = {
        guard let raw = getenv("CTOBOARD_FAIL").map({ String(cString: $0) }),
              let colon = raw.firstIndex(of: ":") else { return nil }
        let names: [String: Int32] = ["EIO": EIO, "ENOSPC": ENOSPC, "EACCES": EACCES, "EROFS": EROFS, "EPERM": EPERM]
        guard let code = names[String(raw[raw.index(after: colon)...])] else { return nil }
        return (String(raw[..<colon]), code)
    }()

    /// Reached `step`: dies or fails there when a test asked for it.
    static func point(_ step: String, path: String) throws(WriteError) {
        if let kill, kill == step {
            Glibc.kill(getpid(), SIGKILL)
        }
        if let (name, code) = fail, name == step {
            throw WriteError(path: path, reason: FileIO.errnoText(code))
        }
    }
}
