/// Unresolved git conflict markers in a document: a line starting `<<<<<<<` or `>>>>>>>` (then a
/// space or the line's end) outside fenced code. Such a document is refused, as git refuses to
/// commit it: its tasks are two versions at once. (A lone `=======` line is a Markdown heading
/// underline, not a marker on its own.) The merge driver reads its versions without this check.
enum ConflictMarkers {
    /// `document`, or an error naming its first marker's line.
    static func refusing(_ document: Document, path: String) throws(DocumentError) -> Document {
        if let line = firstLine(in: document) { throw .conflictMarkers(path: path, line: line) }
        return document
    }

    /// The 1-based line of the first conflict marker, if any.
    static func firstLine(in document: Document) -> Int? {
        var fence: UInt8? = nil
        for index in document.lines.indices {
            let content = document.content(index)
            var indent = content.startIndex
            while indent < content.endIndex, indent - content.startIndex < 3, content[indent] == 0x20 { indent += 1 }
            if let first = content[indent...].first, first == 0x60 || first == 0x7E,
               content[indent...].prefix(3).allSatisfy({ $0 == first }) {
                if fence == nil { fence = first } else if fence == first { fence = nil }
            } else if fence == nil, isMarker(content) {
                return index + 1
            }
        }
        return nil
    }

    private static func isMarker(_ content: ArraySlice<UInt8>) -> Bool {
        guard let first = content.first, first == 0x3C || first == 0x3E, content.count >= 7,
              content.prefix(7).allSatisfy({ $0 == first }) else { return false }
        let next = content.dropFirst(7).first
        return next == nil || next == 0x20 || next == 0x0D
    }
}
