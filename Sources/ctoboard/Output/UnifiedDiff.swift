import CTOBoardCore

/// `sync --dry-run`'s patch: a unified diff (`--- a`, `+++ b`, `@@` hunks with 3 lines of
/// context) that `git apply` accepts byte for byte: lines as they are (CRLF, bytes that are not
/// UTF-8), the no-final-newline marker, nearby hunks merged.
enum UnifiedDiff {
    static func patch(from old: Document, to new: Document, oldName: String, newName: String) -> [UInt8] {
        let hs = LineDiff.hunks(from: old, to: new)
        if hs.isEmpty { return [] }
        let a = LineDiff.rawLines(old)
        let context = 3
        // Hunks whose context would touch are one hunk, as `diff -u` makes them: the context of
        // the second must not show lines the first replaced, or `git apply` refuses the patch.
        var groups: [[LineDiff.Hunk]] = []
        for h in hs {
            if let last = groups.last?.last, h.oldStart - context <= last.oldStart + last.oldLines.count + context {
                groups[groups.count - 1].append(h)
            } else {
                groups.append([h])
            }
        }
        var out = Array("--- \(oldName)\n+++ \(newName)\n".utf8)
        // A last line without a terminator is marked as `diff` marks it.
        func show(_ prefix: UInt8, _ bytes: ArraySlice<UInt8>) -> [UInt8] {
            let line = [prefix] + bytes
            return bytes.last == 0x0A ? line : line + Array("\n\\ No newline at end of file\n".utf8)
        }
        var delta = 0
        for group in groups {
            let first = group[0], last = group[group.count - 1]
            let ctxStart = max(0, first.oldStart - context)
            let ctxEnd = min(a.count, last.oldStart + last.oldLines.count + context)
            var body: [UInt8] = [], oldCount = 0, newCount = 0
            var at = ctxStart
            for h in group {
                for l in a[at..<h.oldStart] { body += show(0x20, l) }
                for l in h.oldLines { body += show(0x2D, l[...]) }
                for l in h.newLines { body += show(0x2B, l[...]) }
                oldCount += h.oldStart - at + h.oldLines.count
                newCount += h.oldStart - at + h.newLines.count
                at = h.oldStart + h.oldLines.count
            }
            for l in a[at..<ctxEnd] { body += show(0x20, l) }
            oldCount += ctxEnd - at
            newCount += ctxEnd - at
            // An empty side starts at the line before it (`-0,0` for an empty old document).
            let oldFrom = oldCount == 0 ? ctxStart : ctxStart + 1
            let newFrom = newCount == 0 ? ctxStart + delta : ctxStart + 1 + delta
            out += Array("@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n".utf8) + body
            for h in group { delta += h.newLines.count - h.oldLines.count }
        }
        return out
    }
}
