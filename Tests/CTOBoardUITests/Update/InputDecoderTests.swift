import Testing
@testable import CTOBoardUI

@Suite struct InputDecoderTests {
    let decoder = InputDecoder()

    @Test func characters() {
        #expect(decoder.decode(status: .character, code: 0x61) == .char("a"))
        #expect(decoder.decode(status: .character, code: 0x20) == .char(" "))
        #expect(decoder.decode(status: .character, code: 0x6F22) == .char("漢"))
        #expect(decoder.decode(status: .character, code: 0x1F600) == .char("😀"))
    }

    @Test func controlKeys() {
        #expect(decoder.decode(status: .character, code: 0x03) == .ctrl("c"))
        #expect(decoder.decode(status: .character, code: 0x12) == .ctrl("r"))
        #expect(decoder.decode(status: .character, code: 0x09) == .tab)
        #expect(decoder.decode(status: .character, code: 0x0D) == .enter)
        #expect(decoder.decode(status: .character, code: 0x0A) == .enter)
        #expect(decoder.decode(status: .character, code: 0x1B) == .escape)
        #expect(decoder.decode(status: .character, code: 0x7F) == .backspace)
        #expect(decoder.decode(status: .character, code: 0x9B) == nil)
    }

    @Test func functionKeys() {
        #expect(decoder.decode(status: .functionKey, code: 0o403) == .up)
        #expect(decoder.decode(status: .functionKey, code: 0o402) == .down)
        #expect(decoder.decode(status: .functionKey, code: 0o404) == .left)
        #expect(decoder.decode(status: .functionKey, code: 0o405) == .right)
        #expect(decoder.decode(status: .functionKey, code: 0o523) == .pageUp)
        #expect(decoder.decode(status: .functionKey, code: 0o522) == .pageDown)
        #expect(decoder.decode(status: .functionKey, code: 0o406) == .home)
        #expect(decoder.decode(status: .functionKey, code: 0o550) == .end)
        #expect(decoder.decode(status: .functionKey, code: 0o541) == .backTab)
        #expect(decoder.decode(status: .functionKey, code: 0o512) == .delete)
        #expect(decoder.decode(status: .functionKey, code: 0o407) == .backspace)
        #expect(decoder.decode(status: .functionKey, code: 0o632) == .resize)
        #expect(decoder.decode(status: .functionKey, code: 0o412) == .function(2))
        #expect(decoder.decode(status: .functionKey, code: 0o777) == nil)
    }
}
