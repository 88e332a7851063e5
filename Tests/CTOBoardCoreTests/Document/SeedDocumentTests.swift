import Foundation
import Testing
@testable import CTOBoardCore

/// The real seed owner document, when ../shared is present.
let seedPath = packageRoot + "/../shared/seed/000_aa258cc345525c56.txt"

@Suite("Seed owner document", .enabled(if: FileManager.default.fileExists(atPath: seedPath)))
struct SeedDocumentTests {
    let bytes: [UInt8]
    let doc: TaskDocument

    init() throws {
        bytes = try FileIO.readDocument(at: seedPath, missingHint: "")
        doc = TaskDocument(document: Document(bytes: bytes))
    }

    private func lineIndex(_ prefix: String) throws -> Int {
        try #require(doc.document.lines.indices.first { doc.document.text($0).hasPrefix(prefix) })
    }

    @Test func roundTrip() {
        #expect(doc.document.bytes == bytes)
        #expect(Document(bytes: bytes).lines.count == 148)
    }

    @Test func tasksPerPane() {
        func count(_ pane: Pane) -> Int { doc.entries.filter { $0.pane == pane }.count }
        #expect(count(.completed) == 8)
        #expect(count(.inProgress) == 5)
        #expect(count(.high) == 7)
        #expect(count(.medium) == 5)
        #expect(count(.low) == 4)
        #expect(doc.entries.count == 29)
        #expect(doc.entries.allSatisfy { $0.pane != nil })
    }

    @Test func completedTasksAwaitVerificationInGroups() {
        let completed = doc.entries.filter { $0.pane == .completed }
        #expect(completed.allSatisfy { $0.state == .verify && $0.text.verifyMarker != nil && $0.text.needsVerification != nil })
        #expect(completed.map(\.group) == Array(repeating: "Infrastructure & Hosting", count: 4) + Array(repeating: "Version Control", count: 4))
        #expect(completed.map(\.title).first == "Netlify deployment setup")
        #expect(completed.map(\.title).contains("Netlify configuration (`netlify.toml`)"))
        #expect(doc.entries.filter { $0.pane != .completed }.allSatisfy { $0.state == .open && $0.group == nil })
    }

    @Test func criticalTasks() {
        #expect(doc.entries.filter(\.critical).map(\.title) == [
            "Validate vector database technology choice",
            "Validate and approve vector database technology choice (PostgreSQL with pgvector or alternative)",
        ])
    }

    @Test func backtickedOwnerTagInTitle() throws {
        let e = try #require(doc.entries.first { $0.title.hasPrefix("Review all") })
        #expect(e.title == "Review all `[Owner: CTO]` tasks in TODO.md")
        #expect(e.owner == nil)
        #expect(e.pane == .inProgress)
        let todoLine = TaskText(utf8("Review all `[Owner: CTO]` tasks in TODO.md [Owner: CTO]"))
        #expect(TitleKey.make(todoLine.titleBytes) == e.key)
    }

    @Test func mojibakeHeadingsAreKeptAndClassified() throws {
        let line = try #require(doc.document.lines.indices.first {
            doc.document.text($0).hasPrefix("### ") && doc.document.text($0).hasSuffix(" Completed Tasks")
        })
        // "### ‚úÖ Completed Tasks": the emoji's UTF-8 read as Mac Roman, kept byte for byte.
        let expected: [UInt8] = utf8("### ") + [0xE2, 0x80, 0x9A, 0xC3, 0xBA, 0xC3, 0x96] + utf8(" Completed Tasks")
        #expect(Array(doc.document.content(line)) == expected)
        #expect(doc.document.text(line) == "### \u{201A}\u{00FA}\u{00D6} Completed Tasks")
        #expect(HeadingKind.classify(doc.document.content(line).dropFirst(3)) == .completed)
        #expect(doc.anchors[.completed] == TaskDocument.Anchor(line: line, level: 3))
    }

    @Test func sectionAnchors() throws {
        let inProgress = try #require(doc.anchors[.inProgress])
        #expect(doc.document.text(inProgress.line).hasSuffix(" In Progress"))
        #expect(inProgress.level == 3)
        let pending = try #require(doc.pendingAnchor)
        #expect(doc.document.text(pending.line).hasSuffix(" Pending Tasks"))
        #expect(pending.level == 3)
        #expect(doc.anchors[.high]?.line == (try lineIndex("**High Priority**")))
        #expect(doc.anchors[.medium]?.line == (try lineIndex("**Medium Priority**")))
        #expect(doc.anchors[.low]?.line == (try lineIndex("**Low Priority**")))
    }

    @Test func syncLineAndLastUpdated() {
        #expect(doc.syncPath == "docs/Project Management/TODO.md")
        #expect(doc.lastUpdatedLines.count == 2)
        #expect(doc.lastUpdatedLines.first == 2)
    }

    @Test func toggleChangesOneByte() throws {
        let e = doc.entries[10]
        var content = Array(doc.document.content(e.line))
        content[e.item.markOffset] = 0x78
        let edited = doc.document.replacingContent(ofLine: e.line, with: content)
        #expect(edited.bytes.count == bytes.count)
        #expect(zip(edited.bytes, bytes).filter { $0 != $1 }.count == 1)
        #expect(TaskDocument(document: edited).entries[10].state == .done)
    }

    @Test func pairsWithTheExampleTodoWithoutDrift() throws {
        let todo = try FileIO.readDocument(at: packageRoot + "/Examples/workspace/docs/Project Management/TODO.md", missingHint: "")
        let pair = TaskPair(paths: PairPaths(owner: "CTO", ownerDoc: seedPath, todo: "TODO.md"), ownerBytes: bytes, todoBytes: todo)
        #expect(pair.tasks.count == 29)
        #expect(pair.drift().isEmpty)
        #expect(try pair.resolve("marked with").title == "All tasks in TODO.md marked with `[Owner: CTO]` must be reviewed and tracked here")
        let error = #expect(throws: TaskQueryError.self) { try pair.resolve("[owner: cto]") }
        guard case let .ambiguous(_, candidates)? = error else {
            Issue.record("expected ambiguous, got \(String(describing: error))")
            return
        }
        #expect(candidates.count == 2)
    }
}
