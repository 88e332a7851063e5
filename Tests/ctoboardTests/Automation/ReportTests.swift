import Foundation
import Testing

/// `ctoboard report` tells the team's week: changes that arrived through sync count too.
@Suite("report: the week's changes, the team's included")
struct ReportTests {
    /// The lines of `report` under the heading that starts with `heading`.
    private func section(_ heading: String, in report: String) -> [String] {
        var out: [String] = []
        var inside = false
        for line in report.split(separator: "\n").map(String.init) {
            if line.hasPrefix("### ") { inside = line.hasPrefix("### " + heading); continue }
            if inside && line.hasPrefix("- ") { out.append(line) }
        }
        return out
    }

    @Test("synced changes are reported by kind, undone ones are left out, and each task is listed once with its net change")
    func reportIncludesSyncedChanges() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        // The owner's own changes: started, then completed: net, completed.
        #expect(try repo.ctoboard(["start", "Conduct security audits"] + repo.pairArgs).status == 0)
        #expect(try repo.ctoboard(["complete", "Conduct security audits"] + repo.pairArgs).status == 0)

        // A teammate's edits to TODO.md, carried by sync: verified, started, removed, added.
        var todo = Auto.setting("**VERIFY**: Netlify deployment setup", checked: true, in: repo.todoText)
        todo = Auto.removingLine(containing: "Establish code review process", in: todo)
        todo = Auto.inserting("- [ ] Establish code review process [Owner: CTO]", after: "Review all `[Owner: CTO]` tasks", in: todo)
        todo = Auto.removingLine(containing: "Infrastructure cost optimization", in: todo)
        todo = Auto.inserting("- [ ] Rotate the API keys [Owner: CTO]", after: "Technical debt review and planning", in: todo)
        try Auto.write(repo.todo, todo)
        let sync = try repo.ctoboard(["sync"] + repo.pairArgs)
        #expect(sync.status == 0, "\(sync)")

        // The owner's own addition, then undone: not reported. (Undo never undoes a sync that
        // carried someone else's edit.)
        #expect(try repo.ctoboard(["add", "Order new laptops", "--to", "low"] + repo.pairArgs).status == 0)
        #expect(repo.ownerText.contains("Order new laptops"))
        #expect(try repo.ctoboard(["undo"] + repo.pairArgs).status == 0)
        #expect(!repo.ownerText.contains("Order new laptops") && !repo.todoText.contains("Order new laptops"))

        let report = try repo.ctoboard(["report"] + repo.pairArgs)
        #expect(report.status == 0, "\(report)")
        let text = report.stdout
        #expect(section("Verified", in: text).count == 1 && section("Verified", in: text)[0].contains("Netlify deployment setup"), "\(text)")
        #expect(section("Completed", in: text).count == 1 && section("Completed", in: text)[0].contains("Conduct security audits"), "\(text)")
        #expect(section("Started", in: text).count == 1 && section("Started", in: text)[0].contains("Establish code review process"), "\(text)")
        #expect(section("Added", in: text).count == 1 && section("Added", in: text)[0].contains("Rotate the API keys"), "\(text)")
        #expect(section("Deleted", in: text).count == 1 && section("Deleted", in: text)[0].contains("Infrastructure cost optimization"), "\(text)")
        #expect(!text.contains("Order new laptops"), "\(text)")
        // Each task once.
        let items = text.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(items.count == 5, "\(text)")
    }

    @Test("a teammate's edit carried by an undo is in the report")
    func reportIncludesAnEditCarriedByUndo() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["start", "Conduct security audits"] + repo.pairArgs).status == 0)
        // A teammate verifies a task in TODO.md; the next command is an undo, which carries it.
        try Auto.write(repo.todo, Auto.setting("**VERIFY**: Netlify deployment setup", checked: true, in: repo.todoText))
        let undo = try repo.ctoboard(["undo"] + repo.pairArgs)
        #expect(undo.status == 0, "\(undo)")
        #expect(repo.ownerText.contains("- [x] **VERIFY**: Netlify deployment setup"), "the undo did not carry the edit")

        let report = try repo.ctoboard(["report"] + repo.pairArgs)
        #expect(report.status == 0, "\(report)")
        #expect(section("Verified", in: report.stdout).count == 1, "\(report.stdout)")
        #expect(!report.stdout.contains("Conduct security audits"), "\(report.stdout)")
    }

    @Test("a change undone and redone is reported once")
    func reportKeepsARedoneChange() throws {
        let repo = try AutoRepo()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["start", "Conduct security audits"] + repo.pairArgs).status == 0)
        #expect(try repo.ctoboard(["undo"] + repo.pairArgs).status == 0)
        #expect(try repo.ctoboard(["redo"] + repo.pairArgs).status == 0)
        let report = try repo.ctoboard(["report"] + repo.pairArgs)
        #expect(report.status == 0, "\(report)")
        #expect(section("Started", in: report.stdout).count == 1, "\(report.stdout)")
        #expect(report.stdout.split(separator: "\n").filter { $0.hasPrefix("- ") }.count == 1, "\(report.stdout)")
    }
}
