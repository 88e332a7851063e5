import Testing
@testable import CTOBoardCore

@Suite("Sync engine")
struct SyncEngineTests {
    private let owner = SyncFixture.ownerLines
    private let todo = SyncFixture.todoLines
    private var base: BaseSnapshot { BaseSnapshot(owner: DocLayout.lf.render(owner), todo: DocLayout.lf.render(todo)) }

    /// Plans a sync of the fixture pair edited on either side against the fixture as base.
    private func plan(owner ownerEdits: [LineEdit] = [], todo todoEdits: [LineEdit] = [],
                      prefer: SyncEngine.Side? = nil, base: BaseSnapshot?? = .none,
                      layout: DocLayout = .lf) -> (pair: TaskPair, plan: SyncPlan) {
        let pair = SyncFixture.pair(ownerLines: applying(ownerEdits, to: owner), todoLines: applying(todoEdits, to: todo), layout: layout)
        let b: BaseSnapshot? = base ?? BaseSnapshot(owner: layout.render(owner), todo: layout.render(todo))
        return (pair, SyncEngine(prefer: prefer).plan(pair: pair, base: b))
    }

    private func after(_ plan: SyncPlan) -> TaskPair { SyncFixture.pair(owner: plan.ownerBytes, todo: plan.todoBytes) }

    /// A larger pair, both of whose documents changed since the base (so both base documents are
    /// reparsed from the current ones): edits on both sides, a conflict, a rename and a deletion.
    @Test func aLargePairWithEditsOnBothSides() {
        var ownerText = "# CTO\n## In Progress\n"
        var todoText = "# TODO\n## In Progress\n"
        for i in 0..<2500 {
            ownerText += "- [ ] Task \(i)\n"
            todoText += "- [ ] Task \(i) [Owner: CTO]\n- [ ] Other \(i) [Owner: QA]\n"
        }
        let base = BaseSnapshot(owner: utf8(ownerText), todo: utf8(todoText))
        let owner = ownerText.replacingOccurrences(of: "- [ ] Task 10\n", with: "- [x] Task 10\n")
            .replacingOccurrences(of: "- [ ] Task 30\n", with: "- [x] Task 30\n")
        let todo = todoText.replacingOccurrences(of: "- [ ] Task 2000 [", with: "- [x] Task 2000 [")
            .replacingOccurrences(of: "- [ ] Task 30 [", with: "- [ ] Task 30 (blocked) [")
            .replacingOccurrences(of: "- [ ] Task 40 [", with: "- [ ] Task 40 renamed [")
            .replacingOccurrences(of: "- [ ] Task 7 [Owner: CTO]\n", with: "")
        let pair = makePair(owner: owner, todo: todo)
        let plan = SyncEngine().plan(pair: pair, base: base)
        // Checked in the owner document and renamed in TODO.md: a conflict, left alone.
        #expect(plan.conflicts.map(\.title) == ["Task 30"])
        #expect(plan.carried.count == 4, "\(plan.carried)")
        let after = makePair(owner: String(decoding: plan.ownerBytes, as: UTF8.self), todo: String(decoding: plan.todoBytes, as: UTF8.self))
        #expect(after.drift().map(\.task.title).sorted() == ["Task 30", "Task 30 (blocked)"])
        #expect(after.tasks.first { $0.title == "Task 10" }?.todo?.checked == true)
        #expect(after.tasks.first { $0.title == "Task 2000" }?.owner?.checked == true)
        #expect(after.tasks.first { $0.title == "Task 40 renamed" }.map { $0.owner != nil && $0.todo != nil } == true)
        #expect(!after.tasks.contains { $0.title == "Task 7" || $0.title == "Task 40" })
        // 2,500 less Task 7, and Task 30 twice (one title on each side).
        #expect(after.tasks.count == 2500)
    }

    @Test func unchangedPairIsANoOp() {
        let (pair, p) = plan()
        #expect(p.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(p.todoBytes == pair.todo.document.bytes)
        #expect(p.carried.isEmpty)
        #expect(p.conflicts.isEmpty)
    }

