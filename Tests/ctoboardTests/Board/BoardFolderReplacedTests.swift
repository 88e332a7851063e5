import Foundation
import Testing

/// The board keeps picking up external edits after the documents' folder is replaced, as
/// `rm -rf docs && git checkout docs` or a sync client does.
@Suite("Board: the documents' folder replaced (tmux)", .serialized,
       .enabled(if: BoardE2E.hasBinary, "needs the built ctoboard binary"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"))
struct BoardFolderReplacedTests {
    static let checkedOut = "Technical debt review and planning"
    static let editedAfter = "Infrastructure cost optimization"

    @discardableResult
    private func git(_ workspace: E2EWorkspace, _ arguments: String...) throws -> String {
        let result = try BoardE2E.run("/usr/bin/git", ["-C", workspace.root, "-c", "user.name=test", "-c", "user.email=test@example.com"]
                                      + arguments, environment: ["GIT_CONFIG_NOSYSTEM": "1"])
        guard result.status == 0 else { throw E2EFailure("git \(arguments.joined(separator: " ")): \(result.error)") }
        return result.output
    }

    private func checking(_ title: String, in text: String) -> String {
        text.replacingOccurrences(of: "- [ ] \(title) [Owner: CTO]", with: "- [x] \(title) [Owner: CTO]")
    }

    @Test("after rm -rf docs && git checkout docs the board merges what came back and the next edit", BoardE2E.needsTmux)
    func folderReplaced() throws {
        let workspace = try E2EWorkspace()
        try git(workspace, "add", "-A")
        try git(workspace, "commit", "-q", "-m", "The example workspace")
        // A variant of TODO.md committed through the index only: the checkout brings it.
        let variant = checking(Self.checkedOut, in: try workspace.text(workspace.todo))
        try Data(variant.utf8).write(to: URL(fileURLWithPath: workspace.root + "/variant.md"))
        let blob = try git(workspace, "hash-object", "-w", "variant.md").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: workspace.root + "/variant.md")
        try git(workspace, "update-index", "--cacheinfo", "100644,\(blob),\(BoardE2E.todoRelative)")
        try git(workspace, "commit", "-q", "-m", "A variant of TODO.md")

        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "✓ in sync")
        // `r` syncs now and says when it is done: the base is recorded.
        try tmux.send("r")
        try tmux.waitUntil("the footer says In sync") { BoardEndToEndTests.lines($0).contains(" In sync") }

        let replaced = try BoardE2E.run("/bin/sh", ["-c", "rm -rf docs && git checkout -q docs"], in: workspace.root)
        #expect(replaced.status == 0, "\(replaced.error)")
        try tmux.waitFor(text: "External change merged: checked \"\(Self.checkedOut)\"", timeout: 5)
        try workspace.waitForFile(workspace.ownerDoc, "checks \(Self.checkedOut)", timeout: 5) { $0.contains("- [x] \(Self.checkedOut)\n") }

        // The new folder is watched: an edit in it reaches the board and the owner document.
        try tmux.send("g")
        try tmux.waitFor(absenceOf: "External change merged")
        try Data(checking(Self.editedAfter, in: try workspace.text(workspace.todo)).utf8).write(to: URL(fileURLWithPath: workspace.todo))
        try tmux.waitFor(text: "External change merged: checked \"\(Self.editedAfter)\"", timeout: 5)
        try workspace.waitForFile(workspace.ownerDoc, "checks \(Self.editedAfter)", timeout: 5) { $0.contains("- [x] \(Self.editedAfter)\n") }
    }
}
