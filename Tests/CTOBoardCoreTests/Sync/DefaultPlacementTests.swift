import Testing
@testable import CTOBoardCore

/// Every task has a place: an owner-tagged TODO.md task with no status heading or tag is open →
/// Pending · Medium, checked → Completed (issue 13 item 5).
@Suite("Default placement")
struct DefaultPlacementTests {
    private let owner = ["# Owner", "", "## Completed", "", "## In Progress", "", "## Pending", "**Medium Priority**:", "- [ ] Other", ""]

    @Test(arguments: [
        ["# TODO", "", "## Platform", "- [ ] Open area task [Owner: CTO]", "- [x] Done area task [Owner: CTO]",
         "- [ ] Other [Owner: CTO] [Priority: Medium]"],
        ["# TODO", "", "## Pending", "- [ ] Other [Owner: CTO]", "", "## Icebox", "- [ ] Open area task [Owner: CTO]",
         "- [x] Done area task [Owner: CTO]"],
    ])
    func areaTasksReachTheOwnerAndStayInSync(_ todo: [String]) {
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        let plan = SyncEngine().plan(pair: pair, base: nil)
        let after = SyncFixture.pair(owner: plan.ownerBytes, todo: plan.todoBytes)
        #expect(after.ownerDoc.entries.first { $0.title == "Open area task" }?.pane == .medium)
        #expect(after.ownerDoc.entries.first { $0.title == "Done area task" }?.pane == .completed)
        #expect(plan.carried.count == 2, "\(plan.carried)")
        #expect(plan.todoBytes == pair.todo.document.bytes, "TODO.md is not touched")
        #expect(after.drift().isEmpty, "\(after.drift())")
        // Nothing more to do, with or without a base: no endless \"added\".
        for base in [nil, BaseSnapshot(owner: plan.ownerBytes, todo: plan.todoBytes)] {
            let again = SyncEngine().plan(pair: after, base: base)
            #expect(again.carried.isEmpty && again.conflicts.isEmpty, "\(again.carried) \(again.conflicts)")
        }
    }

    /// A `[Status: …]` tag added later to a task placed by the default rule is a change of
    /// TODO.md's side, carried to the owner document: not a conflict.
    @Test func aStatusTagAddedLaterIsCarried() {
        let todo = ["# TODO", "", "## Platform", "- [ ] Open area task [Owner: CTO]", "- [ ] Other [Owner: CTO] [Priority: Medium]"]
        let first = SyncEngine().plan(pair: SyncFixture.pair(ownerLines: owner, todoLines: todo), base: nil)
        let base = BaseSnapshot(owner: first.ownerBytes, todo: first.todoBytes)
        var tagged = todo
        tagged[3] = "- [ ] Open area task [Owner: CTO] [Status: In Progress]"
        let pair = SyncFixture.pair(owner: first.ownerBytes, todo: SyncFixture.pair(ownerLines: owner, todoLines: tagged).todo.document.bytes)
        let plan = SyncEngine().plan(pair: pair, base: base)
        #expect(plan.conflicts.isEmpty, "\(plan.conflicts)")
        let after = SyncFixture.pair(owner: plan.ownerBytes, todo: plan.todoBytes)
        #expect(after.ownerDoc.entries.first { $0.title == "Open area task" }?.pane == .inProgress)
        #expect(after.drift().isEmpty, "\(after.drift())")
    }

    /// The default place is marked apart from the section: a tag, when there is one, wins.
    @Test func aTagTakesOver() {
        let t = TaskDocument(document: Document(bytes: Array(
            "## Area\n- [ ] A [Owner: CTO]\n- [x] B [Owner: CTO]\n- [ ] C [Owner: CTO] [Status: In Progress]\n- [ ] D\n".utf8)))
        #expect(t.entries.map(\.defaultPane) == [.medium, .completed, nil, nil])
        #expect(t.entries.map(\.pane) == [nil, nil, .inProgress, nil])
    }
}
