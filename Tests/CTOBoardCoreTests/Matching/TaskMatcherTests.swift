import Testing
@testable import CTOBoardCore

@Suite("TaskMatcher and TaskPair: pairing, ids, TASK resolution")
struct TaskMatcherTests {
    static let owner = """
    ## In Progress
    - [ ] Evaluate Phoenix
    - [ ] Caf\u{00E9} menu review
    - [ ] **Design** the   AUTH architecture
    ## Pending
    ### High Priority
    - [ ] Write docs
    - [ ] Conduct security audits
    ### Low Priority
    - [ ] Write docs
    ## Notes
    - [ ] Not a task of the board
    """

    static let todo = """
    # TODO
    ## In Progress
    - [ ] evaluate phoenix [Owner: CTO]
    - [ ] Cafe\u{0301} Menu Review [Owner: cto]
    - [ ] Design the auth architecture [Owner: CTO]
    - [ ] Evaluate Phoenix [Owner: Backend]
    ## Pending
    ### High Priority
    - [ ] Write docs [Owner: CTO]
    - [ ] Conduct security audits [Owner: CTO]
    ### Low Priority
    - [ ] Write docs [Owner: CTO]
    - [ ] Write docs [Owner: CTO]
    - [ ] Only in TODO `[Owner: CTO]`
    - [ ] Only in TODO [Owner: CTO]
    """

    private var pair: TaskPair { makePair(owner: Self.owner, todo: Self.todo) }

    @Test func belongsIsCaseInsensitive() {
        let d = parseTasks("- [ ] a [Owner: cto]\n- [ ] b [Owner: CTO]\n- [ ] c [Owner: CTOs]\n- [ ] d\n")
        #expect(d.entries.map { TaskMatcher.belongs($0, to: "CTO") } == [true, true, false, false])
    }

    @Test func pairsAcrossSpellings() throws {
        let tasks = pair.tasks
        #expect(tasks.count == 8)
        // Owner document order first, each with its TODO.md partner.
        #expect(tasks.prefix(6).map { $0.owner?.line } == [1, 2, 3, 6, 7, 9])
        #expect(tasks.prefix(6).map { $0.todo?.line } == [2, 3, 4, 8, 9, 11])
        #expect(tasks[2].title == "**Design** the AUTH architecture")
    }

    @Test func otherOwnersAndNonTasksAreExcluded() {
        let tasks = pair.tasks
        #expect(!tasks.contains { $0.todo?.line == 5 })           // [Owner: Backend]
        #expect(!tasks.contains { $0.owner?.line == 11 })         // under ## Notes
        #expect(!tasks.contains { $0.todo?.line == 13 })           // backticked owner tag only
    }

    @Test func onlyInTodoTasksComeLast() {
        let tasks = pair.tasks
        #expect(tasks[6].owner == nil)
        #expect(tasks[6].todo?.line == 12)       // the third "Write docs"
        #expect(tasks[7].owner == nil)
        #expect(tasks[7].todo?.line == 14)       // the tagged "Only in TODO"
        #expect(tasks[7].title == "Only in TODO")
    }

    @Test func duplicateTitlesPairInOrderWithNumberedIds() throws {
        let tasks = pair.tasks
        let base = TitleKey.shortID("write docs")
        let docs = tasks.filter { $0.key == "write docs" }
        #expect(docs.map(\.id) == [base, "\(base)-2", "\(base)-3"])
        #expect(docs.map { $0.owner?.pane } == [.high, .low, nil])
        #expect(docs.map { $0.todo?.pane } == [.high, .low, .low])
        #expect(docs[0].owner?.line == 6 && docs[0].todo?.line == 8)
        #expect(docs[1].owner?.line == 9 && docs[1].todo?.line == 11)
    }

