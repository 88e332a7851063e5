import Foundation
import Testing
@testable import CTOBoardCore

@Suite("PairLocator: finding TODO.md")
struct PairLocatorTests {
    static let ownerText = """
    # CTO Owner

    **SYNC**: This document is synchronized with `docs/Project Management/TODO.md`. Tasks marked `[Owner: CTO]`.

    ## In Progress
    - [ ] a
    """

    @Test func resolvesAgainstGitWorkTreeRoot() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let doc = try tmp.write("repo/docs/Development/CTO_OWNER.md", Self.ownerText)
        let todo = try tmp.write("repo/docs/Project Management/TODO.md", "# TODO\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == todo)
    }

    @Test func gitRootWinsOverOwnerDocFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let doc = try tmp.write("repo/docs/CTO_OWNER.md", "synchronized with `TODO.md`\n")
        let atRoot = try tmp.write("repo/TODO.md", "root\n")
        try tmp.write("repo/docs/TODO.md", "folder\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == atRoot)
    }

    @Test func gitFileCountsAsWorkTree() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.write("wt/.git", "gitdir: /elsewhere/.git/worktrees/wt\n")
        let doc = try tmp.write("wt/notes/CTO.md", "synchronized with `plan/TODO.md`\n")
        let todo = try tmp.write("wt/plan/TODO.md", "x\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == todo)
    }

    @Test func fallsBackToOwnerDocFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        // Not at the root, but next to the owner document.
        let doc = try tmp.write("repo/team/CTO.md", "synchronized with `TODO.md`\n")
        let todo = try tmp.write("repo/team/TODO.md", "x\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == todo)
    }

    @Test func resolvesAgainstAnAncestorWithoutGit() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try #require(Paths.gitWorkTree(from: tmp.path) == nil, "the temporary folder is inside a git work tree")
        let doc = try tmp.write("proj/docs/Development/CTO_OWNER.md", Self.ownerText)
        let todo = try tmp.write("proj/docs/Project Management/TODO.md", "# TODO\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == todo)
    }

