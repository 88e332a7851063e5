import Testing
import PropertyBased
@testable import CTOBoardCore

/// Bytes that matter to the parsers, drawn often; any other byte is drawn too.
private let interesting: [UInt8] = [
    0x0D, 0x0A, 0x0D, 0x0A, 0x0A, 0xEF, 0xBB, 0xBF, 0x20, 0x20, 0x09, 0x00,
    0x2D, 0x2A, 0x2B, 0x5B, 0x5D, 0x78, 0x58, 0x23, 0x23, 0x60, 0x7E, 0x3A, 0x28, 0x29, 0x5F,
    0x31, 0x2E, 0x61, 0x62, 0x41, 0x80, 0xFF, 0xC3, 0xA9, 0xCC, 0x81, 0xE2, 0x9C,
]

/// Random bytes, biased towards line terminators, the BOM, Markdown syntax and high bytes.
private let randomBytes = Gen.int(in: 0...(interesting.count + 255))
    .map { i -> UInt8 in i < interesting.count ? interesting[i] : UInt8(i - interesting.count) }
    .array(of: 0...240)

/// Random bytes that may start with a BOM.
let randomDocumentBytes = zip(Gen.bool, randomBytes).map { pair -> [UInt8] in
    (pair.0 ? [0xEF, 0xBB, 0xBF] : []) + pair.1
}

/// One line of a generated task document.
enum ModelLine: Sendable {
    case heading(String)
    case label(String)
    case task(prefix: String, text: String)
    case fence(String)
    case plain(String)
    case blank

    var text: String {
        switch self {
        case .heading(let s), .label(let s), .fence(let s), .plain(let s): return s
        case .task(let prefix, let text): return prefix + text
        case .blank: return ""
        }
    }
}

private let headings = [
    "# Title", "## ✅ Completed", "### ‚úÖ Completed Tasks", "## In Progress", "### üîÑ In Progress",
    "## Pending", "### High Priority", "### Medium Priority", "### Low", "#### Infrastructure & Hosting",
    "## Done", "## Doing", "## Backlog", "## Notes", "## Area: Platform",
]
private let labels = ["**High Priority**:", "**Medium Priority**:", "**Low Priority**:", "**Last Updated**: today", "**Note**:"]
private let prefixes = ["- [ ] ", "- [x] ", "* [X] ", "+ [ ] ", "1. [ ] ", "2) [x] ", "  - [ ] ", "\t- [x]\t"]
private let titleWords = [
    "Deploy", "the", "API", "Caf\u{00E9}", "Cafe\u{0301}", "**bold**", "`[Owner: CTO]`", "[Owner: CTO]",
    "[Owner: QA]", "[Status: Done]", "[Status: In Progress]", "[Priority: High]", "(CRITICAL)",
    "**VERIFY**:", "(needs verification)", "ünï", "x", "_y_", "~~z~~", "\t",
]
private let plains = ["- plain item", "- [] not a task", "Some prose.", "---", "| a | b |", "synchronized with `TODO.md`"]
private let fences = ["```", "~~~", "```swift"]

let modelLine = Gen.int(in: 0...99).map { $0 }
    .array(of: 4)
    .map { r -> ModelLine in
        switch r[0] % 10 {
        case 0, 1: return .heading(headings[r[1] % headings.count])
        case 2: return .label(labels[r[1] % labels.count])
        case 3, 4, 5, 6:
            let words = (0..<(1 + r[3] % 5)).map { titleWords[(r[2] + $0 * r[3]) % titleWords.count] }
            return .task(prefix: prefixes[r[1] % prefixes.count], text: words.joined(separator: " "))
        case 7: return .fence(fences[r[1] % fences.count])
        case 8: return .plain(plains[r[1] % plains.count])
        default: return .blank
        }
    }

/// A generated document: its lines, an ending per line, a BOM flag and a final-newline flag
/// (also used by the revision tests).
let modelDocument = zip(
    modelLine.array(of: 0...40), Gen.bool.array(of: 40), Gen.bool, Gen.bool
).map { generated -> (lines: [ModelLine], bytes: [UInt8]) in
    let (lines, crlf, bom, finalNewline) = generated
    var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
    for (i, line) in lines.enumerated() {
        bytes += Array(line.text.utf8)
        if i < lines.count - 1 || finalNewline { bytes += crlf[i] ? [0x0D, 0x0A] : [0x0A] }
    }
    return (lines, bytes)
}

/// The lines of a model that are tasks: checkbox lines outside fences that are not inside
/// another task's list item (indented deeper than its marker, or a lazy continuation of it).
func expectedTaskLines(_ lines: [ModelLine]) -> [Int] {
    expectedItems(lines).map(\.lowerBound)
}

