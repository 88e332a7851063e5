import Foundation
import Testing

/// The board's editor (E/T) and mouse support, through the real binary in tmux.
@Suite("Board editor and mouse end to end (tmux)", .serialized, .enabled(if: BoardE2E.hasBinary, "needs the built ctoboard binary"))
struct BoardInputEndToEndTests {
    static let firstInProgress = BoardEndToEndTests.firstInProgress

    @Test("T runs $EDITOR +LINE TODO.md; the rename it makes there shows up in both documents", BoardE2E.needsTmux)
    func editorRenames() throws {
        let workspace = try E2EWorkspace()
        let script = workspace.root + "/rename.sh"
        // Renames the task on the given line (called as `rename.sh +LINE FILE`), leaving a mark
        // on the screen the board must then repaint.
        try Data(#"""
            #!/bin/sh
            echo "EDITOR-RAN $1"
            tmux display -p '#{mouse_sgr_flag}' > "$(dirname "$0")/mouse-while-editing"
            n="${1#+}"
            sed "${n}s/Review all/Go over all/" "$2" > "$2.tmp" && cat "$2.tmp" > "$2" && rm "$2.tmp"
            """#.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let tmux = try workspace.startBoard(environment: ["EDITOR": script, "VISUAL": ""])
        defer { tmux.kill() }
        try tmux.waitFor(text: "▶[ ] Review all")

        try tmux.send("T")
        let renamed = "Go over all `[Owner: CTO]` tasks in TODO.md"
        let screen = try tmux.waitUntil("the board is back with the rename carried over") {
            $0.contains("TODO.md; carried over: ") && $0.contains("▶[ ] Go over all") && $0.contains("todo:")
        }
        #expect(!screen.contains("EDITOR-RAN"), "the board repainted the whole screen:\n\(screen)")
        #expect(try workspace.text(workspace.root + "/mouse-while-editing") == "0\n", "mouse reporting is off in the editor")
        #expect(try tmux.display("#{mouse_sgr_flag}") == "1", "and back on afterwards")
        let todo = try workspace.text(workspace.todo), owner = try workspace.text(workspace.ownerDoc)
        #expect(todo.contains("- [ ] \(renamed) [Owner: CTO]"))
        #expect(owner.contains("- [ ] \(renamed)\n"))
        #expect(!owner.contains(Self.firstInProgress) && !todo.contains(Self.firstInProgress))
        try tmux.send("q")
        try tmux.waitFor(text: "BOARD-EXITED status=0 TTY-RESTORED")
    }

    /// A repository's `.ctoboard.toml` cannot choose the program E and T run: its `editor` is
    /// ignored with a warning, and the user's own editor runs instead.
    @Test("an editor template in a repository config is ignored with a warning; the user's editor runs")
    func repositoryEditorIgnored() throws {
        let workspace = try E2EWorkspace()
        func script(_ name: String, _ body: String) throws -> String {
            let path = workspace.root + "/" + name
            try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }
        let planted = try script("planted.sh", "touch \"$(dirname \"$0\")/planted-ran\"")
        let mine = try script("mine.sh", "touch \"$(dirname \"$0\")/mine-ran\"")
        try Data("editor = \"\(planted) {file}\"\n".utf8).write(to: URL(fileURLWithPath: workspace.root + "/.ctoboard.toml"))
        let tmux = try workspace.startBoard(environment: ["EDITOR": mine, "VISUAL": "", "CTOBOARD_EDITOR": "",
                                                          "XDG_CONFIG_HOME": workspace.root + "/no-user-config"])
        defer { tmux.kill() }
        _ = try tmux.waitUntil("the board warns about the ignored setting") {
            $0.contains("`editor` runs a program") && $0.contains("▶[ ] Review all")
        }
        try tmux.send("T")
        _ = try tmux.waitUntil("the editor ran and the board is back") { $0.contains("No change to carry over") }
        #expect(FileManager.default.fileExists(atPath: workspace.root + "/mine-ran"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/planted-ran"))
        try tmux.send("q")
        try tmux.waitFor(text: "BOARD-EXITED status=0 TTY-RESTORED")
    }

    /// Sends an SGR (1006) mouse report, as xterm or tmux (`set -g mouse on`) would for a real
    /// click: a detached tmux has no mouse to click with, so the bytes are typed with send-keys -H.
    static func click(_ tmux: TmuxSession, x: Int, y: Int, button: Int = 0) throws {
        let report = "\u{1B}[<\(button);\(x + 1);\(y + 1)M"
        try tmux.run(["send-keys", "-t", tmux.name, "-H"] + report.utf8.map { String(format: "%02x", $0) })
    }

    /// The cell where `text` starts on screen.
    static func cell(of text: String, in screen: String) throws -> (x: Int, y: Int) {
        let lines = screen.components(separatedBy: "\n")
        let y = try #require(lines.firstIndex { $0.contains(text) }, "\(text) on screen:\n\(screen)")
        let prefix = lines[y].components(separatedBy: text)[0]
        return (BoardE2E.displayWidth(prefix), y)
    }

    /// Under tmux's own TERM ("screen", whose terminfo reports the mouse as "\e[M") and under
    /// xterm's (whose terminfo says "\e[<", the SGR prefix the board registers itself).
    @Test("a click selects a task in another pane and a click on its checkbox toggles it", BoardE2E.needsTmux,
          arguments: ["screen", "xterm-256color"])
    func mouse(term: String) throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard(environment: ["TERM": term])
        defer { tmux.kill() }
        var screen = try tmux.waitFor(text: "▶[ ] Review all")
        #expect(try tmux.display("#{mouse_sgr_flag} #{mouse_button_flag}") == "1 0", "SGR reports of presses and releases")
        let title = "Infrastructure cost optimization"
        let box = try Self.cell(of: "[ ] Infrastructure cos", in: screen)   // cut to the column width

        try Self.click(tmux, x: box.x + 6, y: box.y)
        screen = try tmux.waitFor(text: "▶[ ] Infrastructure cos")
        #expect(!screen.contains("▶[ ] Review all"), "the selection left In Progress:\n\(screen)")

        try Self.click(tmux, x: box.x + 1, y: box.y)
        try tmux.waitFor(text: "Toggled “\(title)” in both documents")
        #expect(try workspace.text(workspace.ownerDoc).contains("- [x] \(title)\n"))
        #expect(try workspace.text(workspace.todo).contains("- [x] \(title) [Owner: CTO]"))

        try tmux.send("q")
        try tmux.waitFor(text: "BOARD-EXITED status=0 TTY-RESTORED")
        #expect(try tmux.display("#{mouse_sgr_flag}#{mouse_standard_flag}") == "00", "mouse reporting is off after the board")
    }

    @Test("mouse = false in .ctoboard.toml leaves the mouse to the terminal", BoardE2E.needsTmux)
    func mouseOff() throws {
        let workspace = try E2EWorkspace()
        try Data("mouse = false\n".utf8).write(to: URL(fileURLWithPath: workspace.root + "/.ctoboard.toml"))
        let tmux = try workspace.startBoard()
        defer { tmux.kill() }
        try tmux.waitFor(text: "▶[ ] Review all")
        #expect(try tmux.display("#{mouse_sgr_flag}#{mouse_standard_flag}") == "00")
        try tmux.send("q")
        try tmux.waitFor(text: "BOARD-EXITED status=0 TTY-RESTORED")
    }
}
