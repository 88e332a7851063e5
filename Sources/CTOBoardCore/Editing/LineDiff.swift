/// A line diff between two documents (Myers' O(ND) algorithm), compared as exact bytes,
/// terminators included.
public enum LineDiff {
    /// A run of lines replaced by others. Line numbers are 0-based.
    public struct Hunk: Sendable, Equatable, Codable {
        /// First replaced line in the old document.
        public var oldStart: Int
        /// The old lines' exact bytes, terminators included.
        public var oldLines: [[UInt8]]
        /// First line of the replacement in the new document.
        public var newStart: Int
        /// The new lines' exact bytes, terminators included.
        public var newLines: [[UInt8]]
        /// Whether the old lines must end the document (see ``LineDiff/anchored(_:in:)``).
        public var atEnd = false
    }

    /// The lines of a document with their terminators.
    public static func rawLines(_ doc: Document) -> [ArraySlice<UInt8>] {
        // A lone BOM is a document of bytes but no lines: it is one raw line.
        if doc.lines.isEmpty && !doc.bytes.isEmpty { return [doc.bytes[0..<doc.bytes.count]] }
        return rawLines(doc, 0..<doc.lines.count)
    }

    /// The hunks that turn `old` into `new`.
    public static func hunks(from old: Document, to new: Document) -> [Hunk] {
        // Common prefix and suffix first, found on the bytes: most edits are small, and only the
        // lines between are taken apart.
        if (old.lines.isEmpty && !old.bytes.isEmpty) || (new.lines.isEmpty && !new.bytes.isEmpty) {
            // A lone BOM: a document of bytes but no lines.
            return old.bytes == new.bytes ? [] : middleHunks(rawLines(old), rawLines(new), offset: 0)
        }
        let (lo, ea, eb) = commonLines(old, new)
        if lo == ea && lo == eb { return [] }
        return middleHunks(rawLines(old, lo..<ea), rawLines(new, lo..<eb), offset: lo)
    }

    /// The raw lines `range` of a document.
    static func rawLines(_ doc: Document, _ range: Range<Int>) -> [ArraySlice<UInt8>] {
        // The BOM belongs to the first line so that hunks reproduce it.
        range.map { i in doc.bytes[(i == 0 ? 0 : doc.lines[i].start)..<doc.lines[i].end] }
    }

    /// How many lines the documents share at the start (`lo`), and where the lines they share at
    /// the end begin in each (`ea`, `eb`).
    static func commonLines(_ a: Document, _ b: Document) -> (lo: Int, ea: Int, eb: Int) {
        let na = a.lines.count, nb = b.lines.count
        let prefix = commonPrefix(a.bytes, b.bytes)
        // Lines wholly inside the common bytes are equal, unless the last one is a bare last line
        // that continues in the other document.
        var lo = partitionPoint(na) { a.lines[$0].end <= prefix }
        lo = min(lo, nb)
        while lo > 0, a.lines[lo - 1].end != b.lines[lo - 1].end || a.lines[lo - 1].start != b.lines[lo - 1].start { lo -= 1 }
        let suffix = min(commonSuffix(a.bytes, b.bytes),
                         a.bytes.count - (lo == 0 ? 0 : a.lines[lo - 1].end),
                         b.bytes.count - (lo == 0 ? 0 : b.lines[lo - 1].end))
        var ea = na, eb = nb
        while ea > lo, eb > lo {
            let la = a.lines[ea - 1], lb = b.lines[eb - 1]
            let fromEndA = a.bytes.count - (ea - 1 == 0 ? 0 : la.start)
            let fromEndB = b.bytes.count - (eb - 1 == 0 ? 0 : lb.start)
            guard fromEndA <= suffix, fromEndA == fromEndB, la.end - la.contentEnd == lb.end - lb.contentEnd,
                  a.bytes.count - la.end == b.bytes.count - lb.end else { break }
            ea -= 1; eb -= 1
        }
        return (lo, ea, eb)
    }