/// The column of a prefix's marker (a tab advances to the next multiple of 4).
private func markerColumn(_ s: String) -> Int {
    var column = 0
    for c in s.unicodeScalars {
        if c == " " { column += 1 } else if c == "\t" { column += 4 - column % 4 } else { break }
    }
    return column
}

/// The line ranges of a model's task items, by the rule in ``TaskEntry/lines``.
func expectedItems(_ lines: [ModelLine]) -> [Range<Int>] {
    var open: Character?
    var result: [Range<Int>] = []
    var item: (start: Int, end: Int, column: Int, lazy: Bool)?
    func close() {
        if let i = item { result.append(i.start..<i.end) }
        item = nil
    }
    for (i, line) in lines.enumerated() {
        switch line {
        case .fence(let s):
            close()
            let c = s.first!
            if let o = open {
                // CommonMark: a closing fence has no info string.
                if o == c && s.count == 3 { open = nil }
            } else {
                open = c
            }
        case .task(let prefix, _):
            guard open == nil else { continue }
            let column = markerColumn(prefix)
            if let it = item, column > it.column {
                item?.end = i + 1
                item?.lazy = true
            } else {
                close()
                item = (i, i + 1, column, true)
            }
        case .plain(let s):
            guard item != nil else { continue }
            // Lazy continuation: prose continues the item, blocks of their own end it.
            if item!.lazy && (s == "Some prose." || s.hasPrefix("synchronized")) { item?.end = i + 1 } else { close() }
        case .blank:
            item?.lazy = false
        case .heading, .label:
            close()
        }
    }
    close()
    return result
}

@Suite("Round-trip properties")
struct RoundTripPropertyTests {
    @Test func randomBytesRoundTrip() async {
        await propertyCheck(count: 500, input: randomDocumentBytes) { bytes in
            let d = Document(bytes: bytes)
            #expect(d.bytes == bytes)
            // The lines tile the document exactly.
            var rebuilt: [UInt8] = d.hasBOM ? [0xEF, 0xBB, 0xBF] : []
            var offset = d.hasBOM ? 3 : 0
            for (i, line) in d.lines.enumerated() {
                #expect(line.start == offset)
                #expect(!d.content(i).contains(0x0A))
                if line.ending == .lf { #expect(d.content(i).last != 0x0D) }
                if line.ending == LineEnding.none { #expect(i == d.lines.count - 1) }
                rebuilt += d.content(i) + line.ending.bytes
                offset = line.end
            }
            #expect(rebuilt == bytes)
            #expect(d.hasBOM == (bytes.count >= 3 && Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func randomBytesTaskDocumentNeverCrashes() async {
        await propertyCheck(count: 500, input: randomDocumentBytes) { bytes in
            let t = TaskDocument(document: Document(bytes: bytes))
            #expect(t.document.bytes == bytes)
            var last = -1
            for e in t.entries {
                #expect(e.line > last)
                last = e.line
                #expect(ChecklistItem(line: t.document.content(e.line)) == e.item)
                #expect(e.key == TitleKey.make(e.text.titleBytes))
                _ = e.state
                _ = e.title
            }
            let pair = TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: "o", todo: "t"), ownerDoc: t, todo: t)
            _ = pair.drift()
        }
    }

    @Test func generatedTaskDocumentsRoundTrip() async {
        await propertyCheck(count: 300, input: modelDocument) { model in
            let t = TaskDocument(document: Document(bytes: model.bytes))
            #expect(t.document.bytes == model.bytes)
            #expect(t.document.lines.count == model.lines.count
                    || (model.lines.last.map { if case .blank = $0 { return true } else { return false } } ?? false))
            #expect(t.entries.map(\.line) == expectedTaskLines(model.lines))
            #expect(t.entries.map(\.lines) == expectedItems(model.lines))
            for e in t.entries {
                guard case .task(_, let text) = model.lines[e.line] else {
                    Issue.record("line \(e.line) is not a task in the model")
                    continue
                }
                #expect(e.text.bytes == Array(text.utf8.drop { $0 == 0x20 || $0 == 0x09 }))
            }
        }
    }

