extension TaskDocument {
    /// `bytes` parsed, reusing `earlier` (a parse of other bytes, with the same owner) where the
    /// two agree: the same as `TaskDocument(document: Document(bytes: bytes), keyOwner:
    /// earlier.keyOwner)`, at a fraction of the cost when they differ in a few lines.
    ///
    /// A sync parses the base snapshot's TODO.md, which differs from the current one by an
    /// external edit or two: at 100,000 tasks a full parse of it was a third of the sync. Here
    /// the lines before the first differing byte and after the last keep their entries (those
    /// after shifted to their new line numbers); only the lines between are taken apart. A
    /// line's meaning depends on the lines above it only through ``Reader/State``, so the entries
    /// after the change are kept only when the state there is the same in both documents (an
    /// edit that adds or removes a heading or a code fence usually changes it); otherwise they
    /// are parsed again too. Headings, labels and the sync line are found by reading every line's
    /// structure, which costs little next to taking tasks apart.
    public init(bytes: [UInt8], reusing earlier: TaskDocument) {
        let old = earlier.document
        let prefix = LineDiff.commonPrefix(old.bytes, bytes)
        let suffix = min(LineDiff.commonSuffix(old.bytes, bytes), min(old.bytes.count, bytes.count) - prefix)
        // Lines kept at the start: those that end (terminator included) before the first
        // difference. At the end: those whose preceding line break is inside the common suffix,
        // so that they start a line in both documents. A byte order mark is part of the first
        // line's start, so a difference within it changes everything.
        var keptBefore = prefix < 3 ? 0 : LineDiff.partitionPoint(old.lines.count) { old.lines[$0].end <= prefix }
        // A last line without a line break goes on in a longer document.
        if keptBefore > 0 && old.lines[keptBefore - 1].end == old.lines[keptBefore - 1].contentEnd { keptBefore -= 1 }
        // (The first line can start after a byte order mark, not a line break: it is never kept.)
        let suffixStart = old.bytes.count - suffix
        let keptAfter = min(old.lines.count, max(keptBefore, 1, LineDiff.partitionPoint(old.lines.count) { old.lines[$0].start <= suffixStart }))
        let byteShift = bytes.count - old.bytes.count

        // The lines: the kept ones are the earlier document's (those after moved by the change
        // in length); only the bytes between are split.
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var lines: [Document.Line] = []
        lines.reserveCapacity(old.lines.count + 16)
        lines.append(contentsOf: old.lines[..<keptBefore])
        let middleStart = keptBefore == 0 ? (bom ? 3 : 0) : old.lines[keptBefore - 1].end
        let middleEnd = keptAfter < old.lines.count ? old.lines[keptAfter].start + byteShift : bytes.count
        bytes.withUnsafeBufferPointer { Document.appendLines(of: $0, from: middleStart, to: middleEnd, into: &lines) }
        let newKeptAfter = lines.count
        let lineShift = newKeptAfter - keptAfter
        for var line in old.lines[keptAfter...] {
            line.start += byteShift
            line.contentEnd += byteShift
            line.end += byteShift
            lines.append(line)
        }
        let document = Document(bytes: bytes, lines: lines, hasBOM: bom)

        var reader = Reader(keyOwner: earlier.keyOwner)
        var entries: [TaskEntry] = []
        entries.reserveCapacity(document.lines.count)
        // Before the change: the same lines at the same places.
        let firstChanged = Self.firstEntry(atOrAfter: keptBefore, in: earlier.entries)
        entries.append(contentsOf: earlier.entries[..<firstChanged])
        var oldReader = reader
        old.bytes.withUnsafeBufferPointer { buffer in
            var none: [TaskEntry] = []
            reader.read(0..<keptBefore, of: old, buffer: buffer, tasks: false, into: &none)
            // The state at the end of the change, as the earlier document had it.
            oldReader = reader
            oldReader.read(keptBefore..<keptAfter, of: old, buffer: buffer, tasks: false, into: &none)
        }
        bytes.withUnsafeBufferPointer { buffer in
            reader.read(keptBefore..<newKeptAfter, of: document, buffer: buffer, tasks: true, into: &entries)
            if reader.state == oldReader.state {
                // After the change: the same lines, moved by the change's lines.
                let lastKept = entries.count
                entries.append(contentsOf: earlier.entries[Self.firstEntry(atOrAfter: keptAfter, in: earlier.entries)...])
                if lineShift != 0 {
                    for k in lastKept..<entries.count { entries[k].line += lineShift }
                }
                var none: [TaskEntry] = []
                reader.read(newKeptAfter..<document.lines.count, of: document, buffer: buffer, tasks: false, into: &none)
            } else {
                reader.read(newKeptAfter..<document.lines.count, of: document, buffer: buffer, tasks: true, into: &entries)
            }
        }
        self.init(document: document, keyOwner: earlier.keyOwner, entries: entries, reader: reader)
    }

    /// The first entry on line `line` or later (entries are in line order).
    static func firstEntry(atOrAfter line: Int, in entries: [TaskEntry]) -> Int {
        LineDiff.partitionPoint(entries.count) { entries[$0].line < line }
    }
}
