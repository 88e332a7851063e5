/// A mouse press, release or wheel step at a cell (0-based column and row), as reported by a
/// terminal in SGR (1006) mode.
public struct MouseEvent: Hashable, Sendable {
    /// A mouse button.
    public enum Button: Hashable, Sendable {
        case left, middle, right
    }

    /// What happened.
    public enum Kind: Hashable, Sendable {
        case press(Button)
        case release(Button)
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    /// The column, 0 at the left edge.
    public var x: Int
    /// The row, 0 at the top.
    public var y: Int

    /// Creates a mouse event.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
