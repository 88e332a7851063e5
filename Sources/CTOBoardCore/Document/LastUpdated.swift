/// Rewrites the date on a `**Last Updated**:` line in the format it already uses:
/// `January 2026`, `Jan 2026`, `January 5, 2026`, `2026-01-05`, `05/01/2026` is left alone.
public enum LastUpdated {
    private static let label = [UInt8](lowercasedASCII: "**last updated**")

    /// The lines that start (after spaces) with the bold label `**Last Updated**`.
    public static func lines(in document: Document) -> [Int] {
        var result: [Int] = []
        let bytes = document.bytes
        for (index, line) in document.lines.enumerated() {
            var i = line.start
            while i < line.contentEnd, ByteSearch.isSpace(bytes[i]) { i += 1 }
            guard i + label.count <= line.contentEnd, bytes[i] == 0x2A else { continue }
            if ByteSearch.matches(bytes, at: i, label) { result.append(index) }
        }
        return result
    }

    /// The line with its date replaced, or nil when no known date format follows the label.
    public static func rewrite(_ line: [UInt8], to date: CalendarDate) -> [UInt8]? {
        guard let colon = ByteSearch.find(line, [UInt8](lowercasedASCII: "updated**"), from: 0).map({ $0 + 9 }) else { return nil }
        var start = colon
        if start < line.count, line[start] == 0x3A { start += 1 }
        while start < line.count, ByteSearch.isSpace(line[start]) { start += 1 }
        var end = line.count
        while end > start, ByteSearch.isSpace(line[end - 1]) { end -= 1 }
        let value = String(decoding: line[start..<end], as: UTF8.self)
        guard let replacement = reformat(value, to: date) else { return nil }
        return Array(line[..<start]) + Array(replacement.utf8) + Array(line[end...])
    }

    /// `value` in its own format, set to `date`; nil when the format is not known.
    static func reformat(_ value: String, to date: CalendarDate) -> String? {
        if CalendarDate(iso: value) != nil, value.count == 10 { return date.iso }
        let words = value.split(separator: " ").map(String.init)
        let full = CalendarDate.monthNames
        let short = full.map { String($0.prefix(3)) }
        // The month in the name style the value uses, full or short.
        guard let first = words.first, let names = [full, short].first(where: { $0.contains(first) }) else { return nil }
        let month = names[date.month - 1]
        if words.count == 2, let y = Int(words[1]), y > 1900 { return "\(month) \(date.year)" }
        if words.count == 3, words[1].hasSuffix(","), Int(words[1].dropLast()) != nil, Int(words[2]) != nil {
            return "\(month) \(date.day), \(date.year)"
        }
        return nil
    }
}