    @Test func idIsTheShortIDOfTheKey() {
        for task in pair.tasks where !task.id.contains("-") {
            #expect(task.id == TitleKey.shortID(task.key))
            #expect(task.id.count == 6)
        }
        let ids = pair.tasks.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func idsAreStableAcrossEdits() {
        let before = Dictionary(pair.tasks.map { ($0.key, $0.id) }, uniquingKeysWith: { first, _ in first })
        // Reorder sections, add tasks, check boxes, add markers and tags: ids stay.
        let edited = makePair(owner: """
        ## Completed
        - [x] **VERIFY**: Evaluate Phoenix (needs verification)
        ## Pending
        **High Priority**:
        - [ ] A brand new task
        - [ ] **CRITICAL**: Conduct security audits
        ## In Progress
        - [ ] Café menu review [Status: Doing]
        """, todo: "")
        for task in edited.tasks where task.key != "a brand new task" {
            #expect(before[task.key] == task.id, "\(task.key)")
        }
        #expect(edited.tasks.count == 4)
    }

    @Test func ownerDocTasksWithoutTodoPartner() {
        let p = makePair(owner: "## Pending\n- [ ] alone\n", todo: "- [ ] alone [Owner: QA]\n")
        #expect(p.tasks.count == 1)
        #expect(p.tasks[0].todo == nil)
        #expect(p.tasks[0].state == .open)
        #expect(p.tasks[0].pane == .medium)
    }

    @Test func matchedTaskPrefersOwnerDocForDisplay() {
        let p = makePair(owner: "## Completed\n- [ ] Ship it\n",
                         todo: "- [x] **Ship** it [Owner: CTO] [Status: In Progress] (CRITICAL)\n")
        let t = p.tasks[0]
        #expect(t.title == "Ship it")
        #expect(t.pane == .completed)
        #expect(t.state == .verify)
        #expect(t.critical)
    }

    // MARK: - TASK resolution

    @Test func resolvesById() throws {
        let p = pair
        for task in p.tasks {
            #expect(try p.resolve(task.id) == task)
            #expect(try p.resolve(" \(task.id.uppercased()) ") == task)
        }
    }

    @Test func resolvesNumberedDuplicateId() throws {
        let base = TitleKey.shortID("write docs")
        #expect(try pair.resolve("\(base)-2").owner?.line == 9)
    }

    @Test func resolvesByIdPrefix() throws {
        let p = pair
        let target = p.tasks[1]
        let prefix = String(target.id.prefix(5))
        let others = p.tasks.filter { $0.id.hasPrefix(prefix) }
        try #require(others.count == 1)
        #expect(try p.resolve(prefix) == target)
    }

    @Test func resolvesByUniqueFragment() throws {
        let p = pair
        #expect(try p.resolve("phoenix").owner?.line == 1)
        #expect(try p.resolve("SECURITY AUD").owner?.line == 7)
        #expect(try p.resolve("auth architecture").owner?.line == 3)
        #expect(try p.resolve("menu").owner?.line == 2)
        #expect(try p.resolve("only in todo").todo?.line == 14)
    }

    @Test func exactTitleWinsOverFragment() throws {
        let p = makePair(owner: "## Pending\n- [ ] Deploy\n- [ ] Deploy docs\n", todo: "")
        #expect(try p.resolve("deploy").title == "Deploy")
    }

    @Test func ambiguousFragmentListsCandidates() throws {
        let p = pair
        let base = TitleKey.shortID("write docs")
        let docs = #expect(throws: TaskQueryError.self) { try p.resolve("write docs") }
        #expect(docs == .ambiguous("write docs", candidates: [
            "\(base) Write docs", "\(base)-2 Write docs", "\(base)-3 Write docs",
        ]))
        let error = #expect(throws: TaskQueryError.self) { try p.resolve("e") }
        let text = error?.description ?? ""
        #expect(text.contains("matches"))
        #expect(text.contains(p.tasks[0].id))
        #expect(text.contains("use an id or a longer fragment"))
        #expect(!text.contains("\n"))
    }

    @Test func notFound() {
        let p = pair
        #expect(throws: TaskQueryError.notFound("kubernetes")) { try p.resolve("kubernetes") }
        #expect(throws: TaskQueryError.notFound("  ")) { try p.resolve("  ") }
        #expect(TaskQueryError.notFound("x").description.contains("ctoboard list"))
    }

    /// Found by the matcher fuzzer: these two titles share the six-digit id ef1246.
    @Test func differentTitlesWithTheSameShortIDGetLongerIDs() throws {
        let a = "Netlify configuration (`netlify.toml`)"
        let b = "Netlify deployment setup (needs verifn rules (needs vdrification)"
        #expect(TitleKey.shortID(TitleKey.make(utf8(a))) == TitleKey.shortID(TitleKey.make(utf8(b))))
        let p = makePair(owner: "## In Progress\n- [ ] \(a)\n- [ ] \(b)\n- [ ] Other\n",
                         todo: "## In Progress\n- [ ] \(a) [Owner: CTO]\n- [ ] \(b) [Owner: CTO]\n- [ ] Other [Owner: CTO]\n")
        let ids = p.tasks.map(\.id)
        #expect(Set(ids).count == 3)
        #expect(ids[0].count > 6 && ids[1].count > 6 && ids[2].count == 6)
        #expect(try p.resolve(ids[0]).title == a)
        #expect(try p.resolve(ids[1]).title == b)
    }

    /// Many titles only in TODO.md (the key table grows past its first size), with duplicates on
    /// both sides: every task is found once, duplicates pair in order, ids stay unique.
    @Test func manyTodoOnlyTitlesAndDuplicates() {
        let owner = "## Pending\n- [ ] Shared\n- [ ] Shared\n- [ ] Owner only\n"
        var todo = "## Pending\n- [ ] Shared [Owner: CTO]\n"
        for i in 0..<600 { todo += "- [ ] Todo task \(i) [Owner: CTO]\n" }
        todo += "- [x] Shared [Owner: CTO]\n- [ ] Shared [Owner: CTO]\n- [ ] Todo task 7 [Owner: CTO]\n"
        let pair = makePair(owner: owner, todo: todo)
        #expect(pair.tasks.count == 3 + 600 + 1 + 1)
        let shared = pair.tasks.filter { $0.title == "Shared" }
        #expect(shared.count == 3)
        #expect(shared[0].owner != nil && shared[0].todo?.checked == false)
        #expect(shared[1].owner != nil && shared[1].todo?.checked == true)
        #expect(shared[2].owner == nil && shared[2].todo != nil)
        #expect(pair.tasks.filter { $0.title == "Owner only" }.first?.todo == nil)
        let sevens = pair.tasks.filter { $0.title == "Todo task 7" }
        #expect(sevens.count == 2)
        #expect(sevens[1].id == sevens[0].id + "-2")
        #expect(Set(pair.tasks.map(\.id)).count == pair.tasks.count)
    }
}