    /// The first index in `0..<n` where `isBefore` turns false (it is true, then false).
    static func partitionPoint(_ n: Int, _ isBefore: (Int) -> Bool) -> Int {
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// How many bytes two arrays share at the start.
    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n, a[i] == b[i] { i += 1 }
        return i
    }

    /// How many bytes two arrays share at the end.
    static func commonSuffix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = min(a.count, b.count)
        var k = 0
        while k < n, a[a.count - 1 - k] == b[b.count - 1 - k] { k += 1 }
        return k
    }

    /// The hunks between the differing middle parts `a` and `b`, which start at line `lo` in
    /// both documents.
    private static func middleHunks(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>], offset lo: Int) -> [Hunk] {
        let ea = a.count, eb = b.count
        // Number the distinct lines.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func id(_ s: ArraySlice<UInt8>) -> Int {
            if let v = ids[s] { return v }
            let v = ids.count
            ids[s] = v
            return v
        }
        let x = a.map(id), y = b.map(id)
        let script = myers(x, y)   // pairs of matched indices (in x, in y)
        var hunks: [Hunk] = []
        var i = 0, j = 0
        for (mi, mj) in script + [(ea, eb)] {
            if mi > i || mj > j {
                hunks.append(Hunk(oldStart: lo + i, oldLines: a[i..<mi].map(Array.init),
                                  newStart: lo + j, newLines: b[j..<mj].map(Array.init)))
            }
            i = mi + 1
            j = mj + 1
        }
        return hunks
    }

    /// The matched index pairs of a shortest edit script between `x` and `y`.
    static func myers(_ x: [Int], _ y: [Int]) -> [(Int, Int)] {
        let n = x.count, m = y.count
        let maxD = n + m
        if maxD == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        let offset = maxD + 1
        outer: for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var px: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    px = v[offset + k + 1]
                } else {
                    px = v[offset + k - 1] + 1
                }
                var py = px - k
                while px < n, py < m, x[px] == y[py] { px += 1; py += 1 }
                v[offset + k] = px
                if px >= n && py >= m { trace.append(v); break outer }
                k += 2
            }
        }
        // Backtrack.
        var matches: [(Int, Int)] = []
        var cx = n, cy = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let vd = trace[d]
            let k = cx - cy
            let prevK: Int
            if k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = vd[offset + prevK]
            let prevY = prevX - prevK
            while cx > prevX && cy > prevY && cx > 0 && cy > 0 {
                cx -= 1; cy -= 1
                matches.append((cx, cy))
            }
            if d > 0 { cx = prevX; cy = prevY }
        }
        while cx > 0 && cy > 0 { cx -= 1; cy -= 1; matches.append((cx, cy)) }
        return matches.reversed()
    }

    /// The hunks, each that only inserts or only removes lines widened by the unchanged lines
    /// around it: before, back to the line that starts the item there (a note or a blank line
    /// alone is found in many places), unless the hunk before has taken them (then the two are
    /// one hunk); after, one line or the end. Undo and redo then find it by its neighbours, and
    /// put lines back only between.
    public static func anchored(_ hunks: [Hunk], in old: Document) -> [Hunk] {
        let count = old.lines.isEmpty && !old.bytes.isEmpty ? 1 : old.lines.count
        func line(_ i: Int) -> [UInt8] { Array(old.lines.isEmpty ? old.bytes[...] : rawLines(old, i..<(i + 1))[0]) }
        var out: [Hunk] = []
        for h in hunks {
            let pure = h.oldLines.isEmpty || h.newLines.isEmpty
            let end = h.oldStart + h.oldLines.count, taken = out.last.map { $0.oldStart + $0.oldLines.count } ?? 0
            var from = h.oldStart
            while pure, from > taken {
                from -= 1
                if let first = line(from).first, ![0x20, 0x09, 0x0D, 0x0A].contains(first) { break }
            }
            let before = (from..<h.oldStart).map(line)
            let after = pure && end < count ? [line(end)] : []
            var hunk = Hunk(oldStart: h.oldStart - before.count, oldLines: before + h.oldLines + after,
                            newStart: h.newStart - before.count, newLines: before + h.newLines + after, atEnd: pure && end == count)
            if pure, before.isEmpty, h.oldStart == taken, let last = out.popLast() {
                hunk = Hunk(oldStart: last.oldStart, oldLines: last.oldLines + hunk.oldLines,
                            newStart: last.newStart, newLines: last.newLines + hunk.newLines, atEnd: hunk.atEnd)
            }
            out.append(hunk)
        }
        return out
    }

    /// Applies hunks (made against `base`) to `doc`, whose lines at each hunk's place must still be
    /// the hunk's old lines; nil when one of them no longer is.
    public static func apply(_ hunks: [Hunk], to doc: Document) -> Document? {
        var lines = rawLines(doc).map(Array.init)
        let sorted = hunks.sorted(by: { $0.oldStart > $1.oldStart })
        let starts = sorted.compactMap { position(of: $0, in: lines) }
        guard starts.count == sorted.count else { return nil }
        // An insertion with no lines to find it by (not ``anchored(_:in:)``) is a guess where others moved.
        if zip(sorted, starts).contains(where: { $0.oldStart != $1 }) && sorted.contains(where: { $0.oldLines.isEmpty }) { return nil }
        // Last place first. Places found elsewhere may be in another order (a teammate swapped
        // two sections), but must not overlap.
        let placed = zip(sorted, starts).sorted { $0.1 > $1.1 }
        for (a, b) in zip(placed, placed.dropFirst()) where b.1 + b.0.oldLines.count > a.1 { return nil }
        for (hunk, start) in placed {
            lines.replaceSubrange(start..<(start + hunk.oldLines.count), with: hunk.newLines)
        }
        return Document(bytes: Array(lines.joined()))
    }

    /// Where a hunk's old lines are: at its `oldStart`, else (when lines were added or removed
    /// above it since, as a later sync does) at the nearest place that holds exactly those lines,
    /// as `patch` finds an offset. Nil when they are nowhere, or two places are equally near: the
    /// lines were edited, and undo refuses rather than guess.
    static func position(of hunk: Hunk, in lines: [[UInt8]]) -> Int? {
        if holds(hunk, at: hunk.oldStart, in: lines) { return hunk.oldStart }
        // An insertion has no lines to find it by.
        guard !hunk.oldLines.isEmpty, !lines.isEmpty else { return nil }
        for distance in 1...lines.count {
            let above = holds(hunk, at: hunk.oldStart - distance, in: lines)
            let below = holds(hunk, at: hunk.oldStart + distance, in: lines)
            if above && below { return nil }
            if above { return hunk.oldStart - distance }
            if below { return hunk.oldStart + distance }
        }
        return nil
    }

    /// Whether `lines` hold the hunk's old lines at `at` (and end there, for a hunk `atEnd`).
    static func holds(_ hunk: Hunk, at: Int, in lines: [[UInt8]]) -> Bool {
        let end = at + hunk.oldLines.count
        return at >= 0 && (hunk.atEnd ? end == lines.count : end <= lines.count) && lines[at..<end].elementsEqual(hunk.oldLines)
    }

    /// Three-way merge of line changes: `ours` and `theirs` both made from `base`. Nil when
    /// their hunks touch the same or adjacent lines.
    public static func merge(base: Document, ours: Document, theirs: Document) -> Document? {
        let mine = hunks(from: base, to: ours), other = hunks(from: base, to: theirs)
        for h in mine {
            for g in other {
                let hEnd = h.oldStart + max(h.oldLines.count, 1)
                let gEnd = g.oldStart + max(g.oldLines.count, 1)
                if h.oldStart <= gEnd && g.oldStart <= hEnd {
                    if h.oldLines == g.oldLines && h.newLines == g.newLines && h.oldStart == g.oldStart { continue }
                    return nil
                }
            }
        }
        let otherOnly = other.filter { g in !mine.contains(where: { $0.oldStart == g.oldStart && $0 == g }) }
        return apply(mine + otherOnly, to: base)
    }
}
