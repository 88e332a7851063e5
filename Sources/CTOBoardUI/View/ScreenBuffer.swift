/// A width × height grid of ``Cell``s that the board view draws into and a terminal backend
/// copies to the screen (the idea of ratatui's `Buffer`). Pure and testable.
public struct ScreenBuffer: Hashable, Sendable {
    /// Width in cells.
    public let width: Int
    /// Height in rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]

    /// Creates a buffer filled with blanks in `style`.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle with blanks in a style (clipped to the buffer). A wide character cut in
    /// half by the rectangle's edge is blanked too, so the buffer never holds half a character.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 { setCell(col, row, .blank(style)) }
        }
    }

    /// Sets the style of existing cells in a rectangle, keeping their text.
    public mutating func setStyle(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 { cells[row * width + col].style = style }
        }
    }

    /// Writes `string` at column `x`, row `y`, clipped to `maxWidth` cells (if given) and to the
    /// buffer. Clipping happens at grapheme-cluster boundaries: a wide character that does not fit
    /// entirely is not drawn. Tabs expand to spaces up to the next multiple of
    /// ``DisplayWidth/tabSize`` counted from `x`; control characters are dropped; zero-width
    /// clusters are appended to the previous cell.
    ///
    /// - Returns: the number of cells written.
    @discardableResult
    public mutating func put(_ string: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        var lastCell: Int? = nil
        for character in string {
            if character == "\t" {
                let spaces = DisplayWidth.tabSize - (col - x) % DisplayWidth.tabSize
                for _ in 0..<spaces {
                    guard col < limit else { return col - x }
                    if col >= 0 { setCell(col, y, Cell(text: " ", width: 1, style: style)) }
                    col += 1
                }
                lastCell = nil
                continue
            }
            let w = DisplayWidth.width(of: character)
            if w == 0 {
                if let previous = lastCell, !(character.unicodeScalars.first.map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) } ?? true) {
                    cells[previous].text.append(character)
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                setCell(col, y, Cell(text: String(character), width: UInt8(w), style: style))
                if w == 2 { setCell(col + 1, y, Cell(text: "", width: 0, style: style)) }
                lastCell = y * width + col
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Writes a cell, repairing any wide character it cuts in half.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0, cell.width != 0 {
            // Overwriting the right half of a wide char: blank its left half.
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, x + 1 < width {
            // Overwriting the left half of a wide char: blank its right half.
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The text of row `y`, continuation cells skipped, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var text = ""
        text.reserveCapacity(width)
        for x in 0..<width {
            let cell = cells[y * width + x]
            if !cell.isContinuation { text += cell.text }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// All rows as lines joined with "\n", trailing spaces trimmed per row. Used by snapshot tests
    /// and the `ctoboard snapshot` command.
    public func plainText() -> String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
