import Foundation
import Testing
@testable import CTOBoardCore

// Shared fixtures for the sync engine's tests: operation goldens, sync, transactions, history
// and the model-based property test.

/// How a document's lines are serialized.
struct DocLayout: Sendable, CustomTestStringConvertible {
    var name: String
    var crlf = false
    var bom = false
    var finalNewline = true

    var testDescription: String { name }

    static let lf = DocLayout(name: "LF")
    static let crlf = DocLayout(name: "CRLF", crlf: true)
    static let bom = DocLayout(name: "BOM", bom: true)
    static let noFinalNewline = DocLayout(name: "no final newline", finalNewline: false)
    static let crlfBOMNoFinalNewline = DocLayout(name: "CRLF+BOM, no final newline", crlf: true, bom: true, finalNewline: false)
    static let all: [DocLayout] = [.lf, .crlf, .bom, .noFinalNewline, .crlfBOMNoFinalNewline]

    /// The bytes of `lines` in this layout.
    func render(_ lines: [String]) -> [UInt8] {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for (i, line) in lines.enumerated() {
            out += Array(line.utf8)
            if i < lines.count - 1 || finalNewline { out += crlf ? [0x0D, 0x0A] : [0x0A] }
        }
        return out
    }
}

/// One edit of a document given as lines, for building expected outputs.
enum LineEdit: Sendable {
    /// Replaces the one line equal to the first string.
    case replace(String, String)
    /// Removes the one line equal to the string.
    case remove(String)
    /// Inserts lines after the one line equal to the first string.
    case insertAfter(String, [String])
    /// Inserts lines before the one line equal to the first string.
    case insertBefore(String, [String])
    /// Replaces every line equal to the first string.
    case replaceAll(String, String)
}

/// `lines` with `edits` applied in order. An edit whose line is missing or not unique is a test
/// failure (the fixture and the expectation disagree).
func applying(_ edits: [LineEdit], to lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    var out = lines
    func index(of line: String) -> Int? {
        let hits = out.indices.filter { out[$0] == line }
        guard hits.count == 1 else {
            Issue.record("fixture line \(hits.isEmpty ? "missing" : "not unique"): \(line)", sourceLocation: sourceLocation)
            return nil
        }
        return hits[0]
    }
    for edit in edits {
        switch edit {
        case .replace(let old, let new):
            if let i = index(of: old) { out[i] = new }
        case .remove(let line):
            if let i = index(of: line) { out.remove(at: i) }
        case .insertAfter(let anchor, let new):
            if let i = index(of: anchor) { out.insert(contentsOf: new, at: i + 1) }
        case .insertBefore(let anchor, let new):
            if let i = index(of: anchor) { out.insert(contentsOf: new, at: i) }
        case .replaceAll(let old, let new):
            out = out.map { $0 == old ? new : $0 }
        }
    }
    return out
}

/// The example-like pair used across the sync tests (sectioned layout).
enum SyncFixture {
    static let today = CalendarDate(year: 2026, month: 11, day: 5)

    /// A sectioned owner document with bold priority labels, like the example.
    static let ownerLines = [
        "# CTO Owner",
        "",
        "**Last Updated**: January 2026",
        "**SYNC**: This document is synchronized with `TODO.md`.",
        "",
        "## ✅ Completed",
        "",
        "- [ ] **VERIFY**: Ship v1 (needs verification)",
        "",
        "## 🔄 In Progress",
        "",
        "- [ ] Build API",
        "- [ ] Ünïcode 任务 café ✓",
        "",
        "## 📝 Pending",
        "",
        "**High Priority**:",
        "- [ ] Audit security",
        "",
        "**Medium Priority**:",
        "- [ ] Write docs",
        "- [ ] Plan migration",
        "",
        "**Low Priority**:",
        "- [ ] Tune costs",
        "",
        "---",
        "**Last Updated**: January 2026",
    ]

    /// The project TODO.md with `###` priority headings, an ISO Last Updated line and other
    /// owners' tasks, one of them with the same title as a CTO task.
    static let todoLines = [
        "# TODO",
        "",
        "**Last Updated**: 2026-01-15",
        "",
        "## Completed",
        "",
        "- [ ] **VERIFY**: Ship v1 (needs verification) [Owner: CTO]",
        "- [x] Other done [Owner: QA]",
        "",
        "## In Progress",
        "",
        "- [ ] Build API [Owner: CTO]",
        "- [ ] QA thing [Owner: QA]",
        "- [ ] Ünïcode 任务 café ✓ [Owner: CTO]",
        "",
        "## Pending",
        "",
        "### High Priority",
        "- [ ] Audit security [Owner: CTO]",
        "",
        "### Medium Priority",
        "- [ ] Write docs [Owner: QA]",
        "- [ ] Write docs [Owner: CTO]",
        "- [ ] Plan migration [Owner: CTO]",
        "",
        "### Low Priority",
        "- [ ] Tune costs [Owner: CTO]",
    ]

