/// Values a one-shot command keeps until the process exits.
///
/// A parsed pair of 20,000 tasks is tens of thousands of small objects. Releasing them one by
/// one when a command returns costs about 3 ms, for memory the process is about to give back
/// all at once. Only commands that end right after their work use this; the board and the
/// watcher, which run for hours, never do.
enum ExitLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits. Call from the main thread only.
    static func keep(_ value: Any) { kept.append(value) }
}
