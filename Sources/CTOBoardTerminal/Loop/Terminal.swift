import CTOBoardUI
/// What the board needs from a terminal. `NcursesTerminal` (in CTOBoardTerminal) is the real
/// one; tests drive ``BoardLoop`` with an in-memory one that scripts keys and resizes and records
/// every frame.
public protocol Terminal: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// Whether the terminal can show colors (false means: use ``Theme/mono``).
    var hasColors: Bool { get }
    /// Shows a whole frame.
    func draw(_ buffer: ScreenBuffer)
    /// Waits up to `timeoutMs` milliseconds for a key (negative waits forever).
    /// - Returns: the key, ``KeyEvent/resize`` after a resize (``size`` is then the new size), or
    ///   nil on timeout or for keys the board does not use.
    func readKey(timeoutMs: Int) -> KeyEvent?
    /// Gives the screen up while `body` runs (e.g. `$EDITOR`), then takes it back and repaints.
    func suspend<T>(_ body: () throws -> T) rethrows -> T
    /// Gives the terminal back for good. Safe to call more than once.
    func restore()
}
