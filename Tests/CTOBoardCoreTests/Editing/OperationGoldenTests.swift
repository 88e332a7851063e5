import Testing
@testable import CTOBoardCore

/// One operation and the exact line edits it must make to each document.
struct GoldenCase: Sendable {
    var name: String
    var operation: TaskOperation
    var owner: [LineEdit]
    var todo: [LineEdit]
}

/// The `**Last Updated**:` rewrites every change makes with today = 2026-11-05: the owner
/// document's month-year lines become November 2026, TODO.md's ISO date stays ISO.
private let ownerLastUpdated: [LineEdit] = [.replaceAll("**Last Updated**: January 2026", "**Last Updated**: November 2026")]
private let todoLastUpdated: [LineEdit] = [.replace("**Last Updated**: 2026-01-15", "**Last Updated**: 2026-11-05")]

private let sectionedCases: [GoldenCase] = [
    GoldenCase(
        name: "toggle", operation: .toggle("Build API"),
        owner: [.replace("- [ ] Build API", "- [x] Build API")],
        todo: [.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")]),
    GoldenCase(
        name: "toggle a Completed task", operation: .toggle("Ship v1"),
        owner: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification)", "- [x] **VERIFY**: Ship v1 (needs verification)")],
        todo: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]",
                        "- [x] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]")]),
    GoldenCase(
        name: "toggle a Unicode title by fragment", operation: .toggle("任务"),
        owner: [.replace("- [ ] Ünïcode 任务 café ✓", "- [x] Ünïcode 任务 café ✓")],
        todo: [.replace("- [ ] Ünïcode 任务 café ✓ [Owner: CTO]", "- [x] Ünïcode 任务 café ✓ [Owner: CTO]")]),
    GoldenCase(
        name: "verify", operation: .verify("Ship v1"),
        owner: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification)", "- [x] Ship v1 (verified 2026-11-05)")],
        todo: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]",
                        "- [x] Ship v1 (verified 2026-11-05) [Owner: CTO]")]),
    GoldenCase(
        name: "complete", operation: .complete("Build API"),
        owner: [.remove("- [ ] Build API"),
                .insertAfter("- [ ] **VERIFY**: Ship v1 (needs verification)", ["- [ ] **VERIFY**: Build API (needs verification)"])],
        todo: [.remove("- [ ] Build API [Owner: CTO]"),
               .insertAfter("- [x] Other done [Owner: QA]", ["- [ ] **VERIFY**: Build API (needs verification) [Owner: CTO]"])]),
    GoldenCase(
        name: "move to completed", operation: .move("Build API", to: .completed),
        owner: [.remove("- [ ] Build API"),
                .insertAfter("- [ ] **VERIFY**: Ship v1 (needs verification)", ["- [ ] **VERIFY**: Build API (needs verification)"])],
        todo: [.remove("- [ ] Build API [Owner: CTO]"),
               .insertAfter("- [x] Other done [Owner: QA]", ["- [ ] **VERIFY**: Build API (needs verification) [Owner: CTO]"])]),
    GoldenCase(
        name: "start", operation: .start("Audit security"),
        owner: [.remove("- [ ] Audit security"), .insertAfter("- [ ] Ünïcode 任务 café ✓", ["- [ ] Audit security"])],
        todo: [.remove("- [ ] Audit security [Owner: CTO]"),
               .insertAfter("- [ ] Ünïcode 任务 café ✓ [Owner: CTO]", ["- [ ] Audit security [Owner: CTO]"])]),
    GoldenCase(
        name: "move to another priority", operation: .move("Write docs", to: .low),
        owner: [.remove("- [ ] Write docs"), .insertAfter("- [ ] Tune costs", ["- [ ] Write docs"])],
        todo: [.remove("- [ ] Write docs [Owner: CTO]"), .insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [ ] Write docs [Owner: CTO]"])]),
    GoldenCase(
        name: "move out of Completed", operation: .move("Ship v1", to: .high),
        owner: [.remove("- [ ] **VERIFY**: Ship v1 (needs verification)"), .insertAfter("- [ ] Audit security", ["- [ ] Ship v1"])],
        todo: [.remove("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]"),
               .insertAfter("- [ ] Audit security [Owner: CTO]", ["- [ ] Ship v1 [Owner: CTO]"])]),
    GoldenCase(
        name: "reorder", operation: .reorder("Plan migration", by: -1),
        owner: [.remove("- [ ] Plan migration"), .insertAfter("**Medium Priority**:", ["- [ ] Plan migration"])],
        // Swapped with the owner's previous task; the QA task with the same title stays first.
        todo: [.remove("- [ ] Plan migration [Owner: CTO]"),
               .insertAfter("- [ ] Write docs [Owner: QA]", ["- [ ] Plan migration [Owner: CTO]"])]),
    GoldenCase(
        name: "add", operation: .add(title: "Rotate keys", to: .high),
        owner: [.insertAfter("- [ ] Audit security", ["- [ ] Rotate keys"])],
        todo: [.insertAfter("- [ ] Audit security [Owner: CTO]", ["- [ ] Rotate keys [Owner: CTO]"])]),
    GoldenCase(
        name: "add a Unicode title", operation: .add(title: "Mise à jour 日本語 ✨", to: .inProgress),
        owner: [.insertAfter("- [ ] Ünïcode 任务 café ✓", ["- [ ] Mise à jour 日本語 ✨"])],
        todo: [.insertAfter("- [ ] Ünïcode 任务 café ✓ [Owner: CTO]", ["- [ ] Mise à jour 日本語 ✨ [Owner: CTO]"])]),
    GoldenCase(
        name: "add to Completed", operation: .add(title: "Hotfix shipped", to: .completed),
        owner: [.insertAfter("- [ ] **VERIFY**: Ship v1 (needs verification)", ["- [ ] **VERIFY**: Hotfix shipped (needs verification)"])],
        todo: [.insertAfter("- [x] Other done [Owner: QA]", ["- [ ] **VERIFY**: Hotfix shipped (needs verification) [Owner: CTO]"])]),
    GoldenCase(
        name: "edit to a Unicode title", operation: .edit("Tune costs", title: "Réduire les coûts 💶"),
        owner: [.replace("- [ ] Tune costs", "- [ ] Réduire les coûts 💶")],
        todo: [.replace("- [ ] Tune costs [Owner: CTO]", "- [ ] Réduire les coûts 💶 [Owner: CTO]")]),
    GoldenCase(
        name: "edit keeps markers", operation: .edit("Ship v1", title: "Ship v1.0"),
        owner: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification)", "- [ ] **VERIFY**: Ship v1.0 (needs verification)")],
        todo: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]",
                        "- [ ] **VERIFY**: Ship v1.0 (needs verification) [Owner: CTO]")]),
    GoldenCase(
        name: "delete", operation: .delete("Write docs"),
        owner: [.remove("- [ ] Write docs")],
        todo: [.remove("- [ ] Write docs [Owner: CTO]")]),
    GoldenCase(
        name: "critical on", operation: .critical("Build API"),
        owner: [.replace("- [ ] Build API", "- [ ] **CRITICAL**: Build API")],
        todo: [.replace("- [ ] Build API [Owner: CTO]", "- [ ] **CRITICAL**: Build API [Owner: CTO]")]),
    GoldenCase(
        name: "critical on after VERIFY", operation: .critical("Ship v1"),
        owner: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification)", "- [ ] **VERIFY**: **CRITICAL**: Ship v1 (needs verification)")],
        todo: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]",
                        "- [ ] **VERIFY**: **CRITICAL**: Ship v1 (needs verification) [Owner: CTO]")]),
]

