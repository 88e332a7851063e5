import Foundation
import Testing
@testable import CTOBoardCore

/// Tasks with the same title (a recurring task) are paired by what they are (checkbox, section,
/// children) before their order, so that removing or reordering one never rewrites another.
@Suite("Duplicate titles")
struct DuplicateTitleTests {
    /// The same task twice, each with its own note, in both documents.
    private static let owner = """
        # CTO
        ## 📝 Pending
        **High Priority**:
        - [x] Conduct security audits
          - Q1: done by ACME, report filed
        - [ ] Conduct security audits
          - Q2: Initech, scheduled
        - [ ] Write docs

        """
    private static let todo = """
        # TODO
        ## Pending
        ### High Priority
        - [x] Conduct security audits [Owner: CTO]
          - Q1: done by ACME, report filed
        - [ ] Write docs [Owner: QA]
        - [ ] Conduct security audits [Owner: CTO]
          - Q2: Initech, scheduled
        - [ ] Write docs [Owner: CTO]

        """
    private static let q1 = "- [x] Conduct security audits\n  - Q1: done by ACME, report filed\n"
    private static let q1Todo = "- [x] Conduct security audits [Owner: CTO]\n  - Q1: done by ACME, report filed\n"
    private static let q2 = "- [ ] Conduct security audits\n  - Q2: Initech, scheduled\n"
    private static let q2Todo = "- [ ] Conduct security audits [Owner: CTO]\n  - Q2: Initech, scheduled\n"

    private func sync(owner: String, todo: String) -> SyncPlan {
        SyncEngine().plan(pair: makePair(owner: owner, todo: todo), base: BaseSnapshot(owner: utf8(Self.owner), todo: utf8(Self.todo)))
    }

    /// Removing one occurrence (in either document) removes exactly it from the other.
    @Test(arguments: [(q1, q1Todo), (q2, q2Todo)])
    func removingOneOccurrenceRemovesExactlyIt(_ item: (owner: String, todo: String)) {
        let owner = Self.owner.replacingOccurrences(of: item.owner, with: "")
        let todo = Self.todo.replacingOccurrences(of: item.todo, with: "")
        let fromOwner = sync(owner: owner, todo: Self.todo)
        #expect(ShownBytes(fromOwner.ownerBytes) == ShownBytes(utf8(owner)))
        #expect(ShownBytes(fromOwner.todoBytes) == ShownBytes(utf8(todo)))
        #expect(fromOwner.conflicts.isEmpty)
        let fromTodo = sync(owner: Self.owner, todo: todo)
        #expect(ShownBytes(fromTodo.ownerBytes) == ShownBytes(utf8(owner)))
        #expect(ShownBytes(fromTodo.todoBytes) == ShownBytes(utf8(todo)))
        #expect(fromTodo.conflicts.isEmpty)
    }

    /// Removing the first occurrence and checking the second: both carried, each to its own task.
    @Test func removingOneAndCheckingAnother() {
        let checked = "- [x] Conduct security audits\n  - Q2: Initech, scheduled\n"
        let owner = Self.owner.replacingOccurrences(of: Self.q1, with: "").replacingOccurrences(of: Self.q2, with: checked)
        let p = sync(owner: owner, todo: Self.todo)
        #expect(ShownBytes(p.ownerBytes) == ShownBytes(utf8(owner)))
        #expect(ShownBytes(p.todoBytes) == ShownBytes(utf8(Self.todo.replacingOccurrences(of: Self.q1Todo, with: "")
            .replacingOccurrences(of: Self.q2Todo, with: "- [x] Conduct security audits [Owner: CTO]\n  - Q2: Initech, scheduled\n"))))
        #expect(p.conflicts.isEmpty)
    }

    /// Identical tasks (no notes) still pair in order: checking the second, or both, checks the
    /// same ones in the other document and adds none.
    @Test(arguments: [[false, true], [true, true], [true, false]])
    func identicalTasksPairInOrder(_ checks: [Bool]) {
        func lines(_ tag: String, _ checks: [Bool]) -> String {
            checks.map { "- [\($0 ? "x" : " ")] Follow up\(tag)\n" }.joined()
        }
        let head = "# CTO\n## 🔄 In Progress\n", todoHead = "# TODO\n## In Progress\n"
        let base = BaseSnapshot(owner: utf8(head + lines("", [false, false])), todo: utf8(todoHead + lines(" [Owner: CTO]", [false, false])))
        let p = SyncEngine().plan(pair: makePair(owner: head + lines("", checks), todo: todoHead + lines(" [Owner: CTO]", [false, false])), base: base)
        #expect(ShownBytes(p.todoBytes) == ShownBytes(utf8(todoHead + lines(" [Owner: CTO]", checks))))
        #expect(p.conflicts.isEmpty)
    }

    /// A recurring task awaiting verification in Completed and pending again in High, in both
    /// documents, with TODO.md's sections in another order: nothing to do, with or without a base.
    @Test func sameTitleInTwoSectionsListedInAnotherOrder() {
        let owner = """
            # CTO
            ## ✅ Completed
            - [ ] **VERIFY**: Rotate TLS certificates (needs verification)
            ## 📝 Pending
            **High Priority**:
            - [ ] Rotate TLS certificates

            """
        let todo = """
            # TODO
            ## Pending
            ### High Priority
            - [ ] Rotate TLS certificates [Owner: CTO]
            ## Completed
            - [ ] **VERIFY**: Rotate TLS certificates (needs verification) [Owner: CTO]

            """
        let pair = makePair(owner: owner, todo: todo)
        #expect(pair.drift().isEmpty)
        for base in [nil, BaseSnapshot(owner: utf8(owner), todo: utf8(todo))] {
            for prefer in [nil, SyncEngine.Side.owner, .todo] {
                let p = SyncEngine(prefer: prefer).plan(pair: pair, base: base)
                #expect(ShownBytes(p.ownerBytes) == ShownBytes(utf8(owner)))
                #expect(ShownBytes(p.todoBytes) == ShownBytes(utf8(todo)))
                #expect(p.conflicts.isEmpty)
                #expect(p.carried.isEmpty)
            }
        }
    }
}
