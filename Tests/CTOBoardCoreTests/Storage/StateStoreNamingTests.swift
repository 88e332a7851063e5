import Foundation
import Testing
@testable import CTOBoardCore

/// A pair's state is named by its paths relative to the work tree (or, outside git, to the
/// owner document's folder), so moving the folder keeps its base and history.
@Suite("State names follow a moved folder")
struct StateStoreNamingTests {
    @Test func outsideGitAMovedFolderKeepsItsBaseAndHistory() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let todo = try dir.write("p/t/TODO.md", "## In Progress\n- [ ] A [Owner: CTO]\n")
        let owner = try dir.write("p/a/CTO.md", "## In Progress\n- [ ] A\n")
        try #require(Paths.gitWorkTree(from: dir.path) == nil, "the temporary folder is inside a git work tree")
        let session = Session(paths: PairPaths(owner: "CTO", ownerDoc: owner, todo: todo),
                              today: CalendarDate(year: 2026, month: 11, day: 27))
        _ = try session.perform(.toggle("A"))

        try FileManager.default.moveItem(atPath: dir.path + "/p", toPath: dir.path + "/q")
        let moved = Session(paths: PairPaths(owner: "CTO", ownerDoc: dir.path + "/q/a/CTO.md", todo: dir.path + "/q/t/TODO.md"),
                            today: CalendarDate(year: 2026, month: 11, day: 27))
        #expect(moved.store.loadBase(moved.paths) != nil)
        #expect(try moved.undo().title == "A")
        let text = String(decoding: try FileIO.readDocument(at: dir.path + "/q/t/TODO.md", missingHint: ""), as: UTF8.self)
        #expect(text == "## In Progress\n- [ ] A [Owner: CTO]\n")
    }
}
