import Testing
@testable import CTOBoardCore

/// When ctoboard edits TODO.md, an owner tag keeps its spelling and position.
@Suite("Owner tags keep their spelling")
struct OwnerTagEditTests {
    @Test(arguments: [
        ("- [ ] Fix login **[Owner: CTO]**", "**[Owner: CTO]**", false),
        ("- [ ] **[Owner: CTO]** Fix login", "**[Owner: CTO]**", true),
        ("- [ ] Fix login [owner: cto]", "[owner: cto]", false),
        ("- [ ] [Owner: CTO] Fix login", "[Owner: CTO]", true),
        ("- [ ] Fix login [Owner: CTO, Backend]", "[Owner: CTO, Backend]", false),
    ])
    func tagStays(_ c: (line: String, tag: String, leading: Bool)) throws {
        let owner = ["## Completed", "", "## In Progress", "- [ ] Fix login", "", "## Pending", "- [ ] Other"]
        let todo = ["## Completed", "", "## In Progress", c.line, "", "## Pending", "- [ ] Other [Owner: CTO]"]
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
        var pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        for op: TaskOperation in [.complete("Fix login"), .verify("Fix login"), .move("Fix login", to: .high),
                                  .edit("Fix login", title: "Fix sign-in"), .start("Fix sign-in")] {
            let change = try planner.plan(op, on: pair)
            pair = SyncFixture.pair(owner: change.ownerBytes, todo: change.todoBytes)
            let line = try #require(String(decoding: change.todoBytes, as: UTF8.self).split(separator: "\n")
                .first { $0.contains("Fix ") }.map(String.init))
            #expect(line.components(separatedBy: c.tag).count == 2, "\(op): \(line)")
            if c.leading {
                #expect(line.hasPrefix("- [ ] " + c.tag) || line.hasPrefix("- [x] " + c.tag) || line.hasPrefix("- [ ] **VERIFY**: " + c.tag),
                        "\(op): \(line)")
            } else {
                #expect(line.hasSuffix(c.tag), "\(op): \(line)")
            }
            #expect(!line.contains("  "), "\(op): \(line)")
        }
    }
}
