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
    }

    /// The lines of a document with their terminators.
    static func rawLines(_ doc: Document) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(doc.lines.count)
        for (i, line) in doc.lines.enumerated() {
            // The BOM belongs to the first line so that hunks reproduce it.
            out.append(doc.bytes[(i == 0 ? 0 : line.start)..<line.end])
        }
        if doc.lines.isEmpty && !doc.bytes.isEmpty { out.append(doc.bytes[0..<doc.bytes.count]) }
        return out
    }

    /// The hunks that turn `old` into `new`.
    public static func hunks(from old: Document, to new: Document) -> [Hunk] {
        let a = rawLines(old), b = rawLines(new)
        // Common prefix and suffix first: most edits are small.
        var lo = 0
        while lo < a.count, lo < b.count, a[lo] == b[lo] { lo += 1 }
        var ea = a.count, eb = b.count
        while ea > lo, eb > lo, a[ea - 1] == b[eb - 1] { ea -= 1; eb -= 1 }
        if lo == ea && lo == eb { return [] }
        // Hash lines to ints for the middle part.
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func id(_ s: ArraySlice<UInt8>) -> Int {
            if let v = ids[s] { return v }
            let v = ids.count
            ids[s] = v
            return v
        }
        let x = a[lo..<ea].map(id), y = b[lo..<eb].map(id)
        let script = myers(x, y)   // pairs of matched indices (in x, in y)
        var hunks: [Hunk] = []
        var i = 0, j = 0
        for (mi, mj) in script + [(x.count, y.count)] {
            if mi > i || mj > j {
                hunks.append(Hunk(oldStart: lo + i, oldLines: a[(lo + i)..<(lo + mi)].map(Array.init),
                                  newStart: lo + j, newLines: b[(lo + j)..<(lo + mj)].map(Array.init)))
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

    /// Applies hunks (made against `base`) to `doc`, whose lines at each hunk's place must still be
    /// the hunk's old lines; nil when one of them no longer is.
    public static func apply(_ hunks: [Hunk], to doc: Document) -> Document? {
        var lines = rawLines(doc).map(Array.init)
        for hunk in hunks.sorted(by: { $0.oldStart > $1.oldStart }) {
            let end = hunk.oldStart + hunk.oldLines.count
            guard end <= lines.count, Array(lines[hunk.oldStart..<end]) == hunk.oldLines else { return nil }
            lines.replaceSubrange(hunk.oldStart..<end, with: hunk.newLines)
        }
        return Document(bytes: Array(lines.joined()))
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

    /// A unified diff (`--- a`, `+++ b`, `@@` hunks with 3 lines of context) for display.
    public static func unified(from old: Document, to new: Document, oldName: String, newName: String) -> String {
        let hs = hunks(from: old, to: new)
        if hs.isEmpty { return "" }
        let a = rawLines(old)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        func show(_ bytes: ArraySlice<UInt8>) -> String {
            var s = String(decoding: bytes, as: UTF8.self)
            while s.hasSuffix("\n") || s.hasSuffix("\r") || s.hasSuffix("\r\n") { s.removeLast() }
            return s
        }
        var delta = 0
        for h in hs {
            let ctxStart = max(0, h.oldStart - 3)
            let ctxEnd = min(a.count, h.oldStart + h.oldLines.count + 3)
            let before = a[ctxStart..<h.oldStart]
            let after = a[(h.oldStart + h.oldLines.count)..<ctxEnd]
            let oldCount = before.count + h.oldLines.count + after.count
            let newCount = before.count + h.newLines.count + after.count
            out += "@@ -\(ctxStart + 1),\(oldCount) +\(ctxStart + 1 + delta),\(newCount) @@\n"
            for l in before { out += " " + show(l) + "\n" }
            for l in h.oldLines { out += "-" + show(l[...]) + "\n" }
            for l in h.newLines { out += "+" + show(l[...]) + "\n" }
            for l in after { out += " " + show(l) + "\n" }
            delta += h.newLines.count - h.oldLines.count
        }
        return out
    }
}