    @Test(arguments: [DocLayout.lf, .crlfBOMNoFinalNewline])
    func checkboxIsCarriedFromEitherSide(_ layout: DocLayout) {
        let fromOwner = plan(owner: [.replace("- [ ] Build API", "- [x] Build API")], layout: layout)
        #expect(ShownBytes(fromOwner.plan.todoBytes) == ShownBytes(layout.render(applying(
            [.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")], to: todo))))
        #expect(fromOwner.plan.ownerBytes == fromOwner.pair.ownerDoc.document.bytes)
        #expect(fromOwner.plan.carried.count == 1)
        #expect(fromOwner.plan.conflicts.isEmpty)

        let fromTodo = plan(todo: [.replace("- [ ] Tune costs [Owner: CTO]", "- [x] Tune costs [Owner: CTO]")], layout: layout)
        #expect(ShownBytes(fromTodo.plan.ownerBytes) == ShownBytes(layout.render(applying(
            [.replace("- [ ] Tune costs", "- [x] Tune costs")], to: owner))))
        #expect(fromTodo.plan.todoBytes == fromTodo.pair.todo.document.bytes)
    }

    @Test func sectionIsCarried() {
        // TODO.md moves "Write docs" to Low; the owner document follows.
        let (_, p) = plan(todo: [.remove("- [ ] Write docs [Owner: CTO]"),
                                 .insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [ ] Write docs [Owner: CTO]"])])
        #expect(ShownBytes(p.ownerBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Write docs"), .insertAfter("- [ ] Tune costs", ["- [ ] Write docs"])], to: owner))))
        #expect(p.conflicts.isEmpty)
        #expect(after(p).drift().isEmpty)
        // And the other way: the owner document starts "Audit security".
        let (_, q) = plan(owner: [.remove("- [ ] Audit security"), .insertAfter("- [ ] Build API", ["- [ ] Audit security"])])
        #expect(ShownBytes(q.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Audit security [Owner: CTO]"),
             .insertAfter("- [ ] Ünïcode 任务 café ✓ [Owner: CTO]", ["- [ ] Audit security [Owner: CTO]"])], to: todo))))
    }

    /// A heading renamed to one that names no section (a teammate's `### Top Priority (Q1)`)
    /// would move its tasks by itself: each is a conflict, not a move carried into the owner
    /// document, and putting the heading back ends it.
    @Test func aSectionHeadingGoneIsAConflictNotAMove() {
        let renamed: [LineEdit] = [.replace("### High Priority", "### Top Priority (Q1)")]
        let (pair, plan) = plan(todo: renamed)
        #expect(plan.conflicts.map(\.title) == ["Audit security"])
        #expect(plan.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(plan.todoBytes == pair.todo.document.bytes)
        #expect(plan.carried.isEmpty)
        // With a [Priority: …] tag the move is the teammate's choice, and is carried.
        let tagged = self.plan(todo: renamed + [.replace("- [ ] Audit security [Owner: CTO]", "- [ ] Audit security [Priority: Low] [Owner: CTO]")])
        #expect(tagged.plan.conflicts.isEmpty)
        #expect(after(tagged.plan).tasks.first { $0.title == "Audit security" }?.owner?.pane == .low)
    }

    /// In the owner document a task under a heading that names no section is no task at all:
    /// renaming `## 🔄 In Progress` read as deleting its tasks, and sync deleted them (and their
    /// notes) from TODO.md. It is the same conflict as a heading gone from TODO.md.
    @Test func aSectionHeadingGoneFromTheOwnerDocumentDeletesNothing() {
        let (pair, plan) = plan(owner: [.replace("## 🔄 In Progress", "## Current work")])
        #expect(Set(plan.conflicts.map(\.title)) == ["Build API", "Ünïcode 任务 café ✓"])
        #expect(plan.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(plan.todoBytes == pair.todo.document.bytes)
    }

    @Test func addedTaskIsCarriedWithTheOwnerTag() {
        let (_, p) = plan(owner: [.insertAfter("- [ ] Audit security", ["- [ ] Rotate keys"])])
        #expect(ShownBytes(p.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.insertAfter("- [ ] Audit security [Owner: CTO]", ["- [ ] Rotate keys [Owner: CTO]"])], to: todo))))
        // From TODO.md: the tags are dropped in the owner document.
        let (_, q) = plan(todo: [.insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [x] Hire an SRE [Owner: CTO]"])])
        #expect(ShownBytes(q.ownerBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.insertAfter("- [ ] Tune costs", ["- [x] Hire an SRE"])], to: owner))))
        // Another owner's new task is not carried.
        let (pair, r) = plan(todo: [.insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [ ] QA regression [Owner: QA]"])])
        #expect(r.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(r.carried.isEmpty)
    }

    @Test func deletedTaskIsCarried() {
        let (_, p) = plan(todo: [.remove("- [ ] Plan migration [Owner: CTO]")])
        #expect(ShownBytes(p.ownerBytes) == ShownBytes(DocLayout.lf.render(applying([.remove("- [ ] Plan migration")], to: owner))))
        let (_, q) = plan(owner: [.remove("- [ ] Write docs")])
        // The owner's "Write docs" goes; the QA task of the same title stays.
        #expect(ShownBytes(q.todoBytes) == ShownBytes(DocLayout.lf.render(applying([.remove("- [ ] Write docs [Owner: CTO]")], to: todo))))
    }

    @Test func renamedTaskIsCarriedKeepingTags() {
        let (_, p) = plan(owner: [.replace("- [ ] Write docs", "- [ ] Write the docs")])
        #expect(ShownBytes(p.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.replace("- [ ] Write docs [Owner: CTO]", "- [ ] Write the docs [Owner: CTO]")], to: todo))))
        #expect(p.conflicts.isEmpty)
        let (_, q) = plan(todo: [.replace("- [ ] Plan migration [Owner: CTO]", "- [ ] Plan the AWS migration [Owner: CTO]")])
        #expect(ShownBytes(q.ownerBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.replace("- [ ] Plan migration", "- [ ] Plan the AWS migration")], to: owner))))
        #expect(after(q).drift().isEmpty)
    }

    @Test func sameChangeOnBothSidesIsAlreadyInSync() {
        let (pair, p) = plan(owner: [.replace("- [ ] Build API", "- [x] Build API"), .remove("- [ ] Plan migration")],
                             todo: [.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]"),
                                    .remove("- [ ] Plan migration [Owner: CTO]")])
        #expect(p.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(p.todoBytes == pair.todo.document.bytes)
        #expect(p.carried.isEmpty)
        #expect(p.conflicts.isEmpty)
    }

    /// The owner checks "Build API" while TODO.md moves it to Low; meanwhile the owner checks
    /// "Tune costs", which is not in conflict.
    private let conflictOwner: [LineEdit] = [.replace("- [ ] Build API", "- [x] Build API"), .replace("- [ ] Tune costs", "- [x] Tune costs")]
    private let conflictTodo: [LineEdit] = [.remove("- [ ] Build API [Owner: CTO]"),
                                            .insertAfter("- [ ] Tune costs [Owner: CTO]", ["- [ ] Build API [Owner: CTO]"])]

    @Test func differentChangesAreAConflictAndTheTaskIsLeftAlone() {
        let (pair, p) = plan(owner: conflictOwner, todo: conflictTodo)
        #expect(p.conflicts.count == 1)
        let c = p.conflicts.first
        #expect(c?.title == "Build API")
        #expect(c?.ownerVersion == "- [x] Build API")
        #expect(c?.todoVersion == "- [ ] Build API [Owner: CTO]")
        #expect(c?.summary.contains("Build API") == true)
        // Build API stays as each side has it; Tune costs is synced.
        #expect(p.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(ShownBytes(p.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            conflictTodo + [.replace("- [ ] Tune costs [Owner: CTO]", "- [x] Tune costs [Owner: CTO]")], to: todo))))
    }

    @Test func preferOwnerResolvesConflicts() {
        let (_, p) = plan(owner: conflictOwner, todo: conflictTodo, prefer: .owner)
        #expect(p.conflicts.isEmpty)
        let result = after(p)
        #expect(result.drift().isEmpty)
        let t = result.tasks.first { $0.title == "Build API" }
        #expect(t?.todo?.checked == true)
        #expect(t?.todo?.pane == .inProgress)
        #expect(p.ownerBytes == DocLayout.lf.render(applying(conflictOwner, to: owner)))
    }

    @Test func preferTodoResolvesConflicts() {
        let (_, p) = plan(owner: conflictOwner, todo: conflictTodo, prefer: .todo)
        #expect(p.conflicts.isEmpty)
        let result = after(p)
        #expect(result.drift().isEmpty)
        let t = result.tasks.first { $0.title == "Build API" }
        #expect(t?.owner?.checked == false)
        #expect(t?.owner?.pane == .low)
        // The non-conflicting owner change still reaches TODO.md.
        #expect(result.tasks.first { $0.title == "Tune costs" }?.todo?.checked == true)
    }

    @Test func deleteAgainstEditIsAConflict() {
        let (pair, p) = plan(owner: [.remove("- [ ] Build API")],
                             todo: [.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")])
        #expect(p.conflicts.map(\.title) == ["Build API"])
        #expect(p.conflicts.first?.ownerVersion == nil)
        #expect(p.ownerBytes == pair.ownerDoc.document.bytes)
        #expect(p.todoBytes == pair.todo.document.bytes)
    }

    @Test func firstRunWithoutBase() {
        let (pair, p) = plan(owner: [.insertAfter("- [ ] Build API", ["- [ ] Rotate keys"]),
                                     .replace("- [ ] Tune costs", "- [x] Tune costs")],
                             todo: [.insertAfter("- [ ] Audit security [Owner: CTO]", ["- [ ] Hire an SRE [Owner: CTO]"])],
                             base: .some(nil))
        // Additions on either side are carried over.
        let result = after(p)
        #expect(result.tasks.first { $0.title == "Rotate keys" }?.todo?.pane == .inProgress)
        #expect(result.tasks.first { $0.title == "Hire an SRE" }?.owner?.pane == .high)
        // Differing states are conflicts, left alone.
        #expect(p.conflicts.map(\.title) == ["Tune costs"])
        #expect(result.tasks.first { $0.title == "Tune costs" }?.owner?.checked == true)
        #expect(result.tasks.first { $0.title == "Tune costs" }?.todo?.checked == false)
        #expect(result.drift().map(\.task.title) == ["Tune costs"])
        _ = pair
        // With a side preferred, the first run ends in agreement.
        let (_, q) = plan(owner: [.replace("- [ ] Tune costs", "- [x] Tune costs")], prefer: .owner, base: .some(nil))
        #expect(q.conflicts.isEmpty)
        #expect(after(q).drift().isEmpty)
    }

    // MARK: Through a session, on disk

    @Test func sessionSyncCarriesAndStoresTheBase() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        let session = box.session()
        // The first sync of an agreeing pair stores the base.
        _ = try session.sync()
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: box.ownerBytes, todo: box.todoBytes))
        // An external edit to TODO.md.
        let edited = DocLayout.lf.render(applying([.replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")], to: todo))
        try SyncSandbox.write(edited, to: box.paths.todo)
        // A dry run writes nothing.
        let dry = try session.sync(dryRun: true)
        #expect(dry.plan.carried.count == 1)
        #expect(box.todoBytes == edited)
        #expect(box.ownerBytes == DocLayout.lf.render(owner))
        let result = try session.sync()
        #expect(result.plan.carried.count == 1)
        #expect(result.pair.drift().isEmpty)
        #expect(box.ownerBytes == DocLayout.lf.render(applying([.replace("- [ ] Build API", "- [x] Build API")], to: owner)))
        #expect(box.store.loadBase(box.paths) == BaseSnapshot(owner: box.ownerBytes, todo: box.todoBytes))
        // Nothing left to do.
        let again = try session.sync()
        #expect(again.plan.carried.isEmpty)
        #expect(again.plan.conflicts.isEmpty)
    }

    @Test func sessionSyncLeavesConflictsAndSyncsTheRest() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        let session = box.session()
        _ = try session.sync()
        try SyncSandbox.write(DocLayout.lf.render(applying(conflictOwner, to: owner)), to: box.paths.ownerDoc)
        try SyncSandbox.write(DocLayout.lf.render(applying(conflictTodo, to: todo)), to: box.paths.todo)
        let first = try session.sync()
        #expect(first.plan.conflicts.map(\.title) == ["Build API"])
        #expect(first.pair.drift().map(\.task.title).allSatisfy { $0 == "Build API" })
        #expect(first.pair.tasks.first { $0.title == "Tune costs" }?.todo?.checked == true)
        // Still a conflict the next time: it is not silently resolved by the new base.
        let second = try session.sync()
        #expect(second.plan.conflicts.map(\.title) == ["Build API"])
        // Resolved with --prefer owner.
        let resolved = try session.sync(prefer: .owner)
        #expect(resolved.plan.conflicts.isEmpty)
        #expect(resolved.pair.drift().isEmpty)
    }

    @Test func operationsCarryExternalEditsFirst() throws {
        let box = try SyncSandbox()
        defer { box.remove() }
        let session = box.session(updateLastUpdated: false)
        _ = try session.sync()
        // The owner document is edited outside: "Plan migration" deleted.
        try SyncSandbox.write(DocLayout.lf.render(applying([.remove("- [ ] Plan migration")], to: owner)), to: box.paths.ownerDoc)
        let outcome = try session.perform(.toggle("Build API"))
        #expect(outcome.sync?.carried.count == 1)
        #expect(ShownBytes(box.todoBytes) == ShownBytes(DocLayout.lf.render(applying(
            [.remove("- [ ] Plan migration [Owner: CTO]"), .replace("- [ ] Build API [Owner: CTO]", "- [x] Build API [Owner: CTO]")], to: todo))))
        #expect(try box.loadPair().drift().isEmpty)
    }
}