private let areaCases: [GoldenCase] = [
    GoldenCase(
        name: "toggle", operation: .toggle("Build API"),
        owner: [.replace("- [ ] Build API", "- [x] Build API")],
        todo: [.replace("- [ ] Build API [Status: In Progress] [Owner: CTO]", "- [x] Build API [Status: In Progress] [Owner: CTO]")]),
    GoldenCase(
        name: "start retags in place", operation: .start("Audit security"),
        owner: [.remove("- [ ] Audit security"), .insertAfter("- [ ] Ünïcode 任务 café ✓", ["- [ ] Audit security"])],
        todo: [.replace("- [ ] Audit security [Status: Pending] [Priority: High] [Owner: CTO]",
                        "- [ ] Audit security [Status: In Progress] [Owner: CTO]")]),
    GoldenCase(
        name: "move to a priority adds the tag", operation: .move("Build API", to: .medium),
        owner: [.remove("- [ ] Build API"), .insertAfter("- [ ] Plan migration", ["- [ ] Build API"])],
        todo: [.replace("- [ ] Build API [Status: In Progress] [Owner: CTO]",
                        "- [ ] Build API [Status: Pending] [Priority: Medium] [Owner: CTO]")]),
    GoldenCase(
        name: "reprioritize", operation: .move("Write docs", to: .high),
        owner: [.remove("- [ ] Write docs"), .insertAfter("- [ ] Audit security", ["- [ ] Write docs"])],
        todo: [.replace("- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]",
                        "- [ ] Write docs [Status: Pending] [Priority: High] [Owner: CTO]")]),
    GoldenCase(
        name: "complete", operation: .complete("Tune costs"),
        owner: [.remove("- [ ] Tune costs"),
                .insertAfter("- [ ] **VERIFY**: Ship v1 (needs verification)", ["- [ ] **VERIFY**: Tune costs (needs verification)"])],
        todo: [.replace("- [ ] Tune costs [Status: Pending] [Priority: Low] [Owner: CTO]",
                        "- [ ] **VERIFY**: Tune costs (needs verification) [Status: Completed] [Owner: CTO]")]),
    GoldenCase(
        name: "verify", operation: .verify("Ship v1"),
        owner: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification)", "- [x] Ship v1 (verified 2026-11-05)")],
        todo: [.replace("- [ ] **VERIFY**: Ship v1 (needs verification) [Status: Completed] [Owner: CTO]",
                        "- [x] Ship v1 (verified 2026-11-05) [Status: Completed] [Owner: CTO]")]),
    GoldenCase(
        name: "add goes after the owner's last task, tagged", operation: .add(title: "Rotate keys", to: .low),
        owner: [.insertAfter("- [ ] Tune costs", ["- [ ] Rotate keys"])],
        todo: [.insertAfter("- [ ] Tune costs [Status: Pending] [Priority: Low] [Owner: CTO]",
                            ["- [ ] Rotate keys [Status: Pending] [Priority: Low] [Owner: CTO]"])]),
    GoldenCase(
        name: "edit a Unicode title", operation: .edit("café", title: "Ärger 解决 🚀"),
        owner: [.replace("- [ ] Ünïcode 任务 café ✓", "- [ ] Ärger 解决 🚀")],
        todo: [.replace("- [ ] Ünïcode 任务 café ✓ [Status: In Progress] [Owner: CTO]",
                        "- [ ] Ärger 解决 🚀 [Status: In Progress] [Owner: CTO]")]),
    GoldenCase(
        name: "delete leaves the other owner's twin", operation: .delete("Write docs"),
        owner: [.remove("- [ ] Write docs")],
        todo: [.remove("- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]")]),
]

