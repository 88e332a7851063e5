/// One terminal cell of a ``ScreenBuffer``.
///
/// A wide grapheme cluster (display width 2) is stored in its first cell with `width == 2`,
/// followed by a continuation cell with `width == 0` and an empty `text`.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown in this cell ("" for a continuation cell).
    public var text: String
    /// Display width of `text`: 1 or 2, or 0 for a continuation cell.
    public var width: UInt8
    /// How the cell is drawn.
    public var style: Style

    /// Creates a cell.
    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    /// A blank cell (a space) in a style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(text: " ", width: 1, style: style)
    }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
