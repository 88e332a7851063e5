/// The text of a task line after its checkbox, taken apart into title, markers and tags.
///
/// All ranges are byte offsets into ``bytes``. Tags inside backticks are part of the title: the
/// seed has a backticked `` `[Owner: CTO]` `` inside a title, and the owner is the last tag outside
/// backticks.
public struct TaskText: Sendable, Equatable {
    /// A `[Name: value]` tag.
    public struct Tag: Sendable, Equatable {
        /// The tag's value, trimmed.
        public var value: String
        /// The tag's bytes, brackets included.
        public var range: Range<Int>
    }

    private let parts: Parts

    /// The text bytes (a copy: the parsed text keeps a slice of its document's bytes).
    public var bytes: [UInt8] { Array(parts.text) }
    /// The last `[Owner: NAME]` outside backticks.
    public var owner: Tag? { parts.owner.map { parts.allTags[$0] } }
    /// Whether there is an owner tag (``owner`` is not nil), without making it.
    var hasOwner: Bool { parts.owner != nil }
    /// The last `[Status: ...]` outside backticks.
    public var status: Tag? { parts.status.map { parts.allTags[$0] } }
    /// The last `[Priority: ...]` outside backticks.
    public var priority: Tag? { parts.priority.map { parts.allTags[$0] } }
    /// `**VERIFY**:` before the title.
    public var verifyMarker: Range<Int>? { parts.verifyMarker }
    /// `(needs verification)` after the title.
    public var needsVerification: Range<Int>? { parts.needsVerification }
    /// `(verified YYYY-MM-DD)` after the title.
    public var verified: Range<Int>? { parts.verified }
    /// `**CRITICAL**:` or `(CRITICAL)`.
    public var criticalMarker: Range<Int>? { parts.criticalMarker }
    /// Every tag of the three kinds outside backticks (owner, status, priority), in order.
    public var allTags: [Tag] { parts.allTags }

    /// Takes `bytes` apart.
    public init<C: Collection>(_ text: C) where C.Element == UInt8 {
        parts = Parts(Array(text)[...])
    }

    /// Takes a slice of a document's bytes apart, keeping the slice (no copy).
    init(_ text: ArraySlice<UInt8>) {
        parts = Parts(text)
    }

    /// The empty text, shared (other owners' skeleton entries carry it).
    public static let empty = TaskText([UInt8]())

    /// Everything else follows from the bytes.
    public static func == (a: TaskText, b: TaskText) -> Bool {
        a.parts === b.parts || a.parts.text.elementsEqual(b.parts.text)
    }

    /// Whether the task is flagged critical.
    public var critical: Bool { criticalMarker != nil }

    /// Whether the owner tag names `owner` (given as UTF-8), ignoring ASCII case.
    /// A shared tag (`[Owner: CTO, Backend]`) names each of its comma-separated owners.
    public func isOwned(by name: [UInt8]) -> Bool {
        guard let value = owner?.value else { return false }
        return Self.names(value.utf8, name)
    }

    /// Whether the text's last owner tag outside backticks names `owner` (given as UTF-8), found
    /// without taking the text apart: TODO.md's tasks of other owners are only checked this way.
    /// The same answer as ``isOwned(by:)`` on the parsed text.
    static func isOwned(_ buf: UnsafeBufferPointer<UInt8>, by owner: [UInt8]) -> Bool {
        var value: Range<Int>?
        var i = 0
        while i < buf.count {
            if buf[i] == 0x60 { i = codeSpanEnd(buf, at: i); continue }
            if buf[i] == 0x5B, let (kind, v, end) = tagRange(buf, at: i) {
                if kind == 0 { value = v }
                i = end
                continue
            }
            i += 1
        }
        guard let value else { return false }
        return names(buf[value], owner)
    }

