import Foundation
import Testing

/// Triage on a real terminal: the detail area, zoom, and a filter that leads to its match.
extension BoardEndToEndTests {
    @Test("details show the full title; z zooms; a filter's only match takes Space", BoardE2E.needsTmux)
    func triage() throws {
        let workspace = try E2EWorkspace()
        let tmux = try workspace.startBoard(width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.send("3", "j")
        let title = "Validate and approve vector database technology choice (PostgreSQL with pgvector or alternative)"
        var screen = try tmux.waitFor(text: "─ Details (i hides)")
        screen = try tmux.waitUntil("the detail area shows the whole title") {
            $0.split(whereSeparator: { " \n".contains($0) }).joined(separator: " ").contains(title)
        }
        #expect(screen.contains("Lines: CTO_OWNER.md:"), "\(screen)")
        try tmux.send("z")
        screen = try tmux.waitFor(text: "▶[ ] CRITICAL " + title)
        #expect(!screen.contains("│"), "zoom shows one pane:\n\(screen)")
        try tmux.send("z", "/")
        try tmux.type("technical debt")
        try tmux.send("Enter")
        try tmux.waitFor(text: "▶ 5 Pending · Low (1/4)")
        try tmux.send("Space")
        try tmux.waitFor(text: "Toggled “Technical debt review and planning” in both documents")
        #expect(try workspace.text(workspace.todo).contains("- [x] Technical debt review and planning [Owner: CTO]"))
    }
}
