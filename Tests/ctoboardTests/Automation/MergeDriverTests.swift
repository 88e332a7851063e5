import Foundation
import Testing

/// The task-by-task merge driver, on real `git merge` runs and called directly.
@Suite("merge driver: task-by-task merges")
struct MergeDriverTests {
    /// A repository with the hook and the merge driver installed and committed, on `main`.
    private func repository() throws -> AutoRepo {
        let repo = try AutoRepo()
        try repo.git("branch", "-M", "main")
        let install = try repo.ctoboard(["hook", "install", "--merge-driver"] + repo.pairArgs)
        #expect(install.status == 0, "\(install)")
        try repo.git("add", ".gitattributes")
        try repo.git("commit", "-q", "-m", "Task merge driver")
        return repo
    }

    /// Makes `branch` from main with `change` applied and committed (through the pre-commit hook).
    private func branch(_ repo: AutoRepo, _ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                        _ change: () throws -> Void) throws {
        try repo.git("checkout", "-q", "-b", name, "main", sourceLocation: sourceLocation)
        try change()
        try repo.git("add", "-A", sourceLocation: sourceLocation)
        try repo.git("commit", "-q", "-m", "Branch \(name)", sourceLocation: sourceLocation)
    }

    /// Runs a ctoboard operation on the CTO pair, expecting success.
    private func op(_ repo: AutoRepo, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try repo.ctoboard(args + repo.pairArgs)
        #expect(r.status == 0, "\(args): \(r)", sourceLocation: sourceLocation)
    }

