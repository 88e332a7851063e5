/// Minimal rewrites of a task's text (the part after the checkbox) for a change of state.
///
/// Only the markers that must change are added or removed; the title, its emphasis, code spans
/// and tags stay byte-identical.
public enum TaskTextRewriter {
    /// Where a task is going, as far as its markers are concerned.
    public enum Target: Sendable, Equatable {
        /// Completed and unchecked: `**VERIFY**: TITLE (needs verification)`.
        case awaitingVerification
        /// Completed and checked: markers gone, `(verified DATE)` added.
        case verified(date: String)
        /// Any other pane: verification markers gone.
        case active
    }

    private static let verifyPrefix = Array("**VERIFY**: ".utf8)
    private static let needsSuffix = Array(" (needs verification)".utf8)

    /// The text rewritten for `target`.
    public static func rewrite(_ text: TaskText, for target: Target) -> [UInt8] {
        var edits: [(Range<Int>, [UInt8])] = []
        let bytes = text.bytes
        func removeTrailing(_ r: Range<Int>?) {
            guard let r else { return }
            var lo = r.lowerBound
            if lo > 0, ByteSearch.isSpace(bytes[lo - 1]) { lo -= 1 }
            edits.append((lo..<r.upperBound, []))
        }
        let insertAt = text.titleEnd
        switch target {
        case .awaitingVerification:
            if text.verifyMarker == nil { edits.append((0..<0, verifyPrefix)) }
            removeTrailing(text.verified)
            if text.needsVerification == nil { edits.append((insertAt..<insertAt, needsSuffix)) }
        case .verified(let date):
            if let r = text.verifyMarker { edits.append((r, [])) }
            removeTrailing(text.needsVerification)
            if text.verified == nil { edits.append((insertAt..<insertAt, Array(" (verified \(date))".utf8))) }
        case .active:
            if let r = text.verifyMarker { edits.append((r, [])) }
            removeTrailing(text.needsVerification)
            removeTrailing(text.verified)
        }
        return apply(edits, to: bytes)
    }

    /// The text with its title replaced, markers and tags kept.
    public static func retitle(_ text: TaskText, title: [UInt8]) -> [UInt8] {
        var start = 0
        for r in [text.verifyMarker, text.criticalMarker].compactMap({ $0 }) where r.lowerBound <= start + 1 {
            start = max(start, r.upperBound)
        }
        // Tags before the title (`[Owner: CTO] Title`) stay before it.
        let bytes = text.bytes
        var leading = true
        while leading {
            leading = false
            var i = start
            while i < bytes.count, ByteSearch.isSpace(bytes[i]) { i += 1 }
            for tag in text.allTags {
                let r = TaskText.wrapped(tag.range, in: bytes)
                if r.lowerBound == i { start = r.upperBound; leading = true; break }
            }
        }
        while start < bytes.count, start > 0, ByteSearch.isSpace(bytes[start]) { start += 1 }
        let end = max(start, text.titleEnd)
        // A (CRITICAL) marker inside the old title would be lost: keep it after the new title.
        var replacement = title
        if let c = text.criticalMarker, c.lowerBound >= start, c.upperBound <= end {
            replacement += Array(" (CRITICAL)".utf8)
        }
        // So would tags followed by more text (`T [Owner: CTO] see notes`): the owner tag says
        // whose task it is. Keep them after the new title too.
        for tag in text.allTags where tag.range.lowerBound >= start && tag.range.upperBound <= end {
            let r = TaskText.wrapped(tag.range, in: bytes)
            replacement += [0x20] + bytes[(r.lowerBound >= start && r.upperBound <= end ? r : tag.range)]
        }
        return apply([(start..<end, replacement)], to: text.bytes)
    }

    /// The text with its `[Status: ...]` and `[Priority: ...]` tags set for `pane` (area layout).
    /// Missing tags are added before the owner tag (or at the end).
    public static func retag(_ text: TaskText, pane: Pane) -> [UInt8] {
        let status = pane.statusName, priority = pane.capitalizedPriority
        var edits: [(Range<Int>, [UInt8])] = []
        let insertAt = text.owner?.range.lowerBound ?? text.bytes.count
        var additions: [UInt8] = []
        if let tag = text.status {
            if HeadingKind.statusPane(tag.value) != HeadingKind.statusPane(status) {
                edits.append((tag.range, Array("[Status: \(status)]".utf8)))
            }
        } else {
            additions += Array("[Status: \(status)] ".utf8)
        }
        if let tag = text.priority {
            if let priority {
                if HeadingKind.statusPane(tag.value) != HeadingKind.statusPane(priority) {
                    edits.append((tag.range, Array("[Priority: \(priority)]".utf8)))
                }
            } else {
                var lo = tag.range.lowerBound
                if lo > 0, ByteSearch.isSpace(text.bytes[lo - 1]) { lo -= 1 }
                edits.append((lo..<tag.range.upperBound, []))
            }
        } else if let priority {
            additions += Array("[Priority: \(priority)] ".utf8)
        }
        if !additions.isEmpty {
            if text.owner == nil {
                // At the end: a space before, none after.
                additions.removeLast()
                if let last = text.bytes.last, !ByteSearch.isSpace(last) { additions.insert(0x20, at: 0) }
            }
            edits.append((insertAt..<insertAt, additions))
        }
        return apply(edits, to: text.bytes)
    }

    /// Applies edits given in any order. Edits may overlap (markers can nest, as in
    /// `(verified (needs verification)`, and a removal may take the space before it): an edit is
    /// cut where the next one starts, so overlapping bytes are replaced once.
    static func apply(_ edits: [(Range<Int>, [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        // From the end backwards; at one position a removal goes before an insertion, so the
        // insertion is not removed with it.
        let ordered = edits.sorted {
            $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound > $1.0.lowerBound : $0.0.upperBound > $1.0.upperBound
        }
        var limit = bytes.count
        for (range, replacement) in ordered {
            out.replaceSubrange(range.lowerBound..<min(range.upperBound, limit), with: replacement)
            limit = range.lowerBound
        }
        return out
    }
}
