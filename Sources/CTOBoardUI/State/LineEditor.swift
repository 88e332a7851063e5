/// A one-line text field with a cursor counted in grapheme clusters, so that editing never
/// splits a multi-scalar character (é as e+U+0301, 👨‍👩‍👧, flags, CJK).
public struct LineEditor: Hashable, Sendable {
    /// The current text.
    public private(set) var text: String
    /// Cursor position as a number of grapheme clusters before it (0...text.count).
    public private(set) var cursor: Int

    /// Creates an editor with the cursor at the end of `text`.
    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Creates an editor with an explicit cursor position (clamped).
    public init(text: String, cursor: Int) {
        self.text = text
        self.cursor = max(0, min(cursor, text.count))
    }

    private var cursorIndex: String.Index {
        text.index(text.startIndex, offsetBy: cursor)
    }

    /// Inserts text at the cursor and moves the cursor after it. A combining mark typed after a
    /// base character joins it, and the cursor stays a cluster count.
    public mutating func insert(_ string: String) {
        let filtered = string.filter { character in
            !(character.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
        }
        guard !filtered.isEmpty else { return }
        let index = cursorIndex
        let head = String(text[..<index]) + filtered
        text = head + String(text[index...])
        cursor = min(head.count, text.count)
    }

    /// Deletes the grapheme cluster before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let end = cursorIndex
        let start = text.index(before: end)
        text.removeSubrange(start..<end)
        cursor -= 1
    }

    /// Deletes the grapheme cluster after the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        let start = cursorIndex
        text.removeSubrange(start..<text.index(after: start))
    }

    /// Moves the cursor one cluster left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one cluster right.
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    /// Moves the cursor to the start.
    public mutating func moveHome() { cursor = 0 }
    /// Moves the cursor to the end.
    public mutating func moveEnd() { cursor = text.count }
    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        text.removeSubrange(text.startIndex..<cursorIndex)
        cursor = 0
    }

    /// Display width of the text before the cursor, for placing the cursor on screen.
    public var cursorColumn: Int { DisplayWidth.width(of: text[..<cursorIndex]) }
}
