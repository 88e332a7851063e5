import Testing
import CTOBoardCore
@testable import ctoboard

/// `check`'s one line per difference: the task, its id and both places.
@Suite("check: one line per difference")
struct DriftDescribeTests {
    static let owner = "## Completed\n- [x] Ship beta\n## In Progress\n- [ ] Evaluate Phoenix\n## Pending\n**High Priority**:\n- [ ] Conduct security audits"
    static let todo = "## Completed\n- [x] Ship beta [Owner: CTO]\n## In Progress\n- [ ] Evaluate Phoenix [Owner: CTO]\n## Pending\n### High Priority\n- [ ] Conduct security audits [Owner: CTO]"

    private func lines(_ todo: String, owner: String = owner) -> [(Drift.Kind, String)] {
        let pair = TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: "/o/CTO_OWNER.md", todo: "/o/TODO.md"),
                            ownerBytes: Array(owner.utf8), todoBytes: Array(todo.utf8))
        return pair.drift().map { ($0.kind, $0.describe(ownerDocName: "o.md", todoName: "t.md")) }
    }

    @Test func eachKindNamesTheTaskAndBothPlaces() throws {
        let onlyOwner = lines(Self.todo.replacingOccurrences(of: "Evaluate Phoenix [Owner: CTO]", with: "Evaluate Phoenix [Owner: Backend]"))
        #expect(onlyOwner.map(\.1) == ["o.md:4: \"Evaluate Phoenix\" [\(TitleKey.shortID("evaluate phoenix"))] is only in the owner document"])
        let onlyTodo = try #require(lines(Self.todo + "\n- [ ] Rotate secrets [Owner: CTO]").first).1
        #expect(onlyTodo.hasPrefix("t.md:8: \"Rotate secrets\"") && onlyTodo.hasSuffix("is only in TODO.md"))
        let checkbox = try #require(lines(Self.todo.replacingOccurrences(of: "- [x] Ship beta", with: "- [ ] Ship beta")).first).1
        #expect(checkbox.hasPrefix("o.md:2:") && checkbox.hasSuffix("checkbox differs: [x] in the owner document, [ ] in TODO.md (t.md:2)"))
        let section = try #require(lines(Self.todo.replacingOccurrences(of: "## In Progress", with: "## Backlog")).first).1
        #expect(section.contains("section differs: In Progress in the owner document, Pending/Medium in TODO.md (t.md:4)"))
        let priority = try #require(lines(Self.todo.replacingOccurrences(of: "### High Priority", with: "### Low Priority")).first).1
        #expect(priority.contains("priority differs: Pending/High in the owner document, Pending/Low in TODO.md"))
    }

    @Test func descriptionsAreOneLine() {
        let todo = Self.todo.replacingOccurrences(of: "- [x] Ship beta", with: "- [ ] Ship beta")
            .replacingOccurrences(of: "### High Priority", with: "### Medium Priority") + "\n- [ ] Extra [Owner: CTO]"
        let all = lines(todo, owner: Self.owner + "\n- [ ] Owner extra")
        #expect(Set(all.map(\.0)) == [.checkbox, .section, .onlyInOwnerDoc, .onlyInTodo])
        #expect(all.allSatisfy { !$0.1.contains("\n") })
    }
}
