extension InputDecoder {
    /// The prefix of an SGR (1006) mouse report, `ESC [ <`; the terminal backend registers it
    /// as a key so the rest of the report can be read as characters.
    public static let sgrMousePrefix = "\u{1B}[<"

    /// Decodes the rest of an SGR mouse report after ``sgrMousePrefix``: `b;x;y` followed by
    /// `M` (press) or `m` (release), with 1-based coordinates. Motion reports, extra buttons,
    /// coordinates out of range and malformed reports give nil.
    public static func decodeMouse(_ report: String) -> KeyEvent? {
        guard let last = report.last, last == "M" || last == "m" else { return nil }
        let fields = report.dropLast().split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCIIDigit) }),
              let code = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]),
              column >= 1, row >= 1 else { return nil }
        let release = last == "m"
        // Bits 2-4 are Shift, Meta and Ctrl; 32 is motion; 64 the wheel.
        let button = code & 0b11
        let x = column - 1, y = row - 1
        if code & 32 != 0 || code >= 128 { return nil }
        if code & 64 != 0 {
            guard !release else { return nil }
            switch button {
            case 0: return .mouse(MouseEvent(.wheelUp, x: x, y: y))
            case 1: return .mouse(MouseEvent(.wheelDown, x: x, y: y))
            default: return nil
            }
        }
        let buttons: [MouseEvent.Button] = [.left, .middle, .right]
        guard button < 3 else { return nil }
        return .mouse(MouseEvent(release ? .release(buttons[button]) : .press(buttons[button]), x: x, y: y))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
