import Testing
@testable import CTOBoardCore

/// `TaskPair.load`: the result and the errors are those of reading both documents, the owner
/// document first, then parsing them.
@Suite("Loading a pair from disk")
struct TaskPairLoadTests {
    /// A large owner document (over 256 KiB).
    private static let largeOwner: String = {
        var doc = "# CTO\n## Pending\n**High Priority**:\n"
        var i = 0
        while doc.utf8.count < 257 * 1024 {
            doc += "- [ ] Task \(i) with a title long enough to fill the document\n"
            i += 1
        }
        return doc
    }()

    private static func largeTodo() -> String {
        var doc = "# TODO\n## In Progress\n"
        for i in stride(from: 0, to: 4000, by: 3) { doc += "- [x] Task \(i) with a title long enough to fill the document [Owner: CTO]\n" }
        for i in 0..<2000 { doc += "- [ ] Someone else's \(i) [Owner: CEO]\n" }
        doc += "- [ ] Only in TODO.md [Owner: CTO]\n"
        return doc
    }

    @Test func aLargePairLoadsAsItsBytesParse() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let todo = Self.largeTodo()
        let paths = PairPaths(owner: "CTO", ownerDoc: try dir.write("CTO_OWNER.md", Self.largeOwner),
                              todo: try dir.write("TODO.md", todo))
        let loaded = try TaskPair.load(paths)
        let parsed = TaskPair(paths: paths, ownerDoc: TaskDocument(document: Document(bytes: utf8(Self.largeOwner))),
                              todo: TaskDocument(document: Document(bytes: utf8(todo)), keyOwner: "CTO"))
        #expect(loaded.tasks == parsed.tasks)
        #expect(loaded.todo.entries.count == parsed.todo.entries.count)
        #expect(loaded.tasks.filter { $0.owner != nil && $0.todo?.pane == .inProgress }.count == 1334)
        #expect(loaded.tasks.last?.title == "Only in TODO.md")
    }

    @Test func aLargePairsMissingTodoIsReportedByName() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let paths = PairPaths(owner: "CTO", ownerDoc: try dir.write("CTO_OWNER.md", Self.largeOwner),
                              todo: dir.path + "/TODO.md")
        #expect(throws: DocumentError.missing(path: paths.todo, hint: "pass TODO.md with --todo PATH")) {
            try TaskPair.load(paths)
        }
    }

    @Test func aLargePairsTodoThatIsAFolderIsReportedByName() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let paths = PairPaths(owner: "CTO", ownerDoc: try dir.write("CTO_OWNER.md", Self.largeOwner),
                              todo: try dir.mkdir("TODO.md"))
        #expect(throws: DocumentError.isDirectory(path: paths.todo)) { try TaskPair.load(paths) }
    }

    @Test func aLargeTodoWithBinaryBytesIsReportedByName() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var todo = utf8(Self.largeTodo())
        todo.insert(0, at: todo.count / 2)
        let paths = PairPaths(owner: "CTO", ownerDoc: try dir.write("CTO_OWNER.md", "# CTO\n"),
                              todo: try dir.write("TODO.md", todo + utf8(Self.largeOwner)))
        #expect(throws: DocumentError.binary(path: paths.todo)) { try TaskPair.load(paths) }
    }

    /// The owner document's error comes first, as when both are read before parsing.
    @Test func theOwnerDocumentsErrorComesFirst() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let paths = PairPaths(owner: "CTO", ownerDoc: try dir.mkdir("CTO_OWNER.md"),
                              todo: try dir.write("TODO.md", Self.largeOwner))
        #expect(throws: DocumentError.isDirectory(path: paths.ownerDoc)) { try TaskPair.load(paths) }
    }
}
