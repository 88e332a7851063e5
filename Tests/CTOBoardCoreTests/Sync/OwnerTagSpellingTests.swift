import Testing
import PropertyBased
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

/// TODO.md's tasks of other owners are only checked for their owner tag, never taken apart: that
/// check gives the same answer as the parsed text's.
@Suite struct OwnerCheckPropertyTests {
    static let pieces = ["Ship it", " ", "[Owner: CTO]", "[owner:cto]", "[Owner: Backend]", "[Owner: CTO, QA]", "`[Owner: CTO]`",
                         "`", "``", "[Status: Done]", "[", "]", "**VERIFY**: ", "(needs verification)", "[Owner: ÇTO]", "[Owner:  ]"]

    @Test func theQuickCheckAgreesWithTheParsedText() async {
        let piece = Gen.int(in: 0...(Self.pieces.count - 1)).map { Self.pieces[$0] }
        await propertyCheck(count: 500, input: piece.array(of: 0...8), Gen.int(in: 0...2)) { parts, who in
            let bytes = Array(parts.joined().utf8)
            let owner = Array(["CTO", "qa", "çto"][who].utf8)
            let quick = bytes.withUnsafeBufferPointer { TaskText.isOwned($0, by: owner) }
            #expect(quick == TaskText(bytes).isOwned(by: owner), "\(parts.joined())")
        }
    }
}
