import Testing
@testable import CTOBoardCore

/// Tasks with children (sub-bullets, nested checkboxes, notes, a lazy continuation line): every
/// operation that moves or removes a task takes its whole list item, in both documents.
private typealias ItemCase = GoldenCase

private let writeDocsKids = ["  - [x] outline", "  - [ ] draft", "    indented note"]
private let buildKids = ["  Spec in docs/api.md", "lazy continuation of the spec"]
private let shipKids = ["  - [x] smoke test"]
private let todoWriteDocsKids = ["    - [x] outline", "    - [ ] draft"]
private let todoBuildKids = ["  Spec in docs/api.md"]

/// The fixture with children under some tasks.
private let ownerLines = applying([
    .insertAfter("- [ ] Write docs", writeDocsKids),
    .insertAfter("- [ ] Build API", buildKids),
    .insertAfter("- [ ] **VERIFY**: Ship v1 (needs verification)", shipKids),
], to: SyncFixture.ownerLines)
private let todoLines = applying([
    .insertAfter("- [ ] Write docs [Owner: CTO]", todoWriteDocsKids),
    .insertAfter("- [ ] Build API [Owner: CTO]", todoBuildKids),
], to: SyncFixture.todoLines)
private let areaTodoLines = applying([
    .insertAfter("- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]", todoWriteDocsKids),
], to: SyncFixture.areaTodoLines)

private func removing(_ lines: [String]) -> [LineEdit] { lines.map(LineEdit.remove) }