    @Test func generatedDocumentsSurviveATaskEdit() async {
        await propertyCheck(count: 200, input: modelDocument, Gen.int(in: 0...1000)) { model, pick in
            let t = TaskDocument(document: Document(bytes: model.bytes))
            guard !t.entries.isEmpty else { return }
            let e = t.entries[pick % t.entries.count]
            let content = t.document.content(e.line)
            var toggled = Array(content)
            toggled[e.item.markOffset] = e.checked ? 0x20 : 0x78
            let edited = t.document.replacingContent(ofLine: e.line, with: toggled)
            let again = TaskDocument(document: edited)
            #expect(edited.bytes.count == model.bytes.count)
            #expect(zip(edited.bytes, model.bytes).filter { $0 != $1 }.count == 1)
            #expect(again.entries.map(\.line) == t.entries.map(\.line))
            #expect(again.entries.map(\.key) == t.entries.map(\.key))
            let i = again.entries.firstIndex { $0.line == e.line }!
            #expect(again.entries[i].checked == !e.checked)
            // Toggling back restores the original bytes.
            #expect(edited.replacingContent(ofLine: e.line, with: Array(content)).bytes == model.bytes)
        }
    }

    /// Content for a line: no LF, and no CR at its end (a CR before the terminator would merge
    /// into CRLF).
    private static let lineContent = Gen.int(in: 0...(interesting.count + 255))
        .map { i -> UInt8 in i < interesting.count ? interesting[i] : UInt8(i - interesting.count) }
        .array(of: 1...30)
        .map { bytes -> [UInt8] in
            var b = bytes.filter { $0 != 0x0A }
            while b.last == 0x0D { b.removeLast() }
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst() }
            return b.isEmpty ? [0x61] : b
        }

    @Test func replacingContentKeepsAllOtherLines() async {
        await propertyCheck(count: 500, input: randomDocumentBytes, Gen.int(in: 0...1000), Self.lineContent) { bytes, pick, content in
            let d = Document(bytes: bytes)
            guard !d.lines.isEmpty else { return }
            let index = pick % d.lines.count
            let e = d.replacingContent(ofLine: index, with: content)
            try #require(e.lines.count == d.lines.count)
            #expect(e.hasBOM == d.hasBOM)
            for j in d.lines.indices {
                #expect(e.lines[j].ending == d.lines[j].ending)
                if j == index {
                    #expect(Array(e.content(j)) == content)
                } else {
                    #expect(e.content(j) == d.content(j))
                }
            }
        }
    }

    /// A content replacement's lines, for any content (line breaks, a trailing CR, a BOM, nothing
    /// at all), are exactly those a fresh split of its bytes finds.
    @Test func replacingContentLinesEqualAFreshSplit() async {
        await propertyCheck(count: 800, input: randomDocumentBytes, Gen.int(in: 0...1000), randomBytes) { bytes, pick, content in
            let d = Document(bytes: bytes)
            guard !d.lines.isEmpty else { return }
            let e = d.replacingContent(ofLine: pick % d.lines.count, with: Array(content.prefix(pick % 7 == 0 ? 0 : 40)))
            let fresh = Document(bytes: e.bytes)
            #expect(e.lines == fresh.lines)
            #expect(e.hasBOM == fresh.hasBOM)
        }
    }

    @Test func replacingLinesKeepsTheRest() async {
        await propertyCheck(
            count: 500, input: randomDocumentBytes, Gen.int(in: 0...1000), Gen.int(in: 0...3),
            Self.lineContent.array(of: 0...3)
        ) { bytes, pick, length, newLines in
            let d = Document(bytes: bytes)
            let lower = d.lines.isEmpty ? 0 : pick % (d.lines.count + 1)
            let upper = min(d.lines.count, lower + length)
            let e = d.replacing(lines: lower..<upper, with: newLines)
            #expect(e.lines.count == d.lines.count - (upper - lower) + newLines.count)
            #expect(e.hasBOM == d.hasBOM)
            // Lines before the edit are byte-identical. At the end of a document without a final
            // newline, the line just before the edit loses its terminator when the lines after it
            // are deleted, and gains one when lines are appended after it.
            let lastBare = d.lines.last?.ending == LineEnding.none
            for j in 0..<lower {
                #expect(e.content(j) == d.content(j))
                if !(lastBare && upper == d.lines.count && j == lower - 1) {
                    #expect(e.lines[j].ending == d.lines[j].ending)
                }
            }
            for (k, line) in newLines.enumerated() {
                #expect(Array(e.content(lower + k)) == line)
            }
            // Lines after the edit are byte-identical, terminators included.
            for j in upper..<d.lines.count {
                let k = j - upper + lower + newLines.count
                #expect(e.content(k) == d.content(j))
                #expect(e.lines[k].ending == d.lines[j].ending)
            }
            // Replacing lines with their own content changes nothing.
            let same = d.replacing(lines: lower..<upper, with: (lower..<upper).map { Array(d.content($0)) })
            #expect(same.bytes == bytes)
            // A document without a final newline keeps that property.
            if d.lines.last?.ending == LineEnding.none, let last = e.lines.last, last.start < last.contentEnd {
                #expect(e.lines.last?.ending == LineEnding.none)
            }
        }
    }
}
