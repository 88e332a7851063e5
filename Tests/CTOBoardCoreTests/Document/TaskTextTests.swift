import Testing
import PropertyBased
@testable import CTOBoardCore

@Suite("TaskText: tags and markers")
struct TaskTextTests {
    private func text(_ s: String) -> TaskText { TaskText(utf8(s)) }

    @Test func plainTitle() {
        let t = text("Set up monitoring and logging infrastructure")
        #expect(t.title == "Set up monitoring and logging infrastructure")
        #expect(t.owner == nil && t.status == nil && t.priority == nil)
        #expect(!t.critical)
        #expect(t.verifyMarker == nil && t.needsVerification == nil && t.verified == nil)
        #expect(t.titleEnd == t.bytes.count)
    }

    @Test func ownerTag() throws {
        let t = text("Conduct security audits [Owner: CTO]")
        let owner = try #require(t.owner)
        #expect(owner.value == "CTO")
        #expect(Array(t.bytes[owner.range]) == utf8("[Owner: CTO]"))
        #expect(t.title == "Conduct security audits")
    }

    /// Emphasis around a tag alone goes with the tag: no `** **` is left in the title.
    @Test func emphasisAroundATagIsNotLeftInTheTitle() {
        #expect(text("Epsilon **[Owner: CTO]** next").title == "Epsilon next")
        #expect(text("Alpha task __[Owner: CTO]__").title == "Alpha task")
        #expect(text("*[Priority: High]* Beta").title == "Beta")
        // Emphasis that holds more than the tag stays.
        #expect(text("**Ship [Owner: CTO] now**").title == "**Ship now**")
    }

    /// The parsed text keeps tags by index and markers packed: a text with hundreds of tags
    /// still names the right ones, and the title made on demand is the same each way.
    @Test func manyTagsKeepTheirNamesAndTheTitleIsMadeOnDemand() throws {
        let many = (0..<300).map { "[Status: s\($0)]" }.joined(separator: " ")
        let t = text("**VERIFY**: Ship *it*  now \(many) [Owner: CTO] [Priority: Low] (needs verification)")
        #expect(t.allTags.count == 302)
        #expect(t.owner?.value == "CTO")
        #expect(t.status?.value == "s299")
        #expect(t.priority?.value == "Low")
        let verify = try #require(t.verifyMarker)
        #expect(Array(t.bytes[verify]) == utf8("**VERIFY**: "))
        let needs = try #require(t.needsVerification)
        #expect(Array(t.bytes[needs]) == utf8("(needs verification)"))
        #expect(t.title == "Ship *it* now")
        #expect(t.withTitleBytes { Array($0) } == t.titleBytes)
        #expect(t.key == "ship it now")
        #expect(text("").withTitleBytes { $0.count } == 0)
    }

    @Test func ownerIsTheLastTagOutsideBackticks() {
        #expect(text("Hand over [Owner: Backend] to [Owner: CTO]").owner?.value == "CTO")
        #expect(text("Hand over [Owner: CTO] to [Owner: Backend]").owner?.value == "Backend")
    }

    @Test func seedStyleTitleWithBacktickedOwnerTag() throws {
        let t = text("Review all `[Owner: CTO]` tasks in TODO.md [Owner: CTO]")
        let owner = try #require(t.owner)
        #expect(owner.value == "CTO")
        #expect(owner.range.lowerBound == utf8("Review all `[Owner: CTO]` tasks in TODO.md ").count)
        #expect(t.title == "Review all `[Owner: CTO]` tasks in TODO.md")
        #expect(t.allTags.count == 1)
    }

    @Test func backtickedOwnerTagAloneIsNoOwner() {
        let t = text("Review all `[Owner: CTO]` tasks in TODO.md")
        #expect(t.owner == nil)
        #expect(t.title == "Review all `[Owner: CTO]` tasks in TODO.md")
    }

    @Test func backtickedTagWinsOverNothingOnlyOutside() {
        // A later backticked tag does not override an earlier real one.
        let t = text("Move [Owner: Backend] tasks, not `[Owner: CTO]`")
        #expect(t.owner?.value == "Backend")
    }

    @Test func doubleBacktickSpans() {
        #expect(text("Write ``code with ` and [Owner: CTO]`` docs").owner == nil)
        #expect(text("Write ``code`` docs [Owner: QA]").owner?.value == "QA")
    }

    @Test func unclosedBacktickIsLiteral() {
        #expect(text("Fix the ` quote [Owner: CTO]").owner?.value == "CTO")
    }

    @Test func tagSpacingAndCase() {
        let t = text("Task [ owner :  Security Lead ] [STATUS:done] [priority: low]")
        #expect(t.owner?.value == "Security Lead")
        #expect(t.status?.value == "done")
        #expect(t.priority?.value == "low")
        #expect(t.title == "Task")
        #expect(t.allTags.count == 3)
    }

