import Testing
@testable import CTOBoardUI

@Suite struct LineEditorTests {
    @Test func insertsAtCursorAndMovesByGraphemes() {
        var editor = LineEditor(text: "héllo")
        #expect(editor.cursor == 5)
        editor.moveHome()
        editor.moveRight()
        editor.insert("X")
        #expect(editor.text == "hXéllo")
        #expect(editor.cursor == 2)
        editor.moveEnd()
        editor.insert("!")
        #expect(editor.text == "hXéllo!")
    }

    @Test func backspaceRemovesWholeClusters() {
        var editor = LineEditor(text: "ae\u{301}👨‍👩‍👧🇫🇷")
        #expect(editor.cursor == 4)
        editor.backspace()
        #expect(editor.text == "ae\u{301}👨‍👩‍👧")
        editor.backspace()
        #expect(editor.text == "ae\u{301}")
        editor.backspace()
        #expect(editor.text == "a")
        editor.backspace()
        editor.backspace()
        #expect(editor.text == "")
        #expect(editor.cursor == 0)
    }

    @Test func deleteForwardAndCursorLimits() {
        var editor = LineEditor(text: "漢字x")
        editor.moveHome()
        editor.moveLeft()
        #expect(editor.cursor == 0)
        editor.deleteForward()
        #expect(editor.text == "字x")
        editor.moveEnd()
        editor.deleteForward()
        #expect(editor.text == "字x")
        editor.moveRight()
        #expect(editor.cursor == 2)
        #expect(editor.cursorColumn == 3)
    }

    @Test func combiningMarkTypedAfterBaseJoinsIt() {
        var editor = LineEditor(text: "caf")
        editor.insert("e")
        editor.insert("\u{301}")
        #expect(editor.text == "cafe\u{301}")
        #expect(editor.cursor == 4)
        editor.backspace()
        #expect(editor.text == "caf")
    }

    @Test func controlCharactersAreNotInserted() {
        var editor = LineEditor()
        editor.insert("a\u{7}b\n")
        #expect(editor.text == "ab")
    }

    @Test func deleteToStart() {
        var editor = LineEditor(text: "hello world", cursor: 6)
        editor.deleteToStart()
        #expect(editor.text == "world")
        #expect(editor.cursor == 0)
    }
}
