import Foundation
import Testing
@testable import CTOBoardCore

/// A task that becomes Completed lands in the same place in both documents: under the section,
/// above its area groups, unless it came from a group of the same name.
@Suite("Group placement")
struct GroupPlacementTests {
    private static let workspace = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/workspace/docs").path

    private func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Self.workspace + "/" + path)))
    }

    @Test func completedLandsAboveTheGroupsInBothDocuments() throws {
        let pair = SyncFixture.pair(owner: try read("Development/CTO_OWNER.md"), todo: try read("Project Management/TODO.md"))
        let change = try OperationPlanner(today: SyncFixture.today).plan(.complete("Evaluate Phoenix/Elixir stack"), on: pair)
        let after = SyncFixture.pair(owner: change.ownerBytes, todo: change.todoBytes)
        for doc in [after.ownerDoc, after.todo] {
            let e = try #require(doc.entries.first { $0.title.hasPrefix("Evaluate Phoenix/Elixir stack") })
            #expect(e.pane == .completed)
            #expect(e.group == nil, "landed in the group \(e.group ?? "")")
            // Right above the first group: its heading follows after one blank line.
            #expect(doc.document.text(e.line + 1) == "")
            #expect(doc.document.text(e.line + 2).hasSuffix("Infrastructure & Hosting"))
        }
    }

    @Test func aTaskFromAGroupGoesBackToTheGroupOfThatName() throws {
        let owner = ["## Completed", "### Infra", "- [x] Old infra", "### Product", "- [x] Old product", "",
                     "## In Progress", "### Infra", "- [ ] New infra", "- [ ] Other"]
        let todo = ["## Completed", "### Infra", "- [x] Old infra [Owner: CTO]", "### Product", "- [x] Old product [Owner: CTO]", "",
                    "## In Progress", "### Infra", "- [ ] New infra [Owner: CTO]", "- [ ] Other [Owner: CTO]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        let change = try OperationPlanner(today: SyncFixture.today, updateLastUpdated: false).plan(.complete("New infra"), on: pair)
        for bytes in [change.ownerBytes, change.todoBytes] {
            let doc = TaskDocument(document: Document(bytes: bytes))
            #expect(doc.entries.first { $0.title.hasPrefix("New infra") }?.group == "Infra")
            #expect(doc.entries.first { $0.title.hasPrefix("New infra") }?.line == 3)
        }
    }
}

/// Reordering across a group heading moves only the selected task into the neighbouring group.
@Suite("Reorder across groups")
struct ReorderAcrossGroupsTests {
    private let owner = ["## Pending", "### Alpha", "- [ ] A1", "- [ ] A2", "  - note", "", "### Beta", "- [ ] B1", "- [ ] B2"]
    private let todo = ["## Pending", "### Alpha", "- [ ] A1 [Owner: CTO]", "- [ ] A2 [Owner: CTO]", "  - note", "",
                        "### Beta", "- [ ] B1 [Owner: CTO]", "- [ ] B2 [Owner: CTO]"]

    @Test(arguments: [DocLayout.lf, .crlf])
    func onlyTheSelectedTaskCrosses(_ layout: DocLayout) throws {
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo, layout: layout)
        let up = try planner.plan(.reorder("B1", by: -1), on: pair)
        #expect(ShownBytes(up.ownerBytes) == ShownBytes(layout.render(
            ["## Pending", "### Alpha", "- [ ] A1", "- [ ] A2", "  - note", "- [ ] B1", "", "### Beta", "- [ ] B2"])))
        #expect(ShownBytes(up.todoBytes) == ShownBytes(layout.render(
            ["## Pending", "### Alpha", "- [ ] A1 [Owner: CTO]", "- [ ] A2 [Owner: CTO]", "  - note", "- [ ] B1 [Owner: CTO]", "",
             "### Beta", "- [ ] B2 [Owner: CTO]"])))
        #expect(up.note == "moved into the group \"Alpha\"")
        #expect(try planner.plan(.reorder("A2", by: -1), on: pair).note == nil)
        let down = try planner.plan(.reorder("A2", by: 1), on: pair)
        #expect(down.note == "moved into the group \"Beta\"")
        #expect(ShownBytes(down.ownerBytes) == ShownBytes(layout.render(
            ["## Pending", "### Alpha", "- [ ] A1", "", "### Beta", "- [ ] A2", "  - note", "- [ ] B1", "- [ ] B2"])))
    }
}