    @Test func absoluteSyncPath() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let todo = try tmp.write("repo/abs/TODO.md", "x\n")
        let doc = try tmp.write("repo/a/CTO.md", "synchronized with `\(todo)`\n")
        #expect(try PairLocator.todoFromSyncLine(ownerDoc: doc) == todo)
        let missing = try tmp.write("repo/b/CTO.md", "synchronized with `\(tmp.path)/repo/nope.md`\n")
        #expect(throws: LocateError.todoNotFound(ownerDoc: missing, syncPath: "\(tmp.path)/repo/nope.md", tried: ["\(tmp.path)/repo/nope.md"])) {
            try PairLocator.todoFromSyncLine(ownerDoc: missing)
        }
    }

    /// A repository's sync line, absolute or with `..`, must not lead out of it.
    @Test(arguments: ["absolute", "dotdot"])
    func syncPathOutsideTheWorkTreeIsRefused(_ form: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let outside = try tmp.write("outside/TODO.md", "x\n")
        let sync = form == "absolute" ? outside : "../outside/TODO.md"
        let doc = try tmp.write("repo/a/CTO.md", "# CTO\n\nsynchronized with `\(sync)`\n")
        let error = #expect(throws: LocateError.self) { try PairLocator.todoFromSyncLine(ownerDoc: doc) }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("\(doc):3: the sync line's path `\(sync)`") && text.contains("outside the git work tree") && text.contains("--todo"))
    }

    /// Outside git, a config in the current folder does not fence in an owner document given
    /// on the command line elsewhere: its sync line resolves beside it as before.
    @Test func configFolderDoesNotFenceAnOwnerDocElsewhere() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try #require(Paths.gitWorkTree(from: tmp.path) == nil, "the temporary folder is inside a git work tree")
        let config = try Config(text: "owner = \"CTO\"\n", path: try tmp.write("here/.ctoboard.toml", "owner = \"CTO\"\n"))
        let doc = try tmp.write("elsewhere/CTO.md", "synchronized with `TODO.md`\n")
        let todo = try tmp.write("elsewhere/TODO.md", "x\n")
        #expect(try PairLocator.locate(ownerDoc: doc, todo: nil, owner: nil, config: config).first?.todo == todo)
    }

    /// Outside git, without a config, a relative sync line stays inside the folder it is resolved against.
    @Test func syncPathWithDotDotOutsideGitIsRefused() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try #require(Paths.gitWorkTree(from: tmp.path) == nil, "the temporary folder is inside a git work tree")
        try tmp.write("outside/TODO.md", "x\n")
        let doc = try tmp.write("proj/CTO.md", "synchronized with `../outside/TODO.md`\n")
        let error = #expect(throws: LocateError.self) { try PairLocator.todoFromSyncLine(ownerDoc: doc) }
        #expect(error?.description.contains("outside the folder \(tmp.path)/proj") == true)
    }

    @Test func missingSyncLine() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let doc = try tmp.write("CTO.md", "# CTO\n\n## In Progress\n- [ ] a\n")
        let error = #expect(throws: LocateError.self) { try PairLocator.todoFromSyncLine(ownerDoc: doc) }
        #expect(error == .noSyncLine(ownerDoc: doc))
        let text = error?.description ?? ""
        #expect(text.hasPrefix(doc + ":"))
        #expect(text.contains("--todo"))
        #expect(!text.contains("\n"))
    }

    @Test func todoNotFoundNamesThePathAndSaysTodo() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let doc = try tmp.write("repo/docs/Development/CTO_OWNER.md", Self.ownerText)
        let error = #expect(throws: LocateError.self) { try PairLocator.todoFromSyncLine(ownerDoc: doc) }
        guard case let .todoNotFound(ownerDoc, sync, tried)? = error else {
            Issue.record("expected todoNotFound, got \(String(describing: error))")
            return
        }
        #expect(ownerDoc == doc)
        #expect(sync == "docs/Project Management/TODO.md")
        #expect(tried.first == tmp.path + "/repo/docs/Project Management/TODO.md")
        let text = error?.description ?? ""
        #expect(text.contains(doc))
        #expect(text.contains("docs/Project Management/TODO.md"))
        #expect(text.contains(tmp.path + "/repo/docs/Project Management/TODO.md"))
        #expect(text.contains("--todo"))
        #expect(!text.contains("\n"))
    }

    @Test func missingOwnerDoc() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/missing.md"
        let error = #expect(throws: LocateError.self) { try PairLocator.todoFromSyncLine(ownerDoc: path) }
        guard case .document(.missing(path, _))? = error else {
            Issue.record("expected a missing document, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix(path + ": no such file") == true)
    }

    @Test func locateWithExplicitPaths() throws {
        let pairs = try PairLocator.locate(ownerDoc: "/a/b/../CTO.md", todo: "/t/./TODO.md", owner: nil, config: nil)
        #expect(pairs == [PairPaths(owner: "CTO", ownerDoc: "/a/CTO.md", todo: "/t/TODO.md")])
        let named = try PairLocator.locate(ownerDoc: "/a/QA.md", todo: "/t/TODO.md", owner: "QA", config: nil)
        #expect(named.first?.owner == "QA")
        let relative = try PairLocator.locate(ownerDoc: "x.md", todo: "y.md", owner: nil, config: nil)
        #expect(relative.first?.ownerDoc == Paths.currentDirectory() + "/x.md")
    }

    @Test func locateWithExplicitOwnerDocUsesSyncLine() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        let doc = try tmp.write("repo/docs/Development/CTO_OWNER.md", Self.ownerText)
        let todo = try tmp.write("repo/docs/Project Management/TODO.md", "# TODO\n")
        let pairs = try PairLocator.locate(ownerDoc: doc, todo: nil, owner: nil, config: nil)
        #expect(pairs == [PairPaths(owner: "CTO", ownerDoc: doc, todo: todo)])
    }

    @Test func locateFromConfig() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        try tmp.write("repo/docs/Development/CTO_OWNER.md", Self.ownerText)
        try tmp.write("repo/docs/Project Management/TODO.md", "# TODO\n")
        let configPath = tmp.path + "/repo/.ctoboard.toml"
        let config = try Config(text: """
        [[pairs]]
        owner = "CTO"
        document = "docs/Development/CTO_OWNER.md"

        [[pairs]]
        owner = "QA"
        document = "docs/QA.md"
        todo = "docs/Project Management/TODO.md"
        """, path: configPath)
        let all = try PairLocator.locate(ownerDoc: nil, todo: nil, owner: nil, config: config)
        #expect(all == [
            PairPaths(owner: "CTO", ownerDoc: tmp.path + "/repo/docs/Development/CTO_OWNER.md",
                      todo: tmp.path + "/repo/docs/Project Management/TODO.md"),
            PairPaths(owner: "QA", ownerDoc: tmp.path + "/repo/docs/QA.md",
                      todo: tmp.path + "/repo/docs/Project Management/TODO.md"),
        ])
        let qa = try PairLocator.locate(ownerDoc: nil, todo: nil, owner: "qa", config: config)
        #expect(qa.map(\.owner) == ["QA"])
        #expect(throws: LocateError.unknownOwner("Ops", known: ["CTO", "QA"])) {
            try PairLocator.locate(ownerDoc: nil, todo: nil, owner: "Ops", config: config)
        }
        // An explicit owner document found in the config takes its owner.
        let byDoc = try PairLocator.locate(ownerDoc: tmp.path + "/repo/docs/QA.md", todo: nil, owner: nil, config: config)
        #expect(byDoc.first?.owner == "QA")
        #expect(byDoc.first?.todo == tmp.path + "/repo/docs/Project Management/TODO.md")
    }

    @Test func noOwnerDocAnywhere() {
        #expect(throws: LocateError.noOwnerDoc) {
            try PairLocator.locate(ownerDoc: nil, todo: nil, owner: nil, config: nil)
        }
        #expect(throws: LocateError.noOwnerDoc) {
            try PairLocator.locate(ownerDoc: nil, todo: nil, owner: nil, config: Config())
        }
        #expect(LocateError.noOwnerDoc.description.contains("--owner-doc"))
    }
}