    /// Whether git's own line merge of `relative` between the two branches would conflict.
    private func lineMergeConflicts(_ repo: AutoRepo, _ relative: String, _ a: String, _ b: String) throws -> Bool {
        let base = try repo.git("merge-base", a, b).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = repo.root + "/.git/line-merge"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, rev) in [("base", base), ("a", a), ("b", b)] {
            try Auto.write(folder + "/" + name, try repo.git("show", "\(rev):\(relative)").stdout)
        }
        let r = try Auto.run("/usr/bin/env", ["git", "merge-file", "-p", folder + "/a", folder + "/base", folder + "/b"], in: repo.root)
        return r.status != 0
    }

    private func conflictBlocks(_ text: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("<<<<<<<") { current = [] } else if line.hasPrefix(">>>>>>>") {
                blocks.append(current ?? []); current = nil
            } else if current != nil, !line.hasPrefix("=======") { current!.append(line) }
        }
        return blocks
    }

    @Test("two branches toggle adjacent tasks: a clean merge keeping both")
    func adjacentToggles() throws {
        let repo = try repository()
        defer { repo.remove() }
        try branch(repo, "a") { try op(repo, ["toggle", "Evaluate Phoenix as web framework"]) }
        try branch(repo, "b") { try op(repo, ["toggle", "Evaluate Elixir as business logic layer"]) }
        // The toggled lines are adjacent: git's line merge alone would conflict.
        #expect(try lineMergeConflicts(repo, Auto.todoRelative, "a", "b"))
        #expect(try lineMergeConflicts(repo, Auto.ownerRelative, "a", "b"))

        let merge = try repo.git("merge", "--no-edit", "a", check: false)
        #expect(merge.status == 0, "\(merge)")
        #expect(!merge.output.contains("CONFLICT"), "\(merge)")
        for text in [repo.ownerText, repo.todoText] {
            #expect(Auto.checked("Evaluate Phoenix as web framework", in: text) == true)
            #expect(Auto.checked("Evaluate Elixir as business logic layer", in: text) == true)
            #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
        }
        let check = try repo.ctoboard(["check"] + repo.pairArgs)
        #expect(check.status == 0, "\(check)")
        #expect(try repo.git("status", "--porcelain").stdout.isEmpty)
        // Nothing but the two toggles changed against either branch's side.
        let mainTodo = try repo.git("show", "main:\(Auto.todoRelative)").stdout
        let expected = Auto.setting("Evaluate Elixir as business logic layer", checked: true,
                                    in: Auto.setting("Evaluate Phoenix as web framework", checked: true, in: mainTodo))
        #expect(stripLastUpdated(repo.todoText) == stripLastUpdated(expected))
    }

    @Test("one branch adds a task, the other moves the adjacent one: clean", arguments: [false, true])
    func addAndMove(mergeTheAdd: Bool) throws {
        let repo = try repository()
        defer { repo.remove() }
        try branch(repo, "add") { try op(repo, ["add", "Write the incident runbook", "--to", "high"]) }
        try branch(repo, "move") { try op(repo, ["move", "Conduct security audits", "--to", "low"]) }
        // In the owner document the new task lands right after the moved one.
        #expect(try lineMergeConflicts(repo, Auto.ownerRelative, "add", "move"))

        if mergeTheAdd { try repo.git("checkout", "-q", "move") } else { try repo.git("checkout", "-q", "add") }
        let merge = try repo.git("merge", "--no-edit", mergeTheAdd ? "add" : "move", check: false)
        #expect(merge.status == 0, "\(merge)")
        #expect(!merge.output.contains("CONFLICT"), "\(merge)")
        for text in [repo.ownerText, repo.todoText] {
            #expect(!text.contains("<<<<<<<"))
            // Each task once, in its new section.
            #expect(text.components(separatedBy: "Write the incident runbook").count == 2, "\(text)")
            #expect(text.components(separatedBy: "] Conduct security audits").count == 2, "\(text)")
        }
        let check = try repo.ctoboard(["check"] + repo.pairArgs)
        #expect(check.status == 0, "\(check)")
        let list = try repo.ctoboard(["list", "--json"] + repo.pairArgs)
        #expect(list.status == 0, "\(list)")
        let tasks = try tasksByTitle(list.stdout)
        #expect(tasks["Write the incident runbook"] == "high", "\(list.stdout)")
        #expect(tasks["Conduct security audits"] == "low", "\(list.stdout)")
        #expect(tasks["Review and approve all architecture decisions"] == "high")
    }

    @Test("both branches change the same task differently: a conflict around that task only")
    func conflictingChange() throws {
        let repo = try repository()
        defer { repo.remove() }
        try branch(repo, "a") {
            try op(repo, ["toggle", "Conduct security audits"])
            try op(repo, ["toggle", "Evaluate Phoenix as web framework"])
        }
        try branch(repo, "b") {
            // Bold is not part of a task's identity: the same task, a different line.
            try Auto.write(repo.ownerDoc, Auto.replacingLine(containing: "] Conduct security audits",
                                                             with: "- [ ] **Conduct security audits**", in: repo.ownerText))
            try Auto.write(repo.todo, Auto.replacingLine(containing: "] Conduct security audits",
                                                         with: "- [ ] **Conduct security audits** [Owner: CTO]", in: repo.todoText))
            try op(repo, ["toggle", "Evaluate Elixir as business logic layer"])
        }
        let merge = try repo.git("merge", "--no-edit", "a", check: false)
        #expect(merge.status != 0, "\(merge)")
        #expect(merge.output.contains("CONFLICT"), "\(merge)")
        #expect(merge.output.contains("changed differently on both sides"), "\(merge)")

        for (text, suffix) in [(repo.ownerText, ""), (repo.todoText, " [Owner: CTO]")] {
            let blocks = conflictBlocks(text)
            #expect(blocks.count == 1, "\(text)")
            // Ours (b) then theirs (a), nothing else inside the markers.
            #expect(blocks.first == ["- [ ] **Conduct security audits**" + suffix, "- [x] Conduct security audits" + suffix], "\(blocks)")
            // The other tasks merged.
            #expect(Auto.checked("Evaluate Phoenix as web framework", in: text) == true)
            #expect(Auto.checked("Evaluate Elixir as business logic layer", in: text) == true)
            #expect(text.components(separatedBy: "<<<<<<<").count == 2)
        }
        let unmerged = try repo.git("diff", "--name-only", "--diff-filter=U").stdout.split(separator: "\n").map(String.init).sorted()
        #expect(unmerged == [Auto.ownerRelative, Auto.todoRelative])
    }

    @Test("merge-driver called directly on three files")
    func direct() throws {
        let folder = NSTemporaryDirectory() + "ctoboard-merge-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = Auto.read(Auto.packageRoot + "/Examples/workspace/" + Auto.todoRelative)
        let ours = Auto.setting("Document Phoenix/Elixir stack architecture", checked: true, in: base)
        let theirs = Auto.setting("Create deployment strategy documentation", checked: true,
                                  in: Auto.inserting("- [ ] Write the incident runbook [Owner: CTO]",
                                                     after: "] Create deployment strategy documentation", in: base))
        for (name, text) in [("O", base), ("A", ours), ("B", theirs)] { try Auto.write(folder + "/" + name, text) }
        let r = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "B", "TODO.md"], in: folder)
        #expect(r.status == 0, "\(r)")
        let merged = Auto.read(folder + "/A")
        let expected = Auto.setting("Document Phoenix/Elixir stack architecture", checked: true, in: theirs)
        #expect(merged == expected, "\(merged)")
        // The other two are read only.
        #expect(Auto.read(folder + "/O") == base && Auto.read(folder + "/B") == theirs)

        // The same task changed differently: exit 1, markers around it, the rest merged.
        let ours2 = Auto.setting("Establish code review process", checked: true,
                                 in: Auto.setting("Document Phoenix/Elixir stack architecture", checked: true, in: base))
        let theirs2 = Auto.replacingLine(containing: "] Document Phoenix/Elixir stack architecture",
                                         with: "- [ ] *Document Phoenix/Elixir stack architecture* [Owner: CTO]",
                                         in: Auto.setting("Create deployment strategy documentation", checked: true, in: base))
        for (name, text) in [("A", ours2), ("B", theirs2)] { try Auto.write(folder + "/" + name, text) }
        let c = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "B", "TODO.md"], in: folder)
        #expect(c.status == 1, "\(c)")
        #expect(c.stderr.contains("TODO.md") && c.stderr.contains("1 task"), "\(c)")
        let conflicted = Auto.read(folder + "/A")
        #expect(conflictBlocks(conflicted) == [["- [x] Document Phoenix/Elixir stack architecture [Owner: CTO]",
                                                "- [ ] *Document Phoenix/Elixir stack architecture* [Owner: CTO]"]], "\(conflicted)")
        #expect(Auto.checked("Create deployment strategy documentation", in: conflicted) == true)
        #expect(Auto.checked("Establish code review process", in: conflicted) == true)

        // Both sides move the same task to sections far apart: git's line merge would keep it
        // twice; the driver reports a conflict instead.
        let task = "- [ ] Conduct security audits [Owner: CTO]"
        let without = Auto.removingLine(containing: task, in: base)
        let toLow = Auto.inserting(task, after: "] Dark mode for the dashboard", in: without)
        let toMedium = Auto.inserting(task, after: "] Accessibility audit of the dashboard", in: without)
        for (name, text) in [("A", toLow), ("B", toMedium)] { try Auto.write(folder + "/" + name, text) }
        let line = try Auto.run("/usr/bin/env", ["git", "merge-file", "-p", "A", "O", "B"], in: folder)
        #expect(line.status == 0 && line.stdout.components(separatedBy: task).count == 3, "git's line merge: \(line)")
        let moved = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "B", "TODO.md"], in: folder)
        #expect(moved.status == 1, "\(moved)")
        let movedText = Auto.read(folder + "/A")
        #expect(conflictBlocks(movedText) == [[task, task]], "\(movedText)")
        #expect(movedText.components(separatedBy: task).count == 3, "the task outside the markers:\n\(movedText)")

        // A missing version is bad input, and OURS is left alone.
        try Auto.write(folder + "/A", ours)
        let missing = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "nope", "TODO.md"], in: folder)
        #expect(missing.status == 2, "\(missing)")
        #expect(Auto.read(folder + "/A") == ours)
    }

    @Test("merge-driver: a note goes with its deleted task; a rename against a move is a conflict")
    func wholeTasks() throws {
        let folder = NSTemporaryDirectory() + "ctoboard-merge-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let task = "- [ ] Conduct security audits [Owner: CTO]", note = "  - vendor shortlist: ACME, Initech"
        let example = Auto.read(Auto.packageRoot + "/Examples/workspace/" + Auto.todoRelative)
        let base = Auto.inserting(note, after: task, in: example)
        let reviewed = Auto.setting("Review and approve all architecture decisions", checked: true, in: base)
        let dropped = Auto.removingLine(containing: note, in: Auto.removingLine(containing: task, in: base))
        for (name, text) in [("O", base), ("A", reviewed), ("B", dropped)] { try Auto.write(folder + "/" + name, text) }
        let r = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "B", "TODO.md"], in: folder)
        #expect(r.status == 0, "\(r)")
        let merged = Auto.read(folder + "/A")
        #expect(merged == Auto.setting("Review and approve all architecture decisions", checked: true, in: dropped), "\(merged)")

        // They rename the task, we move it to Low: exit 1, our moved task between the markers.
        let renamed = Auto.replacingLine(containing: task, with: "- [ ] Conduct security audits with external firm [Owner: CTO]", in: example)
        let moved = Auto.inserting(task, after: "] Technical debt review and planning", in: Auto.removingLine(containing: task, in: example))
        for (name, text) in [("O", example), ("A", moved), ("B", renamed)] { try Auto.write(folder + "/" + name, text) }
        let c = try Auto.run(Auto.binary, ["merge-driver", "O", "A", "B", "TODO.md"], in: folder)
        #expect(c.status == 1, "\(c)")
        let conflicted = Auto.read(folder + "/A")
        let block = "<<<<<<< ours\n\(task)\n=======\n>>>>>>> theirs"
        #expect(conflicted == Auto.inserting(block, after: "] Technical debt review and planning", in: renamed), "\(conflicted)")
        #expect(c.stderr.contains("TODO.md") && c.stderr.contains("renamed on one and changed or moved on the other"), "\(c)")
    }

    /// Title → pane name from `list --json`.
    private func tasksByTitle(_ json: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var out: [String: String] = [:]
        func walk(_ value: Any) {
            if let dict = value as? [String: Any] {
                if let title = dict["title"] as? String, let section = dict["section"] as? String {
                    out[title] = (dict["priority"] as? String) ?? section
                }
                for v in dict.values { walk(v) }
            } else if let array = value as? [Any] {
                for v in array { walk(v) }
            }
        }
        walk(object)
        return out
    }

    private func stripLastUpdated(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("**Last Updated**") }.joined(separator: "\n")
    }
}
