import Foundation
import Testing
import PropertyBased
@testable import CTOBoardCore

@Suite("TaskDocument: sections, priorities, groups, layouts")
struct TaskDocumentTests {
    static let ownerDoc = """
    # CTO Owner

    **Last Updated**: January 2026
    This document is synchronized with `docs/Project Management/TODO.md`.

    - [ ] Not a task: before any section

    ## Current Tasks

    ### ‚úÖ Completed Tasks

    #### Infrastructure & Hosting
    - [ ] **VERIFY**: Netlify deployment setup (needs verification)
    - [x] DNS records

    #### Version Control
    - [ ] GitHub repository setup

    ### 🔄 In Progress

    **CTO-Specific In Progress Tasks**:
    - [ ] Evaluate Phoenix
    - plain list item, not a task
    - [] not a task either

    ### Pending Tasks

    **High Priority**:
    - [ ] **CRITICAL**: Validate vector database
    * [ ] Design authentication

    **Medium Priority**:
    1. [ ] Document the stack
    2) [x] Establish code review

    **Low Priority**:
    + [ ] Cost optimization
    ```
    - [ ] fenced, not a task
    ```
    ~~~markdown
    - [ ] tilde fenced, not a task
    ```
    - [ ] still inside the tilde fence
    ~~~
        - [ ] Indented low task

    ## 📝 Notes

    - [ ] Notes item, not a task

    **Last Updated**: January 2026
    """

    private func entry(_ d: TaskDocument, _ title: String) throws -> TaskEntry {
        try #require(d.entries.first { $0.title == title }, "no task \(title)")
    }

