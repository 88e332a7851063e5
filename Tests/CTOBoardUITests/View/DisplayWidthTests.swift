import Testing
@testable import CTOBoardUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneCellEach() {
        #expect(DisplayWidth.width(of: "hello") == 5)
        #expect(DisplayWidth.width(of: "") == 0)
    }

    @Test func cjkIsTwoCells() {
        #expect(DisplayWidth.width(of: "漢字") == 4)
        #expect(DisplayWidth.width(of: "日本語テキスト") == 14)
        #expect(DisplayWidth.width(of: "한국어") == 6)
        #expect(DisplayWidth.width(of: "ＡＢ") == 4) // fullwidth Latin
        #expect(DisplayWidth.width(of: "ｱ") == 1)   // halfwidth katakana
    }

    @Test func emojiZWJSequenceIsOneWideCluster() {
        let family = "👨‍👩‍👧"
        #expect(family.count == 1)
        #expect(family.unicodeScalars.count == 5)
        #expect(DisplayWidth.width(of: family) == 2)
        #expect(DisplayWidth.width(of: "👩🏽‍💻") == 2)
        #expect(DisplayWidth.width(of: "🏳️‍🌈") == 2)
    }

    @Test func flagsAndModifiersAndKeycaps() {
        #expect(DisplayWidth.width(of: "🇫🇷") == 2)
        #expect(DisplayWidth.width(of: "🇫🇷🇯🇵") == 4)
        #expect(DisplayWidth.width(of: "👍🏽") == 2)
        #expect(DisplayWidth.width(of: "1️⃣") == 2)
        #expect(DisplayWidth.width(of: "✅") == 2)
        #expect(DisplayWidth.width(of: "🔴") == 2)
        #expect(DisplayWidth.width(of: "❤️") == 2)   // text default + VS16
        #expect(DisplayWidth.width(of: "❤") == 1)    // text presentation by default
        #expect(DisplayWidth.width(of: "⌚︎") == 1)  // emoji default + VS15
    }

    @Test func combiningMarksAreZero() {
        let decomposed = "e\u{301}"
        #expect(decomposed.count == 1)
        #expect(DisplayWidth.width(of: decomposed) == 1)
        #expect(DisplayWidth.width(of: "cafe\u{301}") == 4)
        #expect(DisplayWidth.width(of: "café") == 4)
        #expect(DisplayWidth.width(of: "\u{301}") == 0)
        #expect(DisplayWidth.width(of: "a\u{200B}b") == 2)
    }

    @Test func controlCharactersAreZeroAndTabsExpand() {
        #expect(DisplayWidth.width(of: "a\u{7}b") == 2)
        #expect(DisplayWidth.width(of: "\u{1B}") == 0)
        #expect(DisplayWidth.width(of: "\t") == 4)
        #expect(DisplayWidth.width(of: "ab\tc") == 5)     // tab to column 4, then c
        #expect(DisplayWidth.width(of: "abcd\te") == 9)   // at a stop: a full tab
        #expect(DisplayWidth.width(of: "\r\n") == 0)
    }

    @Test func mojibakeIsKeptAndMeasuredByItsScalars() {
        let mojibake = "‚úÖ"                     // "✅" decoded as Mac Roman
        #expect(DisplayWidth.width(of: mojibake) == 3)
        #expect(DisplayWidth.truncate(mojibake + " done", toWidth: 20) == mojibake + " done")
        #expect(DisplayWidth.width(of: "üî¥ CRITICAL") == 12)
    }

    @Test func truncateFitsWithEllipsis() {
        #expect(DisplayWidth.truncate("hello world", toWidth: 20) == "hello world")
        #expect(DisplayWidth.truncate("hello world", toWidth: 11) == "hello world")
        #expect(DisplayWidth.truncate("hello world", toWidth: 8) == "hello w…")
        #expect(DisplayWidth.truncate("hello", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("hello", toWidth: 0) == "")
    }

    @Test func truncateRespectsWideCharactersAndClusters() {
        // 漢字漢字 is 8 wide; in 5 cells: two CJK (4) + "…" (1).
        let cut = DisplayWidth.truncate("漢字漢字", toWidth: 5)
        #expect(cut == "漢字…")
        #expect(DisplayWidth.width(of: cut) == 5)
        // In 4 cells: one CJK + "…" = 3 (a second CJK would need 5).
        #expect(DisplayWidth.truncate("漢字漢字", toWidth: 4) == "漢…")
        // Never splits a ZWJ family or a decomposed é.
        #expect(DisplayWidth.truncate("👨‍👩‍👧👨‍👩‍👧", toWidth: 3) == "👨‍👩‍👧…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", toWidth: 2) == "e\u{301}…")
        for width in 0...12 {
            let text = DisplayWidth.truncate("Réviser 漢字 🇫🇷 plan", toWidth: width)
            #expect(DisplayWidth.width(of: text) <= width)
        }
    }
}
