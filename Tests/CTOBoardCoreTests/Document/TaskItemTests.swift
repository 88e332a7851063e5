import Testing
@testable import CTOBoardCore

/// A task is its whole list item; a nested checkbox belongs to its parent.
@Suite("Task items")
struct TaskItemTests {
    private func parse(_ lines: [String], crlf: Bool = false) -> TaskDocument {
        TaskDocument(document: Document(bytes: Array(lines.joined(separator: crlf ? "\r\n" : "\n").utf8)))
    }

    @Test(arguments: [false, true])
    func itemTakesEveryLineIndentedDeeperThanItsMarker(_ crlf: Bool) {
        let t = parse([
            "## In Progress",                 // 0
            "- [ ] Parent",                   // 1
            "  - sub-bullet",                 // 2
            "  - [x] nested done",            // 3
            "    - [ ] nested deeper",        // 4
            "",                               // 5
            "  note after a blank line",      // 6
            "lazy continuation",              // 7
            "",                               // 8
            "- [ ] Next",                     // 9
            "\t- [x] tab-indented child",     // 10
            "",                               // 11
            "Paragraph after a blank line",   // 12
            "  - [ ] Indented task",          // 13
            "- [ ] Shallower next",           // 14
            "  ## Heading ends the item",     // 15
        ], crlf: crlf)
        #expect(t.entries.map(\.title) == ["Parent", "Next", "Indented task", "Shallower next"])
        #expect(t.entries.map(\.lines) == [1..<8, 9..<11, 13..<14, 14..<15])
        #expect(t.entries.map(\.progress) == ["1/2", "1/1", nil, nil])
        #expect(t.entries[0].childLines.map { String(decoding: $0, as: UTF8.self) } == [
            "  - sub-bullet", "  - [x] nested done", "    - [ ] nested deeper", "", "  note after a blank line",
            "lazy continuation",
        ])
    }

    /// Whatever tags it carries, a nested checkbox is not a task: not matched, not reported.
    @Test func nestedCheckboxWithTagsIsNotATask() {
        let owner = ["## In Progress", "- [ ] Parent", "  - [ ] Child [Owner: CTO] [Status: Pending]"]
        let todo = ["## In Progress", "- [ ] Parent [Owner: CTO]", "  - [ ] Child [Owner: CTO] [Status: Pending]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        #expect(pair.tasks.map(\.title) == ["Parent"])
        #expect(pair.drift().isEmpty)
    }

    @Test func fencedCodeAndLabelsEndTheItemOrStayInIt() {
        let t = parse([
            "## Pending",
            "- [ ] Task",
            "  ```",
            "  - [ ] code, not a box",
            "  ```",
            "**High Priority**:",
            "- [ ] Other",
        ])
        #expect(t.entries.map(\.lines) == [1..<5, 6..<7])
        #expect(t.entries[0].progress == nil)
        #expect(t.entries[1].pane == .high)
    }
}
