import Testing
import PropertyBased
@testable import CTOBoardCore

/// `TaskDocument(bytes:reusing:)` must give exactly the full parse of the new bytes, whatever
/// the edit between the two documents.
@Suite("Reparsing a revised document")
struct TaskDocumentRevisionTests {
    /// Everything a parse yields, compared field by field.
    private static func expectSame(_ a: TaskDocument, _ b: TaskDocument, _ note: @autoclosure () -> String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.document.bytes == b.document.bytes, "\(note())", sourceLocation: sourceLocation)
        #expect(a.document.lines == b.document.lines, "\(note())", sourceLocation: sourceLocation)
        #expect(a.entries == b.entries, "\(note())", sourceLocation: sourceLocation)
        #expect(a.entries.map(\.key) == b.entries.map(\.key), "\(note())", sourceLocation: sourceLocation)
        #expect(a.anchors == b.anchors, "\(note())", sourceLocation: sourceLocation)
        #expect(a.pendingAnchor == b.pendingAnchor, "\(note())", sourceLocation: sourceLocation)
        #expect(a.lastUpdatedLines == b.lastUpdatedLines, "\(note())", sourceLocation: sourceLocation)
        #expect(a.syncPath == b.syncPath, "\(note())", sourceLocation: sourceLocation)
        #expect(a.keyOwner == b.keyOwner, "\(note())", sourceLocation: sourceLocation)
    }

    private static func check(old: [UInt8], new: [UInt8], keyOwner: String?) {
        let earlier = TaskDocument(document: Document(bytes: old), keyOwner: keyOwner)
        let revised = TaskDocument(bytes: new, reusing: earlier)
        let full = TaskDocument(document: Document(bytes: new), keyOwner: keyOwner)
        expectSame(revised, full, "old \(old) new \(new)")
    }

    /// Two generated documents: the second made from the first by replacing a run of its
    /// lines with generated ones, or by splicing random bytes in at any offset.
    @Test func anyEditReparsesAsAFullParse() async {
        await propertyCheck(count: 600, input: modelDocument, modelDocument, Gen.int(in: 0...10_000).array(of: 4)) { a, b, r in
            let old = a.bytes
            var new = old
            switch r[0] % 3 {
            case 0:
                // Lines of the second document in place of some of the first's bytes.
                let i = r[1] % (old.count + 1), j = i + r[2] % (old.count - i + 1)
                let k = r[3] % (b.bytes.count + 1)
                new.replaceSubrange(i..<j, with: b.bytes[k...].prefix(r[2] % 60))
            case 1:
                // A byte changed, added or removed anywhere (the BOM, a line break, a CR...).
                let i = r[1] % (old.count + 1)
                let byte: UInt8 = [0x0A, 0x0D, 0x23, 0x60, 0x2A, 0x20, 0x78, 0xEF, 0x5B][r[2] % 9]
                if i < old.count && r[3] % 3 == 0 { new[i] = byte }
                else if i < old.count && r[3] % 3 == 1 { new.remove(at: i) }
                else { new.insert(byte, at: i) }
            default:
                // Whole documents: nothing in common, or one a prefix of the other.
                new = r[1] % 2 == 0 ? b.bytes : Array(old.prefix(r[2] % (old.count + 1)))
            }
            Self.check(old: old, new: new, keyOwner: nil)
            Self.check(old: old, new: new, keyOwner: "CTO")
            Self.check(old: new, new: old, keyOwner: "CTO")
        }
    }

    @Test func aCheckboxFlippedInALargeDocumentKeepsEveryOtherEntry() {
        var text = "# TODO\n## In Progress\n"
        for i in 0..<300 { text += "- [ ] Task \(i) [Owner: \(i % 3 == 0 ? "CTO" : "QA")]\n" }
        text += "## Pending\n**High Priority**:\n- [ ] Last [Owner: CTO]\n**Last Updated**: today\n"
        let old = Array(text.utf8)
        let earlier = TaskDocument(document: Document(bytes: old), keyOwner: "CTO")
        var new = old
        let at = Array(text.utf8).firstIndex(of: 0x5B)!   // "[" of the first "- [ ]"
        new[at + 1] = 0x78
        let revised = TaskDocument(bytes: new, reusing: earlier)
        Self.expectSame(revised, TaskDocument(document: Document(bytes: new), keyOwner: "CTO"), "flip")
        // Reused, not parsed again: the entries after the edit share their parsed text.
        #expect(revised.entries[150].text == earlier.entries[150].text)
        #expect(revised.entries[0].checked && !earlier.entries[0].checked)
    }

    @Test func aHeadingAddedAboveTasksChangesTheirSection() {
        let old = Array("## In Progress\n- [ ] A\n\n- [ ] B\n## Pending\n- [ ] C\n".utf8)
        let new = Array("## In Progress\n- [ ] A\n## Completed\n- [ ] B\n## Pending\n- [ ] C\n".utf8)
        let revised = TaskDocument(bytes: new, reusing: TaskDocument(document: Document(bytes: old)))
        Self.expectSame(revised, TaskDocument(document: Document(bytes: new)), "heading")
        #expect(revised.entries.map(\.pane) == [.inProgress, .completed, .medium])
        #expect(revised.anchors[.completed]?.line == 2)
    }

    @Test func aFenceOpenedAboveTasksHidesThem() {
        let old = Array("## Pending\n- [ ] A\nprose\n- [ ] B\n- [ ] C\n".utf8)
        let new = Array("## Pending\n- [ ] A\n```\n- [ ] B\n- [ ] C\n".utf8)
        let revised = TaskDocument(bytes: new, reusing: TaskDocument(document: Document(bytes: old)))
        Self.expectSame(revised, TaskDocument(document: Document(bytes: new)), "fence")
        #expect(revised.entries.count == 1)
    }

    /// The first line starts after a byte order mark, not after a line break: a change to the
    /// mark leaves no line to keep after it.
    @Test func aChangedByteOrderMarkReadsTheFirstLineAgain() {
        let old: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("- [ ] A\n".utf8)
        for new in [[0x00, 0xBB, 0xBF] + Array("- [ ] A\n".utf8), Array("- [ ] A\n".utf8), [0xEF] + old] {
            let revised = TaskDocument(bytes: new, reusing: TaskDocument(document: Document(bytes: old)))
            Self.expectSame(revised, TaskDocument(document: Document(bytes: new)), "bom \(new)")
            let back = TaskDocument(bytes: old, reusing: TaskDocument(document: Document(bytes: new)))
            Self.expectSame(back, TaskDocument(document: Document(bytes: old)), "bom back \(new)")
        }
    }

    @Test func linesAddedMoveTheEntriesAfterThem() {
        let old = Array("\u{FEFF}## Pending\r\n- [ ] A\r\n- [ ] B\r\n- [ ] C".utf8)
        let new = Array("\u{FEFF}## Pending\r\n- [ ] A\r\n- [ ] New 1\r\n- [ ] New 2\r\n- [ ] B\r\n- [ ] C".utf8)
        let revised = TaskDocument(bytes: new, reusing: TaskDocument(document: Document(bytes: old)))
        Self.expectSame(revised, TaskDocument(document: Document(bytes: new)), "insert")
        #expect(revised.entries.map(\.line) == [1, 2, 3, 4, 5])
        #expect(revised.entries.map(\.title) == ["A", "New 1", "New 2", "B", "C"])
    }
}