    @Test func notTags() {
        let t = text("Task [Owner:] [Owner CTO] [Ownership: CTO] [Owner: [nested]] [link](http://x)")
        #expect(t.owner == nil)
        #expect(t.allTags.isEmpty)
    }

    @Test func statusAndPriorityTags() {
        let t = text("Migrate DNS [Status: In Progress] [Priority: High] [Owner: CTO]")
        #expect(t.status?.value == "In Progress")
        #expect(t.priority?.value == "High")
        #expect(t.owner?.value == "CTO")
        #expect(t.title == "Migrate DNS")
    }

    @Test func verifyMarkers() throws {
        let s = "**VERIFY**: Netlify deployment setup (needs verification) [Owner: CTO]"
        let t = text(s)
        let verify = try #require(t.verifyMarker)
        #expect(Array(t.bytes[verify]) == utf8("**VERIFY**: "))
        let needs = try #require(t.needsVerification)
        #expect(Array(t.bytes[needs]) == utf8("(needs verification)"))
        #expect(t.title == "Netlify deployment setup")
        #expect(String(decoding: t.bytes[..<t.titleEnd], as: UTF8.self) == "**VERIFY**: Netlify deployment setup")
    }

    @Test func verifyMarkerIsCaseInsensitiveAndOnlyLeading() {
        #expect(text("**Verify**: thing").verifyMarker != nil)
        #expect(text("  **VERIFY** thing").verifyMarker != nil)
        #expect(text("Check that **VERIFY**: works").verifyMarker == nil)
        #expect(text("**VERIFYING** is a word").verifyMarker == nil)
    }

    @Test func verifiedDate() throws {
        let t = text("Branch protection rules (verified 2026-01-15) [Owner: CTO]")
        let r = try #require(t.verified)
        #expect(Array(t.bytes[r]) == utf8("(verified 2026-01-15)"))
        #expect(t.title == "Branch protection rules")
        #expect(String(decoding: t.bytes[..<t.titleEnd], as: UTF8.self) == "Branch protection rules")
    }

    @Test func criticalLeadingForm() {
        let t = text("**CRITICAL**: Validate and approve vector database technology choice")
        #expect(t.critical)
        #expect(t.title == "Validate and approve vector database technology choice")
    }

    @Test func criticalTrailingForm() {
        let t = text("Validate vector database technology choice (CRITICAL) [Owner: CTO]")
        #expect(t.critical)
        #expect(t.title == "Validate vector database technology choice")
        #expect(text("Something (critical)").critical)
    }

    @Test func criticalAndVerifyInEitherOrder() {
        let a = text("**CRITICAL**: **VERIFY**: Do it (needs verification)")
        let b = text("**VERIFY**: **CRITICAL**: Do it")
        #expect(a.critical && a.verifyMarker != nil && a.needsVerification != nil)
        #expect(b.critical && b.verifyMarker != nil)
        #expect(a.title == "Do it")
        #expect(b.title == "Do it")
    }

    @Test func criticalInsideBackticksOrMidWordIsNotAFlag() {
        #expect(!text("Document the `(CRITICAL)` label").critical)
        #expect(!text("A CRITICAL path review").critical)
    }

    @Test func titleCollapsesWhiteSpace() {
        #expect(text("  Set\tup   the\t\tthing  ").title == "Set up the thing")
    }

    @Test func titleEndStopsBeforeTrailingTagsAndMarkers() {
        let s = "Deploy the app (needs verification) [Owner: CTO] [Priority: High]  "
        let t = text(s)
        #expect(String(decoding: t.bytes[..<t.titleEnd], as: UTF8.self) == "Deploy the app")
        // A tag in the middle of the title does not end it.
        let u = text("Move [Owner: CTO] tasks to the board")
        #expect(u.titleEnd == u.bytes.count)
        #expect(u.title == "Move tasks to the board")
    }

    @Test func markerRangesAreSorted() {
        let t = text("**VERIFY**: X (needs verification) [Owner: CTO] (CRITICAL)")
        let ranges = t.markerRanges
        #expect(ranges.count == 4)
        #expect(ranges == ranges.sorted { $0.lowerBound < $1.lowerBound })
    }

    @Test func invalidUTF8Survives() {
        let bytes: [UInt8] = utf8("Caf") + [0xE9] + utf8(" menu [Owner: CTO]")
        let t = TaskText(bytes)
        #expect(t.bytes == bytes)
        #expect(t.owner?.value == "CTO")
        #expect(t.titleBytes == utf8("Caf") + [0xE9] + utf8(" menu"))
        #expect(t.title == "Caf\u{FFFD} menu")
    }

    @Test func emptyText() {
        let t = TaskText([UInt8]())
        #expect(t.title == "")
        #expect(t.titleEnd == 0)
        #expect(t.markerRanges.isEmpty)
    }
}
