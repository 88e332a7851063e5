import Foundation
import Testing

/// The weekly review on a real terminal, and its Markdown notes.
extension BoardEndToEndTests {
    @Test("review --notes writes the summary naming every task as Markdown", BoardE2E.needsTmux)
    func reviewNotes() throws {
        let workspace = try E2EWorkspace()
        let notes = workspace.root + "/notes.md"
        let tmux = try TmuxSession(command: workspace.boardCommand(["--notes", notes], subcommand: ["review"]), width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Task 1 of 13")
        // The board behind the card selects the task under review.
        try tmux.send("k")
        var screen = try tmux.waitFor(text: "Task 2 of 13")
        #expect(screen.contains("Kept “Netlify deployment setup” as it is"), "\(screen)")
        #expect(screen.contains("▶[ ] VERIFY Netlify co"), "the board selects the task under review:\n\(screen)")
        try tmux.send("s")
        try tmux.waitFor(text: "Task 3 of 13")
        try tmux.send("q")
        screen = try tmux.waitFor(text: "Weekly review stopped: 11 not reviewed")
        try tmux.send("Escape")
        try tmux.waitFor(text: "Review done:")
        try tmux.send("q")
        try tmux.waitFor(text: "BOARD-EXITED status=0")
        let text = try workspace.waitForFile(notes, "holds the notes") { $0.contains("## Not reviewed (11)") }
        #expect(text.contains("## Kept as is (1)\n\n- Netlify deployment setup\n"))
        #expect(text.contains("## Skipped (left for later) (1)\n\n- Netlify configuration (`netlify.toml`)\n"))
        #expect(text.contains("- Review and approve security planning document\n"))
    }

    @Test("review --notes in a missing folder fails before the board opens")
    func reviewNotesInAMissingFolder() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let result = try ws.ctoboard(["review", "--notes", ws.root + "/nope/notes.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--notes \(ws.root)/nope/notes.md: the folder \(ws.root)/nope does not exist"), "\(result)")
    }
}
