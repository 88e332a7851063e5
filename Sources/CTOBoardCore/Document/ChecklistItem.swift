/// The syntax of one checkbox list item line, found on bytes.
///
/// Recognizes `- [ ] text`, `* [x] text`, `+ [X] text` and `1. [ ] text` / `1) [ ] text`, with any
/// leading indentation of spaces or tabs. Offsets are relative to the line's content start.
public struct ChecklistItem: Sendable, Equatable {
    // Stored in 32 bits each (a line is far shorter than 2 GiB): a document holds one per task,
    // 100,000 of them in a large TODO.md.
    private var mark: Int32, text: Int32, indentation: Int32

    /// Offset of the mark byte between the brackets (`' '`, `x` or `X`).
    public var markOffset: Int {
        get { Int(mark) }
        set { mark = Int32(truncatingIfNeeded: newValue) }
    }
    /// Whether the box is checked.
    public var checked: Bool
    /// Offset where the item's text starts (after the box and the spaces after it).
    public var textOffset: Int {
        get { Int(text) }
        set { text = Int32(truncatingIfNeeded: newValue) }
    }
    /// Length of the leading indentation.
    public var indent: Int {
        get { Int(indentation) }
        set { indentation = Int32(truncatingIfNeeded: newValue) }
    }

    /// Parses a line's content; nil when it is not a checkbox item.
    public init?<C: Collection>(line: C) where C.Element == UInt8, C.Index == Int {
        var i = line.startIndex
        let end = line.endIndex
        while i < end, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        let indent = i - line.startIndex
        guard i < end else { return nil }
        let b = line[i]
        if b == 0x2D || b == 0x2A || b == 0x2B { // - * +
            i += 1
        } else if b >= 0x30 && b <= 0x39 {
            var digits = 0
            while i < end, line[i] >= 0x30 && line[i] <= 0x39 { i += 1; digits += 1 }
            guard digits <= 9, i < end, line[i] == 0x2E || line[i] == 0x29 else { return nil }
            i += 1
        } else {
            return nil
        }
        // At least one space, then "[", mark, "]".
        guard i < end, line[i] == 0x20 || line[i] == 0x09 else { return nil }
        while i < end, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        guard i + 3 <= end else { return nil }
        guard line[i] == 0x5B, line[i + 2] == 0x5D else { return nil }
        let mark = line[i + 1]
        guard mark == 0x20 || mark == 0x78 || mark == 0x58 else { return nil }
        let markIndex = i + 1
        i += 3
        // The box must end the line or be followed by white space.
        if i < end {
            guard line[i] == 0x20 || line[i] == 0x09 else { return nil }
            while i < end, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        }
        self.mark = Int32(truncatingIfNeeded: markIndex - line.startIndex)
        self.checked = mark != 0x20
        self.text = Int32(truncatingIfNeeded: i - line.startIndex)
        self.indentation = Int32(truncatingIfNeeded: indent)
    }

    /// The indentation, bullet and box prefix of a line, with the box set to `checked`.
    /// Used to build new lines in a neighbour's style.
    public static func prefix<C: Collection>(of line: C, item: ChecklistItem, checked: Bool) -> [UInt8]
    where C.Element == UInt8, C.Index == Int {
        var out = Array(line[line.startIndex..<(line.startIndex + item.textOffset)])
        out[item.markOffset] = checked ? 0x78 : 0x20
        if item.textOffset == item.markOffset + 2 { out.append(0x20) }
        return out
    }
}
