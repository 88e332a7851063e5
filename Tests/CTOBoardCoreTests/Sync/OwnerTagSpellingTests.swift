import Testing
@testable import CTOBoardCore

/// Owner tags in every common spelling give a clean title in the owner document, and the pair
/// is in sync afterwards.
@Suite("Owner tag spellings")
struct OwnerTagSpellingTests {
    @Test(arguments: [
        "- [ ] Fix login **[Owner: CTO]**",
        "- [ ] **[Owner: CTO]** Fix login",
        "- [ ] Fix login [owner: cto]",
        "- [ ] [Owner: CTO] Fix login",
        "- [ ] [Owner: CTO] [Status: In Progress] Fix login",
        "- [ ] Fix login [Owner: CTO, Backend]",
        "- [ ] Fix login [Owner: Backend, CTO]",
    ])
    func spellingGivesACleanTitle(_ todoLine: String) {
        let owner = ["# Owner", "", "## In Progress", "", "## Pending", "- [ ] Other"]
        let todo = ["# TODO", "", "## In Progress", todoLine, "", "## Pending", "- [ ] Other [Owner: CTO]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        let plan = SyncEngine().plan(pair: pair, base: nil)
        let text = String(decoding: plan.ownerBytes, as: UTF8.self)
        #expect(text.contains("\n- [ ] Fix login\n"), "\(todoLine) gave:\n\(text)")
        #expect(plan.todoBytes == pair.todo.document.bytes, "TODO.md is not touched")
        // In sync afterwards: nothing more to carry, no conflict.
        let again = SyncEngine().plan(pair: SyncFixture.pair(owner: plan.ownerBytes, todo: plan.todoBytes),
                                      base: BaseSnapshot(owner: plan.ownerBytes, todo: plan.todoBytes))
        #expect(again.carried.isEmpty && again.conflicts.isEmpty, "\(again.carried) \(again.conflicts)")
    }

    /// A shared tag belongs to each owner it names.
    @Test func sharedTagBelongsToEachOwner() {
        let text = TaskText(Array("Fix login [Owner: CTO, Backend]".utf8))
        #expect(text.isOwned(by: Array("CTO".utf8)) && text.isOwned(by: Array("backend".utf8)))
        #expect(!text.isOwned(by: Array("QA".utf8)))
    }
}