    /// TODO.md in an area layout: no status headings, `[Status:]`/`[Priority:]` tags.
    static let areaTodoLines = [
        "# TODO",
        "",
        "**Last Updated**: 2026-01-15",
        "",
        "## Area: Platform",
        "- [ ] Build API [Status: In Progress] [Owner: CTO]",
        "- [ ] Audit security [Status: Pending] [Priority: High] [Owner: CTO]",
        "- [ ] QA thing [Status: Pending] [Owner: QA]",
        "- [ ] **VERIFY**: Ship v1 (needs verification) [Status: Completed] [Owner: CTO]",
        "- [ ] Ünïcode 任务 café ✓ [Status: In Progress] [Owner: CTO]",
        "",
        "## Area: Docs",
        "- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: QA]",
        "- [ ] Write docs [Status: Pending] [Priority: Medium] [Owner: CTO]",
        "- [ ] Plan migration [Status: Pending] [Priority: Medium] [Owner: CTO]",
        "- [ ] Tune costs [Status: Pending] [Priority: Low] [Owner: CTO]",
    ]

    static let paths = PairPaths(owner: "CTO", ownerDoc: "/fixture/CTO_OWNER.md", todo: "/fixture/TODO.md")

    static func pair(owner: [UInt8], todo: [UInt8], paths: PairPaths = paths) -> TaskPair {
        TaskPair(paths: paths, ownerBytes: owner, todoBytes: todo)
    }

    static func pair(ownerLines: [String] = ownerLines, todoLines: [String] = todoLines,
                     layout: DocLayout = .lf) -> TaskPair {
        pair(owner: layout.render(ownerLines), todo: layout.render(todoLines))
    }
}

/// A pair of documents in a fresh temp folder, with its own state folder.
struct SyncSandbox {
    let dir: String
    let paths: PairPaths
    let store: StateStore

    init(owner: [UInt8], todo: [UInt8], ownerName: String = "CTO") throws {
        var base = FileManager.default.temporaryDirectory.path
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array("\(base)/ctoboard-synctests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in mkdtemp(buf.baseAddress!) }
        guard made != nil else { throw CocoaError(.fileWriteUnknown) }
        dir = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try FileManager.default.createDirectory(atPath: dir + "/docs", withIntermediateDirectories: true)
        paths = PairPaths(owner: ownerName, ownerDoc: dir + "/docs/CTO_OWNER.md", todo: dir + "/docs/TODO.md")
        store = StateStore(folder: dir + "/state")
        try Self.write(owner, to: paths.ownerDoc)
        try Self.write(todo, to: paths.todo)
    }

    init(layout: DocLayout = .lf, ownerLines: [String] = SyncFixture.ownerLines,
         todoLines: [String] = SyncFixture.todoLines) throws {
        try self.init(owner: layout.render(ownerLines), todo: layout.render(todoLines))
    }

    func session(updateLastUpdated: Bool = true) -> Session {
        var config = Config()
        config.updateLastUpdated = updateLastUpdated
        config.lockTimeout = 5
        return Session(paths: paths, config: config, today: SyncFixture.today, store: store)
    }

    var ownerBytes: [UInt8] { (try? FileIO.readRaw(at: paths.ownerDoc)) ?? [] }
    var todoBytes: [UInt8] { (try? FileIO.readRaw(at: paths.todo)) ?? [] }

    func loadPair() throws -> TaskPair { try TaskPair.load(paths) }

    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Files in the state folder.
    var stateFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: store.folder)) ?? []).sorted() }

    /// Temp files left beside the documents.
    var leftoverTemps: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/docs")) ?? []).filter { $0.hasSuffix(".ctoboard-tmp") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: dir) }
}

/// The owner's tasks of one document as comparable values: title, pane, checked.
struct TaskShot: Hashable, Sendable, CustomStringConvertible {
    var title: String
    var pane: Pane?
    var checked: Bool
    var description: String { "\(checked ? "[x]" : "[ ]") \(title) @\(pane?.rawValue ?? "?")" }
}

func ownerTasks(_ doc: TaskDocument) -> [TaskShot] {
    doc.entries.filter { $0.pane != nil }.map { TaskShot(title: $0.title, pane: $0.pane, checked: $0.checked) }
}

func todoTasks(_ doc: TaskDocument, owner: String = "CTO") -> [TaskShot] {
    doc.entries.filter { TaskMatcher.belongs($0, to: owner) }.map { TaskShot(title: $0.title, pane: $0.pane, checked: $0.checked) }
}

/// How many bytes differ between two arrays of the same length (nil when lengths differ).
func differingBytes(_ a: [UInt8], _ b: [UInt8]) -> Int? {
    guard a.count == b.count else { return nil }
    return zip(a, b).filter { $0 != $1 }.count
}

/// Bytes that compare exactly and show as escaped text in failure messages.
struct ShownBytes: Equatable, Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var testDescription: String {
        var s = ""
        for b in bytes {
            switch b {
            case 0x0A: s += "\\n\n"
            case 0x0D: s += "\\r"
            case 0x20...0x7E: s.unicodeScalars.append(Unicode.Scalar(b))
            default: s += "\\x" + String(b, radix: 16)
            }
        }
        return "\"" + s + "\""
    }
}
