import Foundation

/// The history file: one JSON line per transaction, appended. Undo and redo work from it across
/// restarts.
public struct History: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Every entry, oldest first. Damaged lines (a torn append) are skipped.
    public func entries() -> [HistoryEntry] {
        guard let bytes = try? FileIO.readRaw(at: path) else { return [] }
        let decoder = JSONDecoder()
        var out: [HistoryEntry] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if i > start, let e = try? decoder.decode(HistoryEntry.self, from: Data(bytes[start..<i])) { out.append(e) }
            start = i + 1
        }
        return out
    }

    /// The last entry's sequence number (0 when empty), read from the end of the file: the last
    /// 64 KiB first (an entry is usually well under a kilobyte), more only when the last line
    /// is longer than that.
    public func lastSeq() -> Int {
        for limit in [1 << 16, 1 << 20] {
            guard let buf = tail(limit) else { break }
            if buf.isEmpty { return 0 }
            // The last complete line.
            var end = buf.count
            while end > 0, buf[end - 1] == 0x0A { end -= 1 }
            var start = end
            while start > 0, buf[start - 1] != 0x0A { start -= 1 }
            // A line cut by the tail's start is not complete: read more.
            if start == 0 && buf.count == limit { continue }
            if let seq = Self.seq(inLine: buf[start..<end]) { return seq }
            if let e = try? JSONDecoder().decode(HistoryEntry.self, from: Data(buf[start..<end])) { return e.seq }
            break
        }
        return entries().last?.seq ?? 0
    }

    private static let seqKey = Array("\"seq\":".utf8)

    /// The `seq` of one history line, read without decoding the entry: `"seq":` unescaped can
    /// only be the key (quotes inside strings are escaped). Nil when it is not there, or not
    /// followed by digits, and for a line that does not look like a JSON object.
    static func seq(inLine line: ArraySlice<UInt8>) -> Int? {
        guard line.first == 0x7B, line.last == 0x7D,
              let at = ByteSearch.find(line, seqKey, from: line.startIndex) else { return nil }
        var i = at + seqKey.count
        var value = 0, digits = 0
        while i < line.endIndex, line[i] >= 0x30, line[i] <= 0x39, digits < 18 {
            value = value * 10 + Int(line[i] - 0x30)
            digits += 1
            i += 1
        }
        guard digits > 0, i < line.endIndex, line[i] == 0x2C || line[i] == 0x7D else { return nil }
        return value
    }

    /// The undo and redo stacks, replayed from the log (top of each is last). Recoveries and
    /// syncs are on neither.
    public static func stacks(_ entries: [HistoryEntry]) -> (undo: [HistoryEntry], redo: [HistoryEntry]) {
        var undo: [HistoryEntry] = []
        var redo: [HistoryEntry] = []
        let bySeq = Dictionary(entries.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        for e in entries {
            switch e.kind {
            case .undone:
                if let r = e.ref, let target = bySeq[r], let i = undo.lastIndex(where: { $0.seq == r }) {
                    undo.remove(at: i)
                    redo.append(target)
                }
            case .redone:
                if let r = e.ref, let target = bySeq[r], let i = redo.lastIndex(where: { $0.seq == r }) {
                    redo.remove(at: i)
                    undo.append(target)
                }
            case .recovered, .synced:
                // A sync carried someone else's edit: undo gives back only the user's own changes.
                break
            default:
                undo.append(e)
                redo.removeAll()
            }
        }
        return (undo, redo)
    }

    /// The last `count` bytes of the file (fewer when it is shorter); nil when it is missing.
    func tail(_ count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return [] }
        let n = min(size, count)
        var buf = [UInt8](repeating: 0, count: n)
        let got = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, n, off_t(size - n)) }
        return got == n ? buf : nil
    }

    /// Appends a line and fsyncs. The line is skipped when it is already the last one (a
    /// recovery repeating an append that made it).
    public func append(_ line: [UInt8]) throws(WriteError) {
        // Only the file's tail matters: the last line and whether it ends the file cleanly.
        let existing = tail(line.count + 1)
        if let existing, existing.count >= line.count, Array(existing.suffix(line.count)) == line {
            return
        }
        // The same append torn just before its newline: only the newline is missing.
        let lostNewline = existing.map { line.last == 0x0A && $0.suffix(line.count - 1).elementsEqual(line.dropLast()) } ?? false
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw WriteError(path: path, reason: FileIO.errnoText()) }
        defer { close(fd) }
        // After another torn append the file does not end in a newline: start a new line, or
        // this entry would be glued to the damaged one and lost with it.
        let torn = existing.map { !$0.isEmpty && $0.last != 0x0A } ?? false
        try AtomicFile.writeAll(fd, lostNewline ? [0x0A] : torn ? [0x0A] + line : line, path: path)
        if fsync(fd) != 0 { throw WriteError(path: path, reason: FileIO.errnoText()) }
    }
}