@Suite("Operation goldens")
struct OperationGoldenTests {
    private func check(_ cases: [GoldenCase], todoLines: [String], layout: DocLayout) throws {
        let planner = OperationPlanner(today: SyncFixture.today)
        let pair = SyncFixture.pair(ownerLines: SyncFixture.ownerLines, todoLines: todoLines, layout: layout)
        for c in cases {
            let change = try planner.plan(c.operation, on: pair)
            let owner = layout.render(applying(c.owner + ownerLastUpdated, to: SyncFixture.ownerLines))
            let todo = layout.render(applying(c.todo + todoLastUpdated, to: todoLines))
            #expect(ShownBytes(change.ownerBytes) == ShownBytes(owner), "owner document after \(c.name) (\(layout.name))")
            #expect(ShownBytes(change.todoBytes) == ShownBytes(todo), "TODO.md after \(c.name) (\(layout.name))")
        }
    }

    @Test(arguments: DocLayout.all)
    func sectionedLayout(_ layout: DocLayout) throws {
        try check(sectionedCases, todoLines: SyncFixture.todoLines, layout: layout)
    }

    @Test(arguments: DocLayout.all)
    func areaLayout(_ layout: DocLayout) throws {
        try check(areaCases, todoLines: SyncFixture.areaTodoLines, layout: layout)
    }

    @Test(arguments: DocLayout.all)
    func toggleChangesOneBytePerDocument(_ layout: DocLayout) throws {
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
        for todoLines in [SyncFixture.todoLines, SyncFixture.areaTodoLines] {
            let pair = SyncFixture.pair(todoLines: todoLines, layout: layout)
            for query in ["Build API", "Ship v1", "任务", "Tune costs", "Write docs"] {
                let change = try planner.plan(.toggle(query), on: pair)
                #expect(differingBytes(change.ownerBytes, pair.ownerDoc.document.bytes) == 1, "owner, toggle \(query)")
                #expect(differingBytes(change.todoBytes, pair.todo.document.bytes) == 1, "TODO.md, toggle \(query)")
                // Toggling back restores the exact bytes.
                let again = try planner.plan(.toggle(query), on: SyncFixture.pair(owner: change.ownerBytes, todo: change.todoBytes))
                #expect(again.ownerBytes == pair.ownerDoc.document.bytes)
                #expect(again.todoBytes == pair.todo.document.bytes)
            }
        }
    }

