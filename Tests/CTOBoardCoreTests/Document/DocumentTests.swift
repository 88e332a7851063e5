import Testing
@testable import CTOBoardCore

@Suite("Document: lossless byte lines")
struct DocumentTests {
    /// Each line as (content bytes, ending).
    private func shape(_ d: Document) -> [([UInt8], LineEnding)] {
        d.lines.indices.map { (Array(d.content($0)), d.lines[$0].ending) }
    }

    @Test func emptyDocumentHasNoLines() {
        let d = Document(bytes: [])
        #expect(d.lines.isEmpty)
        #expect(!d.hasBOM)
        #expect(d.bytes == [])
    }

    @Test func lfLines() {
        let d = Document(bytes: utf8("a\nbc\n"))
        #expect(d.lines.count == 2)
        #expect(d.text(0) == "a")
        #expect(d.text(1) == "bc")
        #expect(d.lines.map(\.ending) == [.lf, .lf])
        #expect(d.bytes == utf8("a\nbc\n"))
    }

    @Test func crlfLinesKeepTheirTerminator() {
        let bytes = utf8("one\r\ntwo\r\n")
        let d = Document(bytes: bytes)
        #expect(d.lines.count == 2)
        #expect(Array(d.content(0)) == utf8("one"))
        #expect(Array(d.content(1)) == utf8("two"))
        #expect(d.lines.map(\.ending) == [.crlf, .crlf])
        #expect(d.lines[0] == Document.Line(start: 0, contentEnd: 3, end: 5))
        #expect(d.bytes == bytes)
        #expect(d.dominantEnding == .crlf)
    }

    @Test func mixedEndings() {
        let bytes = utf8("a\r\nb\nc\r\nd")
        let d = Document(bytes: bytes)
        #expect(d.lines.map(\.ending) == [.crlf, .lf, .crlf, LineEnding.none])
        #expect((0..<4).map { d.text($0) } == ["a", "b", "c", "d"])
        #expect(d.bytes == bytes)
    }

    @Test func dominantEndingCountsTerminators() {
        #expect(Document(bytes: utf8("a\nb\r\nc\n")).dominantEnding == .lf)
        #expect(Document(bytes: utf8("a\r\nb\r\nc\n")).dominantEnding == .crlf)
        #expect(Document(bytes: utf8("no newline")).dominantEnding == .lf)
        #expect(Document(bytes: []).dominantEnding == .lf)
    }

    @Test func noFinalNewline() {
        let d = Document(bytes: utf8("first\nlast"))
        #expect(d.lines.count == 2)
        #expect(d.lines[1].ending == LineEnding.none)
        #expect(d.text(1) == "last")
        #expect(d.lines[1].end == 10)
    }

    @Test func blankLinesAreLines() {
        let d = Document(bytes: utf8("\n\r\n\n"))
        #expect(d.lines.count == 3)
        #expect(d.lines.map(\.ending) == [.lf, .crlf, .lf])
        #expect(d.lines.allSatisfy { $0.start == $0.contentEnd })
    }

    @Test func loneCarriageReturnIsContentNotATerminator() {
        let d = Document(bytes: utf8("a\rb\nc\r"))
        #expect(d.lines.count == 2)
        #expect(Array(d.content(0)) == utf8("a\rb"))
        #expect(d.lines[0].ending == .lf)
        #expect(Array(d.content(1)) == utf8("c\r"))
        #expect(d.lines[1].ending == LineEnding.none)
    }

    @Test func doubleCarriageReturnKeepsOneAsContent() {
        let d = Document(bytes: utf8("a\r\r\n"))
        #expect(d.lines.count == 1)
        #expect(Array(d.content(0)) == utf8("a\r"))
        #expect(d.lines[0].ending == .crlf)
    }

