import Testing
@testable import CTOBoardCore

@Suite("ChecklistItem: checkbox list item syntax")
struct ChecklistItemTests {
    struct Form: Sendable, CustomTestStringConvertible {
        var line: String
        var checked: Bool
        var indent: Int
        var text: String
        var testDescription: String { line.debugDescription }
    }

    static let forms: [Form] = [
        Form(line: "- [ ] open task", checked: false, indent: 0, text: "open task"),
        Form(line: "- [x] done task", checked: true, indent: 0, text: "done task"),
        Form(line: "* [x] star bullet", checked: true, indent: 0, text: "star bullet"),
        Form(line: "+ [X] plus bullet", checked: true, indent: 0, text: "plus bullet"),
        Form(line: "1. [ ] numbered dot", checked: false, indent: 0, text: "numbered dot"),
        Form(line: "2) [x] numbered paren", checked: true, indent: 0, text: "numbered paren"),
        Form(line: "10. [X] two digits", checked: true, indent: 0, text: "two digits"),
        Form(line: "  - [ ] indented", checked: false, indent: 2, text: "indented"),
        Form(line: "    * [x] deeper", checked: true, indent: 4, text: "deeper"),
        Form(line: "\t- [ ] tab indented", checked: false, indent: 1, text: "tab indented"),
        Form(line: "-\t[ ]\ttabs around", checked: false, indent: 0, text: "tabs around"),
        Form(line: "-   [x]   wide", checked: true, indent: 0, text: "wide"),
        Form(line: "- [ ]", checked: false, indent: 0, text: ""),
        Form(line: "- [x]   ", checked: true, indent: 0, text: ""),
    ]

    @Test(arguments: forms)
    func recognizes(_ form: Form) throws {
        let bytes = utf8(form.line)
        let item = try #require(ChecklistItem(line: bytes))
        #expect(item.checked == form.checked)
        #expect(item.indent == form.indent)
        #expect(String(decoding: bytes[item.textOffset...], as: UTF8.self) == form.text)
        #expect([0x20, 0x78, 0x58].contains(bytes[item.markOffset]))
        #expect(bytes[item.markOffset - 1] == UInt8(ascii: "["))
        #expect(bytes[item.markOffset + 1] == UInt8(ascii: "]"))
    }

    static let nonItems: [String] = [
        "- plain list item",
        "* plain star item",
        "- [] empty brackets",
        "-[ ] no space after bullet",
        "- [y] unknown mark",
        "- [xx] two marks",
        "- [x]glued text",
        "- [ x] spaced mark",
        "[ ] no bullet",
        "a. [ ] letter numbering",
        "1234567890. [ ] ten digits",
        "1 [ ] number without dot",
        "**High Priority**:",
        "# - [ ] heading",
        "> - [ ] quoted",
        "- [ ",
        "-",
        "",
        "   ",
        "---",
    ]

    @Test(arguments: nonItems)
    func rejects(_ line: String) {
        #expect(ChecklistItem(line: utf8(line)) == nil)
    }

    @Test func worksOnSlicesWithNonZeroStart() throws {
        let bytes = utf8("xxxx  * [X] sliced")
        let slice = bytes[4...]
        let item = try #require(ChecklistItem(line: slice))
        #expect(item.indent == 2)
        #expect(item.checked)
        #expect(item.markOffset == 5)
        #expect(String(decoding: slice.dropFirst(item.textOffset), as: UTF8.self) == "sliced")
    }

    @Test func invalidUTF8InTextIsFine() throws {
        let bytes: [UInt8] = utf8("- [ ] ") + [0xFF, 0xFE]
        let item = try #require(ChecklistItem(line: bytes))
        #expect(Array(bytes[item.textOffset...]) == [0xFF, 0xFE])
    }

    @Test func prefixBuildsANeighboursStyle() throws {
        let line = utf8("  2) [ ]   text")
        let item = try #require(ChecklistItem(line: line))
        #expect(ChecklistItem.prefix(of: line, item: item, checked: true) == utf8("  2) [x]   "))
        #expect(ChecklistItem.prefix(of: line, item: item, checked: false) == utf8("  2) [ ]   "))
    }

    @Test func prefixOfABareBoxAddsASpace() throws {
        let line = utf8("* [X]")
        let item = try #require(ChecklistItem(line: line))
        #expect(ChecklistItem.prefix(of: line, item: item, checked: false) == utf8("* [ ] "))
    }
}