private let sectionedCases: [ItemCase] = [
    ItemCase(
        name: "delete", operation: .delete("Write docs"),
        owner: removing(["- [ ] Write docs"] + writeDocsKids),
        todo: removing(["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids)),
    ItemCase(
        name: "move to another priority", operation: .move("Write docs", to: .high),
        owner: removing(["- [ ] Write docs"] + writeDocsKids)
            + [.insertAfter("- [ ] Audit security", ["- [ ] Write docs"] + writeDocsKids)],
        todo: removing(["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids)
            + [.insertAfter("- [ ] Audit security [Owner: CTO]", ["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids)]),
    ItemCase(
        name: "complete", operation: .complete("Build API"),
        owner: removing(["- [ ] Build API"] + buildKids)
            + [.insertAfter(shipKids[0], ["- [ ] **VERIFY**: Build API (needs verification)"] + buildKids)],
        todo: removing(["- [ ] Build API [Owner: CTO]"] + todoBuildKids)
            + [.insertAfter("- [x] Other done [Owner: QA]",
                            ["- [ ] **VERIFY**: Build API (needs verification) [Owner: CTO]"] + todoBuildKids)]),
    ItemCase(
        name: "start", operation: .start("Write docs"),
        owner: removing(["- [ ] Write docs"] + writeDocsKids)
            + [.insertAfter("- [ ] Ünïcode 任务 café ✓", ["- [ ] Write docs"] + writeDocsKids)],
        todo: removing(["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids)
            + [.insertAfter("- [ ] Ünïcode 任务 café ✓ [Owner: CTO]", ["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids)]),
    ItemCase(
        name: "move out of Completed", operation: .move("Ship v1", to: .low),
        owner: removing(["- [ ] **VERIFY**: Ship v1 (needs verification)"] + shipKids)
            + [.insertAfter("- [ ] Tune costs", ["- [ ] Ship v1"] + shipKids)],
        todo: [.remove("- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]"),
               .insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [ ] Ship v1 [Owner: CTO]"])]),
    ItemCase(
        name: "reorder up past a task with children", operation: .reorder("Plan migration", by: -1),
        owner: [.remove("- [ ] Plan migration"), .insertBefore("- [ ] Write docs", ["- [ ] Plan migration"])],
        todo: [.remove("- [ ] Plan migration [Owner: CTO]"),
               .insertBefore("- [ ] Write docs [Owner: CTO]", ["- [ ] Plan migration [Owner: CTO]"])]),
    ItemCase(
        name: "reorder a task with children down", operation: .reorder("Write docs", by: 1),
        owner: [.remove("- [ ] Plan migration"), .insertBefore("- [ ] Write docs", ["- [ ] Plan migration"])],
        todo: [.remove("- [ ] Plan migration [Owner: CTO]"),
               .insertBefore("- [ ] Write docs [Owner: CTO]", ["- [ ] Plan migration [Owner: CTO]"])]),
    ItemCase(
        name: "toggle touches only the task line", operation: .toggle("Write docs"),
        owner: [.replace("- [ ] Write docs", "- [x] Write docs")],
        todo: [.replace("- [ ] Write docs [Owner: CTO]", "- [x] Write docs [Owner: CTO]")]),
]

private let areaCases: [ItemCase] = [
    ItemCase(
        name: "delete", operation: .delete("Write docs"),
        owner: removing(["- [ ] Write docs"] + writeDocsKids),
        todo: removing(["- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]"] + todoWriteDocsKids)),
    ItemCase(
        name: "reorder past a task with children", operation: .reorder("Plan migration", by: -1),
        owner: [.remove("- [ ] Plan migration"), .insertBefore("- [ ] Write docs", ["- [ ] Plan migration"])],
        todo: [.remove("- [ ] Plan migration [Status: Pending] [Priority: Medium] [Owner: CTO]"),
               .insertBefore("- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]",
                             ["- [ ] Plan migration [Status: Pending] [Priority: Medium] [Owner: CTO]"])]),
]

@Suite("Operation goldens: tasks with children")
struct ItemGoldenTests {
    private func check(_ cases: [ItemCase], todoLines: [String], layout: DocLayout) throws {
        let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
        let pair = SyncFixture.pair(ownerLines: ownerLines, todoLines: todoLines, layout: layout)
        for c in cases {
            let change = try planner.plan(c.operation, on: pair)
            let owner = layout.render(applying(c.owner, to: ownerLines))
            let todo = layout.render(applying(c.todo, to: todoLines))
            #expect(ShownBytes(change.ownerBytes) == ShownBytes(owner), "owner document after \(c.name) (\(layout.name))")
            #expect(ShownBytes(change.todoBytes) == ShownBytes(todo), "TODO.md after \(c.name) (\(layout.name))")
        }
    }

    @Test(arguments: DocLayout.all)
    func sectionedLayout(_ layout: DocLayout) throws {
        try check(sectionedCases, todoLines: todoLines, layout: layout)
    }

    @Test(arguments: DocLayout.all)
    func areaLayout(_ layout: DocLayout) throws {
        try check(areaCases, todoLines: areaTodoLines, layout: layout)
    }

    /// A list nested by two spaces carried into one nested by four takes four a level; notes
    /// keep their offset within the level, tabs are left alone.
    @Test func childrenTakeTheReceivingListsNestingStep() {
        let kids: [[UInt8]] = ["  - [ ] intro", "    - [x] scope", "      see the wiki", "", "\t- [ ] tabbed"].map { Array($0.utf8) }
        let out = DocumentEditor.reindent(kids, from: 0, to: [], unit: 4).map { String(decoding: $0, as: UTF8.self) }
        #expect(out == ["    - [ ] intro", "        - [x] scope", "            see the wiki", "", "\t- [ ] tabbed"])
        let receiving = TaskDocument(document: Document(bytes: Array(
            "## Pending\n- [ ] A\n    - [ ] a1\n        - [ ] a2\n- [ ] B\n".utf8)))
        #expect(DocumentEditor.nestingUnit(in: receiving) == 4)
        // The same step: nothing changes.
        #expect(DocumentEditor.reindent(kids, from: 0, to: [], unit: 2) == kids)
    }

    /// Sync carries a new task with its children, re-indented to the other list's style; a
    /// deletion carried by sync takes the children too.
    @Test(arguments: [DocLayout.lf, .crlf])
    func syncCarriesTheWholeItem(_ layout: DocLayout) {
        let base = BaseSnapshot(owner: layout.render(ownerLines), todo: layout.render(todoLines))
        // Indented by two: its children come along two shallower, under TODO.md's unindented task.
        let newTask = ["  - [ ] Draft RFC", "    - [ ] intro", "    - [x] scope", "    see the wiki"]
        let owner = applying([.insertAfter("**High Priority**:", newTask)] + removing(["- [ ] Write docs"] + writeDocsKids),
                             to: ownerLines)
        let pair = SyncFixture.pair(ownerLines: owner, todoLines: todoLines, layout: layout)
        let plan = SyncEngine().plan(pair: pair, base: base)
        let todo = applying([.insertAfter("- [ ] Audit security [Owner: CTO]",
                                          ["- [ ] Draft RFC [Owner: CTO]", "  - [ ] intro", "  - [x] scope", "  see the wiki"])]
                            + removing(["- [ ] Write docs [Owner: CTO]"] + todoWriteDocsKids), to: todoLines)
        #expect(ShownBytes(plan.todoBytes) == ShownBytes(layout.render(todo)))
        #expect(plan.conflicts.isEmpty)
        // Nested checkboxes are not tasks: nothing else was carried.
        #expect(plan.carried.count == 2, "\(plan.carried)")
    }
}
