/// Finds the line of a key in TOML text, so errors about values (which TOMLKit does not locate)
/// can still name a line. A best-effort scan: `[table]` headers and `key = value` lines.
enum TOMLLines {
    /// 1-based line of `key` inside `[table]` (or at top level when `table` is nil), or nil.
    static func line(ofKey key: String, inTable table: String? = nil, in text: String) -> Int? {
        var currentTable: String? = nil
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingLeadingAndTrailingSpaces()
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                currentTable = String(inner).trimmingLeadingAndTrailingSpaces()
                if table == nil, currentTable == key { return lineNumber }
                continue
            }
            guard currentTable == table else { continue }
            guard let eq = line.firstIndex(of: "=") else { continue }
            var name = String(line[..<eq]).trimmingLeadingAndTrailingSpaces()
            if name.count >= 2, let q = name.first, q == "\"" || q == "'", name.last == q {
                name = String(name.dropFirst().dropLast())
            }
            if name == key { return lineNumber }
        }
        return nil
    }
}

extension StringProtocol {
    func trimmingLeadingAndTrailingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