    /// Whether an owner tag's value names `owner`: the value, or one of its comma-separated
    /// names, equal to it ignoring case.
    static func names<C: Collection>(_ value: C, _ owner: [UInt8]) -> Bool where C.Element == UInt8 {
        if same(value, owner) { return true }
        guard value.contains(0x2C) else { return false }
        return value.split(separator: 0x2C).contains { same(ByteSearch.trimmed(ArraySlice($0)), owner) }
    }

    /// Two names equal ignoring case (ASCII case on bytes; others case-folded as strings).
    private static func same<C: Collection>(_ v: C, _ name: [UInt8]) -> Bool where C.Element == UInt8 {
        if v.count == name.count, zip(v, name).allSatisfy({ ByteSearch.lower($0) == ByteSearch.lower($1) }) { return true }
        if v.allSatisfy({ $0 < 0x80 }) && name.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: v, as: UTF8.self).lowercased() == String(decoding: name, as: UTF8.self).lowercased()
    }

    private static let verifyPattern = [UInt8](lowercasedASCII: "**verify**")
    private static let criticalPattern = [UInt8](lowercasedASCII: "**critical**")
    private static let needsPattern = [UInt8](lowercasedASCII: "(needs verification)")
    private static let verifiedPattern = [UInt8](lowercasedASCII: "(verified ")
    private static let criticalParen = [UInt8](lowercasedASCII: "(critical)")
    private static let ownerName = [UInt8](lowercasedASCII: "owner")
    private static let statusName = [UInt8](lowercasedASCII: "status")
    private static let priorityName = [UInt8](lowercasedASCII: "priority")

    /// The parsed pieces, shared by copies: a task line's text is parsed once and a
    /// ``TaskEntry`` stays small (one reference instead of every range inline).
    ///
    /// The three named tags are indices into ``allTags``; the title is not kept (``titleBytes``
    /// strips the text again when asked; only the key is kept).
    final class Parts: Sendable {
        /// The text: a slice of the document's bytes (or of a copy). Offsets below are from its
        /// start.
        let text: ArraySlice<UInt8>
        /// Indices into ``allTags`` of the last owner, status and priority tags.
        let owner: Int?, status: Int?, priority: Int?
        let verifyMarker: Range<Int>?
        let needsVerification: Range<Int>?
        let verified: Range<Int>?
        let criticalMarker: Range<Int>?
        let allTags: [Tag]
        /// The normalized title (``TitleKey``).
        let key: String

        /// The title: the text without markers and tags, white space collapsed and trimmed.
        var titleBytes: [UInt8] {
            text.withUnsafeBufferPointer { buf in
                TaskText.stripping(buf, markers: (verifyMarker, needsVerification, verified, criticalMarker),
                                   tags: allTags)
            }
        }

        init(_ text: ArraySlice<UInt8>) {
            var owner: Int?, status: Int?, priority: Int?
            var verifyMarker: Range<Int>?, needsVerification: Range<Int>?, verified: Range<Int>?, criticalMarker: Range<Int>?
            var allTags: [Tag] = []
            var key = ""
            // Scanned through a buffer pointer, into locals: no bounds or exclusivity checks per byte.
            text.withUnsafeBufferPointer { buf in
                let n = buf.count
                var i = 0
                // Leading markers: **VERIFY**: and **CRITICAL**: in either order.
                func leadingMarker(_ pattern: [UInt8]) -> Range<Int>? {
                    var j = i
                    while j < n, ByteSearch.isSpace(buf[j]) { j += 1 }
                    guard j < n, buf[j] == 0x2A, ByteSearch.matches(buf, at: j, pattern) else { return nil }
                    var e = j + pattern.count
                    if e < n, buf[e] == 0x3A { e += 1 }
                    while e < n, ByteSearch.isSpace(buf[e]) { e += 1 }
                    return j..<e
                }
                for _ in 0..<2 {
                    if verifyMarker == nil, let r = leadingMarker(TaskText.verifyPattern) { verifyMarker = r; i = r.upperBound }
                    if criticalMarker == nil, let r = leadingMarker(TaskText.criticalPattern) { criticalMarker = r; i = r.upperBound }
                }
                // Scan the rest, skipping code spans.
                while i < n {
                    let b = buf[i]
                    if b == 0x60 { i = TaskText.codeSpanEnd(buf, at: i); continue }
                    if b == 0x5B, let (name, value, end) = TaskText.tagRange(buf, at: i) {
                        let tag = Tag(value: String(decoding: UnsafeBufferPointer(rebasing: buf[value]), as: UTF8.self),
                                      range: i..<end)
                        let index = allTags.count
                        if name == 0 { owner = index }
                        if name == 1 { status = index }
                        if name == 2 { priority = index }
                        allTags.append(tag)
                        i = end
                        continue
                    }
                    if b == 0x28 { // (
                        if ByteSearch.matches(buf, at: i, TaskText.needsPattern) {
                            needsVerification = i..<(i + TaskText.needsPattern.count)
                        } else if ByteSearch.matches(buf, at: i, TaskText.criticalParen) {
                            if criticalMarker == nil { criticalMarker = i..<(i + TaskText.criticalParen.count) }
                        } else if ByteSearch.matches(buf, at: i, TaskText.verifiedPattern),
                                  let close = buf[i...].firstIndex(of: 0x29) {
                            verified = i..<(close + 1)
                        }
                    }
                    i += 1
                }
                key = TitleKey.make(TaskText.stripping(
                    buf, markers: (verifyMarker, needsVerification, verified, criticalMarker), tags: allTags))
            }
            self.text = text
            self.owner = owner
            self.status = status
            self.priority = priority
            self.verifyMarker = verifyMarker
            self.needsVerification = needsVerification
            self.verified = verified
            self.criticalMarker = criticalMarker
            self.allTags = allTags
            self.key = key
        }
    }

    /// `bytes` without `markers` and every tag's range, white space collapsed and trimmed.
    /// The markers are few: they are walked in place rather than collected and sorted.
    static func stripping(
        _ buf: UnsafeBufferPointer<UInt8>, markers: (Range<Int>?, Range<Int>?, Range<Int>?, Range<Int>?), tags: [Tag]
    ) -> [UInt8] {
        let n = buf.count
        var out: [UInt8] = []
        var i = 0
        var pendingSpace = false
        while i <= n {
            // The nearest marker or tag that starts at or after i (or, overlapping, before).
            var next = n
            var nextEnd = n
            for case let r? in [markers.0, markers.1, markers.2, markers.3]
            where r.upperBound > i && r.lowerBound < next {
                next = r.lowerBound; nextEnd = r.upperBound
            }
            for t in tags {
                let r = wrapped(t.range, in: buf)
                if r.upperBound > i && r.lowerBound < next { next = r.lowerBound; nextEnd = r.upperBound }
            }
            while i < next {
                let b = buf[i]
                if ByteSearch.isSpace(b) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(b)
                }
                i += 1
            }
            if next == n { break }
            if nextEnd > i { i = nextEnd; pendingSpace = !out.isEmpty }
        }
        return out
    }

    /// `[Owner: X]`, `[Status: X]`, `[Priority: X]` at `i`: (kind 0/1/2, value range trimmed, end).
    static func tagRange<B: Collection>(_ bytes: B, at i: Int) -> (Int, Range<Int>, Int)? where B.Element == UInt8, B.Index == Int {
        var j = i + 1
        let n = bytes.endIndex
        while j < n, ByteSearch.isSpace(bytes[j]) { j += 1 }
        let kind: Int
        let nameLength: Int
        if ByteSearch.matches(bytes, at: j, ownerName) { kind = 0; nameLength = ownerName.count }
        else if ByteSearch.matches(bytes, at: j, statusName) { kind = 1; nameLength = statusName.count }
        else if ByteSearch.matches(bytes, at: j, priorityName) { kind = 2; nameLength = priorityName.count }
        else { return nil }
        j += nameLength
        while j < n, ByteSearch.isSpace(bytes[j]) { j += 1 }
        guard j < n, bytes[j] == 0x3A else { return nil }
        j += 1
        var close = j
        while close < n, bytes[close] != 0x5D {
            if bytes[close] == 0x5B { return nil }
            close += 1
        }
        guard close < n else { return nil }
        var lo = j, hi = close
        while lo < hi, ByteSearch.isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, ByteSearch.isSpace(bytes[hi - 1]) { hi -= 1 }
        guard hi > lo else { return nil }
        return (kind, lo..<hi, close + 1)
    }

    /// Past the code span that the backtick run at `i` opens, or past the run when nothing closes it.
    private static func codeSpanEnd(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var run = 0
        while i + run < buf.count, buf[i + run] == 0x60 { run += 1 }
        return closingRun(buf, from: i + run, length: run).map { $0 + run } ?? i + run
    }

    /// Where the run of exactly `length` backticks that closes a code span starts, from `from` on.
    private static func closingRun<B: Collection>(_ bytes: B, from: Int, length: Int) -> Int?
    where B.Element == UInt8, B.Index == Int {
        var j = from
        let n = bytes.endIndex
        while j < n {
            if bytes[j] == 0x60 {
                var run = 0
                while j + run < n, bytes[j + run] == 0x60 { run += 1 }
                if run == length { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// Every marker and tag range, sorted.
    public var markerRanges: [Range<Int>] {
        var ranges = allTags.map(\.range)
        for r in [verifyMarker, needsVerification, verified, criticalMarker] { if let r { ranges.append(r) } }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The title bytes: the text without markers and tags, white space collapsed and trimmed.
    /// Made anew on each use (the parsed text keeps only the key).
    public var titleBytes: [UInt8] { parts.titleBytes }

    /// ``titleBytes`` handed to `body`.
    public func withTitleBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { titleBytes.withUnsafeBufferPointer(body) }

    /// The normalized title: the task's identity across documents (see ``TitleKey``).
    public var key: String { parts.key }

    /// The title for display.
    public var title: String { String(decoding: titleBytes, as: UTF8.self) }

    /// `range` widened to the emphasis wrapped around it alone (`**[Owner: CTO]**`), if any.
    static func wrapped<B: Collection>(_ range: Range<Int>, in bytes: B) -> Range<Int> where B.Element == UInt8, B.Index == Int {
        let lo = range.lowerBound, hi = range.upperBound
        for wrap: [UInt8] in [[0x2A, 0x2A], [0x5F, 0x5F], [0x2A], [0x5F]]
        where lo - wrap.count >= 0 && hi + wrap.count <= bytes.count
            && bytes[(lo - wrap.count)..<lo].elementsEqual(wrap) && bytes[hi..<(hi + wrap.count)].elementsEqual(wrap) {
            return (lo - wrap.count)..<(hi + wrap.count)
        }
        return range
    }

    /// The end of the title part: the offset where trailing tags and trailing markers begin.
    /// New trailing markers such as `(verified DATE)` are inserted here.
    public var titleEnd: Int {
        let bytes = self.bytes
        var end = bytes.count
        while end > 0, ByteSearch.isSpace(bytes[end - 1]) { end -= 1 }
        let trailing = markerRanges.filter { $0.lowerBound >= (verifyMarker?.upperBound ?? 0) && $0 != verifyMarker }
        for r in trailing.reversed().map({ Self.wrapped($0, in: bytes) }) {
            var e = r.upperBound
            // allow spaces between the trailing pieces
            while e < end, ByteSearch.isSpace(bytes[e]) { e += 1 }
            if e >= end {
                end = r.lowerBound
                while end > 0, ByteSearch.isSpace(bytes[end - 1]) { end -= 1 }
            } else {
                break
            }
        }
        return end
    }
}
