/// Why the terminal backend cannot start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped or redirected).
    case notATerminal(stream: String)
    /// curses could not initialise the terminal (e.g. `TERM` unset or unknown).
    case initializationFailed(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "ctoboard needs an interactive terminal, but \(stream) is not a terminal. "
                + "Use `ctoboard list` or `ctoboard snapshot` for non-interactive output."
        case .initializationFailed(let reason):
            return "cannot initialise the terminal: \(reason)"
        }
    }
}
