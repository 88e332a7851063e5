/// Word wrapping by display width, for the detail area and the dialogs that show long titles in
/// full.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces when it can and
    /// inside a word only when the word alone is wider than a line. Never returns an empty array.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = DisplayWidth.width(of: word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            // A word wider than a line is cut into line-sized pieces.
            while wordWidth > width {
                var piece = "", pieceWidth = 0
                var rest = Substring(word)
                while let character = rest.first {
                    let w = DisplayWidth.width(of: character)
                    if pieceWidth + w > width, pieceWidth > 0 { break }
                    piece.append(character)
                    pieceWidth += w
                    rest = rest.dropFirst()
                }
                lines.append(piece)
                word = String(rest)
                wordWidth -= pieceWidth
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Like ``wrap(_:width:)`` but at most `maxLines` lines; the last one ends with "…" when text
    /// was left out.
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        kept[maxLines - 1] = DisplayWidth.width(of: last) + 1 <= width
            ? last + "…" : DisplayWidth.truncate(last + "……", toWidth: width)
        return kept
    }
}