    @Test func byteOrderMarkIsKeptButNotContent() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8("# Title\r\nx\n")
        let d = Document(bytes: bytes)
        #expect(d.hasBOM)
        #expect(d.lines[0].start == 3)
        #expect(d.text(0) == "# Title")
        #expect(!d.text(0).unicodeScalars.contains("\u{FEFF}"))
        #expect(d.bytes == bytes)
    }

    @Test func byteOrderMarkAlone() {
        let d = Document(bytes: [0xEF, 0xBB, 0xBF])
        #expect(d.hasBOM)
        #expect(d.lines.isEmpty)
        #expect(d.bytes == [0xEF, 0xBB, 0xBF])
    }

    @Test func partialByteOrderMarkIsContent() {
        let d = Document(bytes: [0xEF, 0xBB, 0x0A])
        #expect(!d.hasBOM)
        #expect(d.lines.count == 1)
        #expect(Array(d.content(0)) == [0xEF, 0xBB])
    }

    @Test func bomInTheMiddleIsContent() {
        let bytes: [UInt8] = utf8("a\n") + [0xEF, 0xBB, 0xBF] + utf8("b\n")
        let d = Document(bytes: bytes)
        #expect(!d.hasBOM)
        #expect(Array(d.content(1)) == [0xEF, 0xBB, 0xBF] + utf8("b"))
    }

    @Test func invalidUTF8IsPreservedAndShownAsReplacement() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x0A, 0x80, 0x0A]
        let d = Document(bytes: bytes)
        #expect(d.lines.count == 2)
        #expect(Array(d.content(0)) == [0x61, 0xFF, 0x62, 0xC3])
        #expect(d.text(0) == "a\u{FFFD}b\u{FFFD}")
        #expect(d.text(1) == "\u{FFFD}")
        #expect(d.bytes == bytes)
    }

    @Test func tabsAndMojibakeAreKept() {
        let line = "\t- [ ]\t### ‚úÖ Completed Tasks \t"
        let d = Document(bytes: utf8(line + "\n"))
        #expect(Array(d.content(0)) == utf8(line))
        #expect(d.text(0) == line)
    }

    @Test func unicodeIsNotNormalized() {
        // NFD "é" must stay two scalars: no String round trip.
        let nfd = utf8("Cafe\u{0301}\r\n")
        let d = Document(bytes: nfd)
        #expect(Array(d.content(0)) == Array(nfd.dropLast(2)))
        #expect(d.bytes == nfd)
    }

    // MARK: - replacingContent(ofLine:with:)

    @Test func replacingContentKeepsCRLFAndOtherLines() {
        let d = Document(bytes: utf8("a\r\nb\r\nc\r\n"))
        let e = d.replacingContent(ofLine: 1, with: utf8("BEE"))
        #expect(e.bytes == utf8("a\r\nBEE\r\nc\r\n"))
    }

    @Test func replacingContentOfBareLastLine() {
        let d = Document(bytes: utf8("a\r\nb\r\nc"))
        #expect(d.replacingContent(ofLine: 2, with: utf8("Z")).bytes == utf8("a\r\nb\r\nZ"))
        #expect(d.replacingContent(ofLine: 0, with: utf8("")).bytes == utf8("\r\nb\r\nc"))
    }

    @Test func replacingContentAfterBOMKeepsBOM() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let d = Document(bytes: bom + utf8("- [ ] x\n"))
        let e = d.replacingContent(ofLine: 0, with: utf8("- [x] x"))
        #expect(e.bytes == bom + utf8("- [x] x\n"))
        #expect(e.hasBOM)
    }

    @Test func replacingContentKeepsInvalidBytesElsewhere() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x0A] + utf8("- [ ] t\n") + [0xC0, 0x0D, 0x0A]
        let d = Document(bytes: bytes)
        let e = d.replacingContent(ofLine: 1, with: utf8("- [x] t"))
        #expect(e.bytes == [0xFF, 0xFE, 0x0A] + utf8("- [x] t\n") + [0xC0, 0x0D, 0x0A])
    }

    // MARK: - replacing(lines:with:)

    @Test func replacingOneLineInCRLFDocument() {
        let d = Document(bytes: utf8("a\r\nb\r\nc"))
        #expect(d.replacing(lines: 1..<2, with: [utf8("X")]).bytes == utf8("a\r\nX\r\nc"))
    }

    @Test func replacingTheBareLastLineKeepsItBare() {
        let d = Document(bytes: utf8("a\r\nb\r\nc"))
        #expect(d.replacing(lines: 2..<3, with: [utf8("Z")]).bytes == utf8("a\r\nb\r\nZ"))
        #expect(d.replacing(lines: 2..<3, with: [utf8("Y"), utf8("Z")]).bytes == utf8("a\r\nb\r\nY\r\nZ"))
    }

    @Test func insertingUsesDominantEnding() {
        let crlf = Document(bytes: utf8("a\r\nb\r\n"))
        #expect(crlf.replacing(lines: 1..<1, with: [utf8("x")]).bytes == utf8("a\r\nx\r\nb\r\n"))
        #expect(crlf.replacing(lines: 2..<2, with: [utf8("x")]).bytes == utf8("a\r\nb\r\nx\r\n"))
        let lf = Document(bytes: utf8("a\nb\n"))
        #expect(lf.replacing(lines: 0..<0, with: [utf8("x"), utf8("y")]).bytes == utf8("x\ny\na\nb\n"))
    }

    @Test func appendingAfterBareLastLineKeepsNoFinalNewline() {
        let d = Document(bytes: utf8("a\r\nb"))
        #expect(d.replacing(lines: 2..<2, with: [utf8("c")]).bytes == utf8("a\r\nb\r\nc"))
    }

    @Test func deletingTheBareLastLineRemovesThePreviousTerminator() {
        let d = Document(bytes: utf8("a\r\nb\r\nc"))
        #expect(d.replacing(lines: 2..<3, with: []).bytes == utf8("a\r\nb"))
        #expect(d.replacing(lines: 1..<3, with: []).bytes == utf8("a"))
        #expect(d.replacing(lines: 0..<3, with: []).bytes == [])
    }

    @Test func deletingTheBareLastLineAfterAnEmptyLineKeepsTheEmptyLine() {
        // "a\n\nb" without "b": the empty line must not vanish with its terminator.
        let d = Document(bytes: utf8("a\n\nb"))
        let e = d.replacing(lines: 2..<3, with: [])
        #expect(e.bytes == utf8("a\n\n"))
        #expect(e.lines.count == 2)
    }

    @Test func emptyNewLastLineIsKept() {
        let d = Document(bytes: utf8("a\r\nb"))
        let replaced = d.replacing(lines: 1..<2, with: [[]])
        #expect(replaced.lines.count == 2)
        #expect(replaced.bytes == utf8("a\r\n\r\n"))
        let appended = d.replacing(lines: 2..<2, with: [utf8("c"), []])
        #expect(appended.lines.count == 4)
        #expect(appended.bytes == utf8("a\r\nb\r\nc\r\n\r\n"))
    }

    @Test func appendingAfterABareLineEndingInCarriageReturnKeepsIt() {
        // LF after the bare "b\r" would turn it into "b" + CRLF.
        let d = Document(bytes: utf8("a\nb\r"))
        let e = d.replacing(lines: 2..<2, with: [utf8("c")])
        #expect(e.bytes == utf8("a\nb\r\r\nc"))
        #expect(Array(e.content(1)) == utf8("b\r"))
        #expect(e.lines.count == 3)
    }

    @Test func deletingMiddleLines() {
        let d = Document(bytes: utf8("a\nb\r\nc\nd"))
        #expect(d.replacing(lines: 1..<3, with: []).bytes == utf8("a\nd"))
    }

    @Test func replacementLinesTakeTheReplacedLinesEndings() {
        // Line 1 ends in CRLF in an LF-dominant document: its replacement keeps CRLF,
        // the extra line takes the dominant LF.
        let d = Document(bytes: utf8("a\nb\r\nc\n"))
        #expect(d.replacing(lines: 1..<2, with: [utf8("x"), utf8("y")]).bytes == utf8("a\nx\r\ny\nc\n"))
    }

    @Test func replacingInEmptyDocument() {
        let d = Document(bytes: [])
        #expect(d.replacing(lines: 0..<0, with: [utf8("x")]).bytes == utf8("x\n"))
        #expect(d.replacing(lines: 0..<0, with: []).bytes == [])
    }

    @Test func replacingFirstLineKeepsBOM() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let d = Document(bytes: bom + utf8("# T\r\nx"))
        let e = d.replacing(lines: 0..<1, with: [utf8("# U")])
        #expect(e.bytes == bom + utf8("# U\r\nx"))
        let f = d.replacing(lines: 0..<0, with: [utf8("top")])
        #expect(f.bytes == bom + utf8("top\r\n# T\r\nx"))
    }

    @Test func noOpReplacementIsIdentity() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8("a\r\n\tb\n") + [0xFF] + utf8("c")
        let d = Document(bytes: bytes)
        for i in d.lines.indices {
            #expect(d.replacing(lines: i..<(i + 1), with: [Array(d.content(i))]).bytes == bytes)
            #expect(d.replacingContent(ofLine: i, with: Array(d.content(i))).bytes == bytes)
        }
        #expect(d.replacing(lines: 1..<1, with: []).bytes == bytes)
    }

    @Test func resultIsReparsed() {
        let d = Document(bytes: utf8("a\nb\n")).replacing(lines: 1..<2, with: [utf8("x"), utf8("y")])
        #expect(shape(d).map(\.0) == [utf8("a"), utf8("x"), utf8("y")])
        #expect(d.lines.count == 3)
    }
}