    @Test func lastUpdatedKeepsEachFormat() throws {
        let owner = [
            "# Owner", "**Last Updated**: Jan 2026", "**Last Updated**: January 5, 2026", "**Last Updated**: 05/01/2026",
            "", "## In Progress", "- [ ] Build API", "", "**Last Updated**:   January 2026  ",
        ]
        let todo = ["# TODO", "**Last Updated**: 2026-01-15", "## In Progress", "- [ ] Build API [Owner: CTO]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        let change = try OperationPlanner(today: SyncFixture.today).plan(.toggle("Build API"), on: pair)
        let expectedOwner = [
            "# Owner", "**Last Updated**: Nov 2026", "**Last Updated**: November 5, 2026", "**Last Updated**: 05/01/2026",
            "", "## In Progress", "- [x] Build API", "", "**Last Updated**:   November 2026  ",
        ]
        #expect(ShownBytes(change.ownerBytes) == ShownBytes(DocLayout.lf.render(expectedOwner)))
        #expect(ShownBytes(change.todoBytes) == ShownBytes(DocLayout.lf.render(["# TODO", "**Last Updated**: 2026-11-05", "## In Progress", "- [x] Build API [Owner: CTO]"])))
        // The config option turns it off.
        let off = try OperationPlanner(today: SyncFixture.today, updateLastUpdated: false).plan(.toggle("Build API"), on: pair)
        #expect(differingBytes(off.ownerBytes, pair.ownerDoc.document.bytes) == 1)
        #expect(differingBytes(off.todoBytes, pair.todo.document.bytes) == 1)
    }

    @Test func todayComesFromTheEnvironmentOverride() {
        #expect(CalendarDate.today(environment: ["CTOBOARD_TODAY": "2026-11-05"]) == SyncFixture.today)
        // A malformed override falls back to the real date instead of failing.
        #expect(CalendarDate.today(environment: ["CTOBOARD_TODAY": "2026-13-40"]) != CalendarDate(year: 2026, month: 13, day: 40))
    }

    @Test func nfcAndNfdTitlesAreTheSameTask() throws {
        let owner = ["## In Progress", "- [ ] Caf\u{00E9} au lait"]
        let todo = ["## In Progress", "- [ ] Cafe\u{0301} au lait [Owner: CTO]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        #expect(pair.drift().isEmpty)
        let change = try OperationPlanner(today: SyncFixture.today).plan(.toggle("au lait"), on: pair)
        #expect(ShownBytes(change.ownerBytes) == ShownBytes(DocLayout.lf.render(["## In Progress", "- [x] Caf\u{00E9} au lait"])))
        #expect(ShownBytes(change.todoBytes) == ShownBytes(DocLayout.lf.render(["## In Progress", "- [x] Cafe\u{0301} au lait [Owner: CTO]"])))
    }

    @Test func otherOwnersTasksAreNeverTouched() throws {
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
        let pair = SyncFixture.pair()
        let others = SyncFixture.todoLines.filter { $0.contains("[Owner: QA]") }
        #expect(others.count == 3)
        for op: TaskOperation in [.toggle("Write docs"), .delete("Write docs"), .move("Write docs", to: .high),
                                  .edit("Write docs", title: "Write the docs"), .complete("Write docs")] {
            let change = try planner.plan(op, on: pair)
            let after = String(decoding: change.todoBytes, as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(after.filter { $0.contains("[Owner: QA]") } == others, "\(op)")
        }
    }

    @Test func missingSectionsAreCreatedInTheFilesOwnStyle() throws {
        // No Low Priority block in either document, no In Progress section in TODO.md.
        var owner = SyncFixture.ownerLines
        owner.removeSubrange(owner.firstIndex(of: "**Low Priority**:")!...owner.firstIndex(of: "- [ ] Tune costs")!)
        owner.remove(at: owner.firstIndex(of: "- [ ] Plan migration")! + 1) // the blank line before ---
        var todo = SyncFixture.todoLines
        todo.removeSubrange(todo.firstIndex(of: "### Low Priority")!...)
        todo.removeLast() // the blank line before it
        todo.removeSubrange(todo.firstIndex(of: "## In Progress")!...todo.firstIndex(of: "- [ ] Ünïcode 任务 café ✓ [Owner: CTO]")! + 1)
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo)
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)

        let low = try planner.plan(.move("Write docs", to: .low), on: pair)
        #expect(ShownBytes(low.ownerBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Write docs"), .insertAfter("- [ ] Plan migration", ["", "**Low Priority**:", "- [ ] Write docs"])], to: owner))))
        #expect(ShownBytes(low.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Write docs [Owner: CTO]"),
             .insertAfter("- [ ] Plan migration [Owner: CTO]", ["", "### Low Priority", "- [ ] Write docs [Owner: CTO]"])], to: todo))))

        let started = try planner.plan(.start("Audit security"), on: pair)
        #expect(ShownBytes(started.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Audit security [Owner: CTO]"),
             .insertBefore("## Pending", ["## In Progress", "", "- [ ] Audit security [Owner: CTO]", ""])], to: todo))))
        // The heading is created only when needed: a second task goes into it.
        let next = try planner.plan(.start("Write docs"),
                                    on: SyncFixture.pair(owner: started.ownerBytes, todo: started.todoBytes))
        let nextTodo = String(decoding: next.todoBytes, as: UTF8.self)
        #expect(nextTodo.components(separatedBy: "## In Progress").count == 2)
        #expect(nextTodo.contains("- [ ] Audit security [Owner: CTO]\n- [ ] Write docs [Owner: CTO]\n"))
    }

    @Test func newLinesTakeTheNeighboursBulletAndIndent() throws {
        let owner = ["## In Progress", "  * [ ] Build API", "", "## Pending", "  * [ ] Write docs"]
        let todo = ["## In Progress", "1. [ ] Build API [Owner: CTO]", "", "## Pending", "2. [ ] Write docs [Owner: CTO]"]
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todo, layout: .crlf)
        let change = try OperationPlanner(today: SyncFixture.today).plan(.add(title: "Rotate keys", to: .inProgress), on: pair)
        #expect(ShownBytes(change.ownerBytes) == ShownBytes(DocLayout.crlf.render(["## In Progress", "  * [ ] Build API", "  * [ ] Rotate keys", "", "## Pending", "  * [ ] Write docs"])))
        #expect(ShownBytes(change.todoBytes) == ShownBytes(DocLayout.crlf.render(["## In Progress", "1. [ ] Build API [Owner: CTO]", "1. [ ] Rotate keys [Owner: CTO]", "", "## Pending", "2. [ ] Write docs [Owner: CTO]"])))
    }

    /// A second task with a title already there would share its id: `delete ID` would then take
    /// the first one. add and edit refuse such a title (a case change of the task's own is fine).
    @Test func aTitleAlreadyThereIsRefused() throws {
        let planner = OperationPlanner(today: SyncFixture.today)
        let pair = SyncFixture.pair()
        let existing = try #require(pair.tasks.first { $0.title == "Audit security" })
        #expect(throws: OperationError.duplicateTitle(title: "Audit security", id: existing.id)) {
            try planner.plan(.add(title: "audit  *security*", to: .low), on: pair)
        }
        #expect(throws: OperationError.duplicateTitle(title: "Audit security", id: existing.id)) {
            try planner.plan(.edit("Write docs", title: "Audit Security"), on: pair)
        }
        let recased = try planner.plan(.edit("Audit security", title: "Audit Security"), on: pair)
        #expect(String(decoding: recased.ownerBytes, as: UTF8.self).contains("- [ ] Audit Security\n"))
    }

    @Test func badOperationsAreRefused() {
        let planner = OperationPlanner(today: SyncFixture.today)
        let pair = SyncFixture.pair()
        #expect(throws: OperationError.emptyTitle) { try planner.plan(.add(title: "  ", to: .high), on: pair) }
        #expect(throws: OperationError.multiline) { try planner.plan(.edit("Build API", title: "a\nb"), on: pair) }
        #expect(throws: OperationError.self) { try planner.plan(.toggle("no such task anywhere"), on: pair) }
        #expect(throws: OperationError.self) { try planner.plan(.move("Ship v1", to: .completed), on: pair) }
        #expect(throws: OperationError.self) { try planner.plan(.reorder("Audit security", by: -1), on: pair) }
    }
}
