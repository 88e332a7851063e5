import Testing
@testable import CTOBoardUI

@Suite struct ScreenBufferTests {
    @Test func putClipsAtBufferEdgeAndMaxWidth() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        let written = buffer.put("hello world", x: 2, y: 0, style: .plain)
        #expect(written == 8)
        #expect(buffer.line(0) == "  hello wo")
        buffer.put("abcdef", x: 0, y: 1, style: .plain, maxWidth: 3)
        #expect(buffer.line(1) == "abc")
    }

    @Test func wideCharactersTakeTwoCellsWithContinuation() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        #expect(buffer.put("漢a", x: 0, y: 0, style: .plain) == 3)
        #expect(buffer[0, 0].text == "漢")
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].text == "a")
        #expect(buffer.plainText() == "漢a")
    }

    @Test func wideCharacterThatDoesNotFitIsNotDrawn() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        #expect(buffer.put("ab漢字", x: 0, y: 0, style: .plain) == 4)
        #expect(buffer.plainText() == "ab漢")
        var other = ScreenBuffer(width: 10, height: 1)
        #expect(other.put("漢字", x: 0, y: 0, style: .plain, maxWidth: 3) == 2)
        #expect(other.line(0) == "漢")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("漢字", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)   // right half of 漢
        #expect(buffer.line(0) == " x字")
        buffer.put("y", x: 2, y: 0, style: .plain)   // left half of 字
        #expect(buffer.line(0) == " xy")
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("漢字漢字", x: 0, y: 0, style: .plain)
        buffer.fill(x: 3, y: 0, width: 2, height: 1, style: .plain)   // right half of 字, left half of 漢
        #expect(buffer.line(0) == "漢    字")
        for x in 0..<8 where buffer[x, 0].width == 2 {
            #expect(buffer[x + 1, 0].isContinuation)
        }
        for x in 0..<8 where buffer[x, 0].isContinuation {
            #expect(x > 0 && buffer[x - 1, 0].width == 2)
        }
    }

    @Test func clustersStayWhole() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        buffer.put("👨‍👩‍👧e\u{301}🇫🇷", x: 0, y: 0, style: .plain)
        #expect(buffer[0, 0].text == "👨‍👩‍👧")
        #expect(buffer[2, 0].text == "e\u{301}")
        #expect(buffer[3, 0].text == "🇫🇷")
        #expect(buffer.line(0) == "👨‍👩‍👧e\u{301}🇫🇷")
    }

    @Test func tabsExpandAndControlsAreDropped() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        let written = buffer.put("a\tb\u{7}c", x: 1, y: 0, style: .plain)
        #expect(written == 6)
        #expect(buffer.line(0) == " a   bc")
    }

    @Test func plainTextTrimsTrailingSpaces() {
        var buffer = ScreenBuffer(width: 5, height: 3)
        buffer.put("ab", x: 0, y: 0, style: .plain)
        buffer.put("c", x: 4, y: 2, style: .plain)
        #expect(buffer.plainText() == "ab\n\n    c")
    }

    @Test func stylesAreStored() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        let bold = Style(fg: .indexed(1), attributes: [.bold])
        buffer.put("ab", x: 1, y: 0, style: bold)
        #expect(buffer[1, 0].style == bold)
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func outOfRangeWritesAreIgnored() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        #expect(buffer.put("ab", x: 0, y: 5, style: .plain) == 0)
        #expect(buffer.put("ab", x: 9, y: 0, style: .plain) == 0)
        #expect(buffer.put("abcdef", x: -2, y: 0, style: .plain) == 6)
        #expect(buffer.line(0) == "cdef")
    }
}
