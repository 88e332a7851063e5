import Testing
import PropertyBased
@testable import CTOBoardCore

/// The journal keeps each old document as the line hunks that turn it into the new one: decoding
/// a journal gives back both documents byte for byte, whatever their line endings, BOM or last line.
@Suite struct JournalPropertyTests {
    static let choices = ["- [ ] a [Owner: CTO]\n", "b\n", "c\r\n", "d", "\u{FEFF}e\n", "\n", "  - note\n", "x\r", "ü\u{301}\n"]

    @Test func bothDocumentsComeBackExactly() async {
        let line = Gen.int(in: 0...(Self.choices.count - 1)).map { Self.choices[$0] }
        await propertyCheck(count: 300, input: line.array(of: 0...14), line.array(of: 0...14), line.array(of: 0...6)) { x, y, z in
            let old = Array(x.joined().utf8), new = Array(y.joined().utf8), same = Array(z.joined().utf8)
            let journal = Journal(basePath: "/s/base", pair: PairPaths(owner: "CTO", ownerDoc: "/d/o.md", todo: "/d/t.md"),
                                  entries: [Journal.Entry(path: "/d/o.md", old: old, new: new),
                                            Journal.Entry(path: "/d/t.md", old: same, new: same)],
                                  historyPath: "/s/h", historyLine: Array("{}\n".utf8))
            let decoded = Journal.decode(journal.encode())
            #expect(decoded == journal)
            #expect(decoded?.entries[0].old == old && decoded?.entries[0].new == new)
            #expect(decoded?.entries[0].changed == (old != new))
            #expect(decoded?.entries[1].old == same && decoded?.entries[1].changed == false)
        }
    }
}