    @Test func ownerDocumentPanes() throws {
        let d = parseTasks(Self.ownerDoc)
        let known = d.entries.filter { $0.pane != nil }
        #expect(known.map(\.title) == [
            "Netlify deployment setup", "DNS records", "GitHub repository setup",
            "Evaluate Phoenix",
            "Validate vector database", "Design authentication",
            "Document the stack", "Establish code review",
            "Cost optimization", "Indented low task",
        ])
        #expect(known.map(\.pane) == [
            .completed, .completed, .completed, .inProgress, .high, .high, .medium, .medium, .low, .low,
        ])
    }

    @Test func itemsOutsideSectionsHaveNoPane() throws {
        let d = parseTasks(Self.ownerDoc)
        let outside = d.entries.filter { $0.pane == nil }.map(\.title)
        #expect(outside == ["Not a task: before any section", "Notes item, not a task"])
        #expect(try entry(d, "Notes item, not a task").group == nil)
    }

    @Test func plainItemsAndFencedItemsAreNotTasks() {
        let d = parseTasks(Self.ownerDoc)
        let titles = d.entries.map(\.title)
        #expect(!titles.contains { $0.contains("plain list item") })
        #expect(!titles.contains { $0.contains("not a task either") })
        #expect(!titles.contains { $0.contains("fenced") })
        #expect(!titles.contains { $0.contains("still inside") })
        #expect(d.entries.count == 12)
    }

    @Test func groupsWithinCompleted() throws {
        let d = parseTasks(Self.ownerDoc)
        #expect(try entry(d, "Netlify deployment setup").group == "Infrastructure & Hosting")
        #expect(try entry(d, "DNS records").group == "Infrastructure & Hosting")
        #expect(try entry(d, "GitHub repository setup").group == "Version Control")
        #expect(try entry(d, "Evaluate Phoenix").group == nil)
    }

    @Test func states() throws {
        let d = parseTasks(Self.ownerDoc)
        #expect(try entry(d, "Netlify deployment setup").state == .verify)
        #expect(try entry(d, "GitHub repository setup").state == .verify)
        #expect(try entry(d, "DNS records").state == .done)
        #expect(try entry(d, "Evaluate Phoenix").state == .open)
        #expect(try entry(d, "Establish code review").state == .done)
        #expect(try entry(d, "Document the stack").state == .open)
    }

    @Test func critical() throws {
        let d = parseTasks(Self.ownerDoc)
        #expect(try entry(d, "Validate vector database").critical)
        #expect(try !entry(d, "Design authentication").critical)
    }

    @Test func anchorsSyncLineAndLastUpdated() throws {
        let d = parseTasks(Self.ownerDoc)
        let lines = Self.ownerDoc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ prefix: String) -> Int { lines.firstIndex { $0.hasPrefix(prefix) }! }
        #expect(d.anchors[.completed] == .init(line: line("### ‚úÖ Completed"), level: 3))
        #expect(d.anchors[.inProgress] == .init(line: line("### 🔄 In Progress"), level: 3))
        #expect(d.pendingAnchor == .init(line: line("### Pending Tasks"), level: 3))
        #expect(d.anchors[.high] == .init(line: line("**High Priority**"), level: 0))
        #expect(d.anchors[.medium] == .init(line: line("**Medium Priority**"), level: 0))
        #expect(d.anchors[.low] == .init(line: line("**Low Priority**"), level: 0))
        #expect(d.isSectioned)
        #expect(d.syncPath == "docs/Project Management/TODO.md")
        #expect(d.lastUpdatedLines.count == 2)
        #expect(d.lastUpdatedLines.first == 2)
    }

    @Test func headingPriorities() throws {
        let d = parseTasks("""
        ## Pending
        - [ ] No priority yet
        ### High Priority
        - [ ] Urgent thing
        ### Medium Priority
        - [ ] Normal thing
        ### Low
        - [ ] Later thing
        ## In Progress
        - [ ] Busy thing
        """)
        #expect(d.entries.map(\.pane) == [.medium, .high, .medium, .low, .inProgress])
        #expect(d.entries.allSatisfy { $0.group == nil })
        #expect(d.anchors[.medium]?.level == 3)
    }

    @Test func priorityHeadingAloneStartsPending() {
        let d = parseTasks("### High Priority\n- [ ] a\n### Low Priority\n- [ ] b\n")
        #expect(d.entries.map(\.pane) == [.high, .low])
    }

    @Test(arguments: [
        ("### ‚úÖ Completed Tasks", HeadingKind.completed),
        ("## ✅ Completed", .completed),
        ("## Done", .completed),
        ("## Finished", .completed),
        ("### üîÑ In Progress", .inProgress),
        ("## Doing", .inProgress),
        ("## WIP", .inProgress),
        ("### üìù Pending Tasks", .pending),
        ("## Backlog", .pending),
        ("## Todo", .pending),
        ("## To Do", .pending),
        ("## Planned", .pending),
        ("### High Priority", .priority(.high)),
        ("### Medium Priority", .priority(.medium)),
        ("### Low", .priority(.low)),
        ("### Priority: Low", .priority(.low)),
        ("#### Infrastructure & Hosting", .other),
        ("## üìù Notes", .other),
        ("## Related Documentation", .other),
    ])
    func classifiesHeadings(_ line: String, _ kind: HeadingKind) {
        let text = line.drop { $0 == "#" }
        #expect(HeadingKind.classify(Array(text.utf8)) == kind)
    }

    @Test func todoSynonymsSectionATodoFile() {
        let d = parseTasks("""
        # Project TODO
        ## Done
        - [x] a [Owner: CTO]
        ## Doing
        - [ ] b [Owner: CTO]
        ## Backlog
        - [ ] c [Owner: CTO]
        ## Todo
        ### Low
        - [ ] d [Owner: CTO]
        """)
        #expect(d.entries.map(\.pane) == [.completed, .inProgress, .medium, .low])
        #expect(d.entries.map(\.state) == [.done, .open, .open, .open])
        #expect(d.entries.allSatisfy { $0.owner == "CTO" })
    }

    @Test func levelOneHeadingEndsTheSection() {
        let d = parseTasks("## In Progress\n- [ ] a\n# Appendix\n- [ ] b\n")
        #expect(d.entries.map(\.pane) == [.inProgress, nil])
    }

    @Test func sameLevelOtherHeadingEndsTheSection() {
        let d = parseTasks("## In Progress\n- [ ] a\n### Sub group\n- [ ] b\n## Notes\n- [ ] c\n")
        #expect(d.entries.map(\.pane) == [.inProgress, .inProgress, nil])
        #expect(d.entries.map(\.group) == [nil, "Sub group", nil])
    }

    @Test func groupHeadingDropsClosingHashes() {
        let d = parseTasks("## Completed\n### Version Control ###\n- [x] a\n")
        #expect(d.entries.first?.group == "Version Control")
    }

    @Test func areaLayoutUsesInlineTags() throws {
        let d = parseTasks("""
        # TODO
        ## Infrastructure
        - [ ] Migrate DNS [Status: In Progress] [Owner: CTO]
        - [ ] Netlify setup [Status: Completed] [Owner: CTO]
        - [x] Branch rules [Status: Done] [Owner: CTO]
        - [ ] Audit logs [Priority: High] [Owner: CTO]
        - [ ] Rotate keys [Status: Backlog] [Priority: Low] [Owner: CTO]
        - [ ] Wire alerts [Status: Todo] [Owner: CTO]
        - [ ] Spike caching [Status: Doing] [Owner: CTO]
        - [ ] Untagged idea [Owner: CTO]
        - [ ] Weird status [Status: Blocked] [Owner: CTO]
        ## Milestone 2
        - [ ] Ship beta [Status: Pending] [Priority: Medium] [Owner: CTO]
        """)
        #expect(!d.isSectioned)
        #expect(d.entries.map(\.pane) == [
            .inProgress, .completed, .completed, .high, .low, .medium, .inProgress, nil, nil, .medium,
        ])
        #expect(d.entries.map(\.state) == [
            .open, .verify, .done, .open, .open, .open, .open, .open, .open, .open,
        ])
        #expect(d.entries.allSatisfy { $0.headingPane == nil && $0.group == nil })
        #expect(d.entries.map(\.title).contains("Untagged idea"))
    }

    @Test func tagsWinOverHeadings() {
        let d = parseTasks("## In Progress\n- [ ] a [Status: Completed]\n- [ ] b [Priority: Low]\n")
        #expect(d.entries.map(\.headingPane) == [.inProgress, .inProgress])
        #expect(d.entries.map(\.tagPane) == [.completed, .low])
        #expect(d.entries.map(\.pane) == [.completed, .low])
    }

    @Test func unknownSectionWithVerifyMarkerAwaitsVerification() {
        let d = parseTasks("- [ ] **VERIFY**: a\n- [ ] b (needs verification)\n- [ ] c\n")
        #expect(d.entries.map(\.pane) == [nil, nil, nil])
        #expect(d.entries.map(\.state) == [.verify, .verify, .open])
    }

    @Test func crlfDocumentParsesLikeLF() {
        let lf = parseTasks(Self.ownerDoc)
        let crlf = parseTasks(Self.ownerDoc.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.document.lines.allSatisfy { $0.ending == .crlf || $0.ending == LineEnding.none })
        #expect(crlf.entries.map(\.key) == lf.entries.map(\.key))
        #expect(crlf.entries.map(\.pane) == lf.entries.map(\.pane))
        #expect(crlf.entries.map(\.group) == lf.entries.map(\.group))
        #expect(crlf.entries.map(\.line) == lf.entries.map(\.line))
        #expect(crlf.syncPath == lf.syncPath)
        #expect(!crlf.entries.contains { $0.title.contains("\r") })
    }

    @Test func bomBeforeFirstHeading() {
        let d = parseTasks([0xEF, 0xBB, 0xBF] + utf8("## In Progress\n- [ ] a\n"))
        #expect(d.entries.map(\.pane) == [.inProgress])
    }

    @Test func invalidUTF8TitleIsATask() throws {
        let bytes: [UInt8] = utf8("## Pending\n- [ ] Caf") + [0xE9] + utf8(" menu\n")
        let d = parseTasks(bytes)
        let e = try #require(d.entries.first)
        #expect(e.title == "Caf\u{FFFD} menu")
        #expect(e.text.titleBytes == utf8("Caf") + [0xE9] + utf8(" menu"))
        #expect(d.document.bytes == bytes)
    }

    @Test func tabsAroundCheckbox() {
        let d = parseTasks("## Pending\n\t-\t[x]\tTabbed\ttask\n")
        #expect(d.entries.map(\.title) == ["Tabbed task"])
        #expect(d.entries.map(\.state) == [.done])
    }

    @Test func fenceNeedsMatchingCharacterAndLength() {
        let d = parseTasks("""
        ## Pending
        ````
        ```
        - [ ] inside four-backtick fence
        ````
        - [ ] after the fence
            ```
        - [ ] indented four spaces is not a fence
        """)
        #expect(d.entries.map(\.title) == ["after the fence", "indented four spaces is not a fence"])
    }

    @Test func fenceWithInfoStringDoesNotClose() {
        let d = parseTasks("## Pending\n```\n```swift\n- [ ] still code\n```  \n- [ ] task\n")
        #expect(d.entries.map(\.title) == ["task"])
    }

    @Test func todoFileNameIsNotATodoHeading() {
        // The seed's "## 📋 Current Tasks (Synced with TODO.md)" is not the Pending section.
        #expect(HeadingKind.classify(utf8(" üìã Current Tasks (Synced with TODO.md)")) == .other)
        #expect(HeadingKind.classify(utf8(" Todo")) == .pending)
        #expect(HeadingKind.classify(utf8(" TODO: pending work from TODO.md")) == .pending)
        let d = parseTasks("## Current Tasks (Synced with TODO.md)\n### Pending Tasks\n- [ ] a\n")
        #expect(d.pendingAnchor == .init(line: 1, level: 3))
        #expect(d.entries.map(\.pane) == [.medium])
    }

    @Test func unclosedFenceHidesTheRest() {
        let d = parseTasks("## Pending\n- [ ] a\n```\n- [ ] b\n")
        #expect(d.entries.map(\.title) == ["a"])
    }

    @Test func headingNeedsSpaceAfterHashes() {
        let d = parseTasks("## Pending\n#hashtag\n- [ ] a\n####### seven\n- [ ] b\n")
        #expect(d.entries.map(\.pane) == [.medium, .medium])
    }

    @Test func syncedWithVariant() {
        #expect(parseTasks("Synced with `TODO.md` nightly.\n").syncPath == "TODO.md")
        #expect(parseTasks("synchronized with docs/TODO.md\n").syncPath == nil)
        #expect(parseTasks("- [ ] synchronized with `x.md`\n").syncPath == nil)
    }

    @Test func subHeadingsWithStatusWordsStayGroups() {
        let d = parseTasks("""
        ## Completed
        #### Getting Started
        - [ ] **VERIFY**: Onboarding guide (needs verification)
        #### Active Directory
        - [x] SSO with AD
        ## In Progress
        - [ ] Real in-progress task
        """)
        #expect(d.entries.map(\.pane) == [.completed, .completed, .inProgress])
        #expect(d.entries.map(\.group) == ["Getting Started", "Active Directory", nil])
        #expect(d.entries[0].state == .verify)
    }
}
