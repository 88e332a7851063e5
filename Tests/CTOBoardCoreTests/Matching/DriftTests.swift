import Testing
@testable import CTOBoardCore

@Suite("Drift: differences between the owner document and TODO.md")
struct DriftTests {
    static let owner = """
    ## Completed
    - [x] Ship beta
    ## In Progress
    - [ ] Evaluate Phoenix
    ## Pending
    **High Priority**:
    - [ ] Conduct security audits
    """

    static let todo = """
    ## Completed
    - [x] Ship beta [Owner: CTO]
    ## In Progress
    - [ ] Evaluate Phoenix [Owner: CTO]
    ## Pending
    ### High Priority
    - [ ] Conduct security audits [Owner: CTO]
    """

    @Test func agreeingDocumentsHaveNoDrift() {
        #expect(makePair(owner: Self.owner, todo: Self.todo).drift().isEmpty)
    }

    @Test func onlyInOwnerDoc() throws {
        let todo = Self.todo.replacingLine("- [ ] Evaluate Phoenix [Owner: CTO]", with: "- [ ] Evaluate Phoenix [Owner: Backend]")
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.onlyInOwnerDoc])
        let d = try #require(drift.first)
        #expect(d.task.title == "Evaluate Phoenix")
    }

    @Test func onlyInTodo() throws {
        let todo = Self.todo + "\n- [ ] Rotate secrets [Owner: CTO]"
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.onlyInTodo])
    }

    @Test func checkboxDiffers() throws {
        let todo = Self.todo.replacingLine("- [x] Ship beta [Owner: CTO]", with: "- [ ] Ship beta [Owner: CTO]")
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.checkbox])
    }

    @Test func sectionDiffers() throws {
        let todo = Self.todo.replacingLine("## In Progress", with: "## Backlog")
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.section])
    }

    @Test func priorityDiffers() throws {
        let todo = Self.todo.replacingLine("### High Priority", with: "### Low Priority")
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.section])
    }

    @Test func checkboxAndSectionBothReported() {
        let todo = Self.todo.replacingLine("- [x] Ship beta [Owner: CTO]", with: "- [ ] Ship beta [Owner: CTO] [Status: In Progress]")
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.checkbox, .section])
        #expect(drift.allSatisfy { $0.task.title == "Ship beta" })
    }

    @Test func unknownSectionIsNoDifference() {
        // Area layout: no status headings, no tags.
        let todo = """
        # TODO
        ## Platform
        - [x] Ship beta [Owner: CTO]
        - [ ] Evaluate Phoenix [Owner: CTO]
        - [ ] Conduct security audits [Owner: CTO]
        """
        #expect(makePair(owner: Self.owner, todo: todo).drift().isEmpty)
        // ...but a checkbox difference still counts.
        let unchecked = todo.replacingLine("- [x] Ship beta [Owner: CTO]", with: "- [ ] Ship beta [Owner: CTO]")
        #expect(makePair(owner: Self.owner, todo: unchecked).drift().map(\.kind) == [.checkbox])
    }

    @Test func areaLayoutWithTagsIsCompared() {
        let todo = """
        ## Platform
        - [x] Ship beta [Status: Completed] [Owner: CTO]
        - [ ] Evaluate Phoenix [Status: In Progress] [Owner: CTO]
        ## Security
        - [ ] Conduct security audits [Status: Pending] [Priority: Low] [Owner: CTO]
        """
        let drift = makePair(owner: Self.owner, todo: todo).drift()
        #expect(drift.map(\.kind) == [.section])
        #expect(drift.first?.task.title == "Conduct security audits")
    }

    @Test func exampleWorkspaceAgrees() throws {
        let dir = packageRoot + "/Examples/workspace/docs"
        let owner = try FileIO.readDocument(at: dir + "/Development/CTO_OWNER.md", missingHint: "")
        let todo = try FileIO.readDocument(at: dir + "/Project Management/TODO.md", missingHint: "")
        let pair = TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: "o", todo: "t"), ownerBytes: owner, todoBytes: todo)
        #expect(pair.tasks.count == 29)
        #expect(pair.tasks.allSatisfy { $0.owner != nil && $0.todo != nil })
        #expect(pair.drift().isEmpty)
    }
}

extension String {
    /// The text with one whole line replaced; the line must exist.
    func replacingLine(_ old: String, with new: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = lines.firstIndex(of: old)!
        lines[i] = new
        return lines.joined(separator: "\n")
    }
}
