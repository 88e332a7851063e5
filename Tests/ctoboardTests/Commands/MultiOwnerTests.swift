import Foundation
import Testing

/// Several owners from `.ctoboard.toml`: check, sync and concurrent changes cover every pair.
@Suite("several owners: .ctoboard.toml pairs")
struct MultiOwnerTests {
    static let securityRelative = "docs/Security/SECURITY_OWNER.md"

    /// The Security owner's document: the Security tasks of TODO.md, in the same sections.
    static let securityDoc = """
        # Security Owner - Responsibilities & Task Tracking

        **Last Updated**: January 2026

        **⚠️ SYNC**: This document is synchronized with `docs/Project Management/TODO.md`. All tasks marked with `[Owner: Security]` are tracked here.

        ---

        ## ✅ Completed

        ## 🔄 In Progress

        - [ ] Threat model for the public API

        ## 📝 Pending

        ### High Priority
        - [ ] Secrets rotation policy

        ---

        **Last Updated**: January 2026

        """

    static let config = """
        owner = "CTO"

        [[pairs]]
        owner = "CTO"
        document = "docs/Development/CTO_OWNER.md"
        todo = "docs/Project Management/TODO.md"

        [[pairs]]
        owner = "Security"
        document = "\(securityRelative)"
        todo = "docs/Project Management/TODO.md"

        """

    /// The example repository with the Security pair and the config, committed.
    private func repository() throws -> AutoRepo {
        let repo = try AutoRepo()
        try FileManager.default.createDirectory(atPath: repo.path("docs/Security"), withIntermediateDirectories: true)
        try repo.write(Self.securityRelative, Self.securityDoc)
        try repo.write(".ctoboard.toml", Self.config)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "Security pair")
        return repo
    }

    /// The 1-based line of a task in a text.
    private func lineNumber(_ title: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("- [") && $0.contains(title) }.map { $0 + 1 }
    }

    @Test("check covers every pair: 0 in sync, 1 naming the drifting Security task")
    func checkCoversEveryPair() throws {
        let repo = try repository()
        defer { repo.remove() }
        let clean = try repo.ctoboard(["check"])
        #expect(clean.status == 0, "\(clean)")

        try repo.write(Self.securityRelative, Auto.setting("Secrets rotation policy", checked: true, in: repo.read(Self.securityRelative)))
        let drift = try repo.ctoboard(["check"])
        #expect(drift.status == 1, "\(drift)")
        #expect(drift.stdout.contains("Secrets rotation policy"), "\(drift)")
        #expect(!drift.stdout.contains("Conduct security audits"))
        // One owner only.
        #expect(try repo.ctoboard(["check", "--owner", "CTO"]).status == 0)
        #expect(try repo.ctoboard(["check", "--owner", "security"]).status == 1)

        // A CTO drift too: both listed.
        try Auto.write(repo.todo, Auto.setting("Conduct security audits", checked: true, in: repo.todoText))
        let both = try repo.ctoboard(["check"])
        #expect(both.status == 1)
        #expect(both.stdout.contains("Secrets rotation policy") && both.stdout.contains("Conduct security audits"), "\(both)")
        // An unknown owner is bad input.
        let unknown = try repo.ctoboard(["check", "--owner", "Legal"])
        #expect(unknown.status == 2, "\(unknown)")
    }

    @Test("check --format github annotates the line of each drift")
    func githubAnnotations() throws {
        let repo = try repository()
        defer { repo.remove() }
        #expect(try repo.ctoboard(["check", "--format", "github"]).stdout.isEmpty)

        try repo.write(Self.securityRelative, Auto.setting("Secrets rotation policy", checked: true, in: repo.read(Self.securityRelative)))
        // A task only in TODO.md (for the CTO) is annotated in TODO.md.
        try Auto.write(repo.todo, Auto.inserting("- [ ] Write the incident runbook [Owner: CTO]",
                                                 after: "] Conduct security audits", in: repo.todoText))
        // A CTO task checked in the owner document only.
        try Auto.write(repo.ownerDoc, Auto.setting("Establish code review process", checked: true, in: repo.ownerText))
        let r = try repo.ctoboard(["check", "--format", "github"])
        #expect(r.status == 1, "\(r)")
        let annotations = r.stdout.split(separator: "\n").map(String.init)
        #expect(annotations.count == 3, "\(r.stdout)")
        #expect(annotations.allSatisfy { $0.hasPrefix("::error file=") }, "\(r.stdout)")

        let securityLine = try #require(lineNumber("Secrets rotation policy", in: repo.read(Self.securityRelative)))
        let reviewLine = try #require(lineNumber("Establish code review process", in: repo.ownerText))
        let runbookLine = try #require(lineNumber("Write the incident runbook", in: repo.todoText))
        func annotation(_ file: String, _ line: Int, _ title: String) -> Bool {
            annotations.contains { $0.hasPrefix("::error file=\(file),line=\(line),") && $0.contains("::") && $0.contains(title) }
        }
        #expect(annotation(Self.securityRelative, securityLine, "Secrets rotation policy"), "\(r.stdout)")
        #expect(annotation(Auto.ownerRelative, reviewLine, "Establish code review process"), "\(r.stdout)")
        #expect(annotation(Auto.todoRelative, runbookLine, "Write the incident runbook"), "\(r.stdout)")
        // The message is one line.
        #expect(!r.stdout.contains("\r"))
    }

    @Test("sync carries both owners' edits to TODO.md and leaves other owners' tasks alone")
    func syncCoversEveryPair() throws {
        let repo = try repository()
        defer { repo.remove() }
        let first = try repo.ctoboard(["sync"])
        #expect(first.status == 0, "\(first)")
        let todoBefore = repo.todoText

        try repo.write(Self.securityRelative, Auto.inserting(
            "- [ ] Penetration test of the login flow", after: "] Secrets rotation policy",
            in: Auto.setting("Secrets rotation policy", checked: true, in: repo.read(Self.securityRelative))))
        try Auto.write(repo.ownerDoc, Auto.setting("Conduct security audits", checked: true, in: repo.ownerText))
        let r = try repo.ctoboard(["sync"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("Secrets rotation policy") && r.stdout.contains("Conduct security audits"), "\(r)")

        let todo = repo.todoText
        #expect(Auto.taskLine("Secrets rotation policy", in: todo) == "- [x] Secrets rotation policy [Owner: Security]")
        #expect(Auto.taskLine("Conduct security audits", in: todo) == "- [x] Conduct security audits [Owner: CTO]")
        #expect(Auto.taskLine("Penetration test of the login flow", in: todo) == "- [ ] Penetration test of the login flow [Owner: Security]")
        // Every other line of TODO.md is as it was: other owners' tasks untouched.
        var expected = todoBefore.replacingOccurrences(of: "- [ ] Secrets rotation policy [Owner: Security]",
                                                       with: "- [x] Secrets rotation policy [Owner: Security]")
        expected = expected.replacingOccurrences(of: "- [ ] Conduct security audits [Owner: CTO]",
                                                 with: "- [x] Conduct security audits [Owner: CTO]")
        let remaining = todo.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Penetration test of the login flow") }.joined(separator: "\n")
        #expect(remaining == expected, "TODO.md changed beyond the two owners' edits:\n\(todo)")
        for other in ["Register project domain", "Threat model for the public API", "Onboarding flow wireframes",
                      "Rate limiting on the public API", "Discourse forum categories", "Dark mode for the dashboard"] {
            #expect(Auto.taskLine(other, in: todo) == Auto.taskLine(other, in: todoBefore), "\(other)")
        }
        // The CTO's document never gets Security's tasks, nor the other way round.
        #expect(Auto.taskLine("Penetration test", in: repo.ownerText) == nil)
        #expect(Auto.taskLine("Conduct security audits", in: repo.read(Self.securityRelative)) == nil)

        // And back: TODO.md's edit of a Security task reaches the Security document only.
        try Auto.write(repo.todo, Auto.setting("Threat model for the public API", checked: true, in: repo.todoText))
        #expect(try repo.ctoboard(["sync"]).status == 0)
        #expect(Auto.checked("Threat model for the public API", in: repo.read(Self.securityRelative)) == true)
        #expect(try repo.ctoboard(["check"]).status == 0)
    }

    @Test("watch with no pair options covers every pair of the config")
    func watchCoversEveryPair() throws {
        let repo = try repository()
        defer { repo.remove() }
        let watch = try repo.start(["watch"])
        defer { watch.cleanUp() }
        #expect(waitUntil(timeout: 10) { watch.logLines.contains { $0.contains("msg=watching") && $0.contains("pairs=2") } },
                "\(watch.stderr)")
        let security = repo.path(Self.securityRelative)
        try Auto.write(security, Auto.setting("Secrets rotation policy", checked: true, in: Auto.read(security)))
        #expect(waitUntil(timeout: 5) { Auto.checked("Secrets rotation policy", in: repo.todoText) == true }, "\(watch.stderr)")
        try Auto.write(repo.todo, Auto.setting("Threat model for the public API", checked: true,
                                               in: Auto.setting("Conduct security audits", checked: true, in: repo.todoText)))
        #expect(waitUntil(timeout: 5) {
            Auto.checked("Threat model for the public API", in: Auto.read(security)) == true
                && Auto.checked("Conduct security audits", in: repo.ownerText) == true
        }, "\(watch.stderr)")
        #expect(watch.logLines.contains { $0.contains("msg=synced") && $0.contains("owner=Security") }, "\(watch.stderr)")
        #expect(watch.logLines.contains { $0.contains("msg=synced") && $0.contains("owner=CTO") }, "\(watch.stderr)")
        #expect(Auto.taskLine("Threat model", in: repo.ownerText) == nil)
        watch.signal(SIGTERM)
        #expect(watch.waitForExit(timeout: 2) && watch.status == 0)
        #expect(try repo.ctoboard(["check"]).status == 0)
    }

    @Test("the hook installed from the config checks every pair")
    func hookCoversEveryPair() throws {
        let repo = try repository()
        defer { repo.remove() }
        let install = try repo.ctoboard(["hook", "install"])
        #expect(install.status == 0, "\(install)")
        // The last synced state, against which the edit below is one-sided.
        #expect(try repo.ctoboard(["sync"]).status == 0)
        try repo.write(Self.securityRelative, Auto.setting("Secrets rotation policy", checked: true, in: repo.read(Self.securityRelative)))
        try repo.git("add", "-A")
        let refused = try repo.git("commit", "-q", "-m", "drift", check: false)
        #expect(refused.status != 0 && refused.output.contains("Secrets rotation policy"), "\(refused)")
        #expect(try repo.ctoboard(["sync"]).status == 0)
        try repo.git("add", "-A")
        let accepted = try repo.git("commit", "-q", "-m", "synced", check: false)
        #expect(accepted.status == 0, "\(accepted)")
    }

    @Test("two owners toggling at the same time lose no edit")
    func concurrentOwners() throws {
        let repo = try repository()
        defer { repo.remove() }
        let cto = ["toggle", "Conduct security audits", "--owner", "CTO"]
        let security = ["toggle", "Secrets rotation policy", "--owner", "Security"]
        let counts = [12, 11]
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            for _ in 0..<counts[i] {
                do {
                    let r = try repo.ctoboard(i == 0 ? cto : security)
                    statuses.add(r)
                } catch {
                    Issue.record("\(error)")
                }
            }
        }
        let results = statuses.all
        #expect(results.count == 23)
        for r in results { #expect(r.status == 0, "\(r)") }
        // 12 toggles: back to unchecked; 11: checked; in TODO.md and in each owner's document.
        #expect(Auto.checked("Conduct security audits", in: repo.todoText) == false)
        #expect(Auto.checked("Conduct security audits", in: repo.ownerText) == false)
        #expect(Auto.checked("Secrets rotation policy", in: repo.todoText) == true)
        #expect(Auto.checked("Secrets rotation policy", in: repo.read(Self.securityRelative)) == true)
        let check = try repo.ctoboard(["check"])
        #expect(check.status == 0, "\(check)")
        // Nothing else in TODO.md moved.
        let committed = try repo.git("show", "HEAD:\(Auto.todoRelative)").stdout
        let expected = committed.replacingOccurrences(of: "- [ ] Secrets rotation policy", with: "- [x] Secrets rotation policy")
        #expect(lastUpdatedAgnosticEqual(repo.todoText, expected), "\(repo.todoText)")
    }

    /// Equal apart from **Last Updated** lines.
    private func lastUpdatedAgnosticEqual(_ a: String, _ b: String) -> Bool {
        func strip(_ s: String) -> [Substring] { s.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("**Last Updated**") } }
        return strip(a) == strip(b)
    }
}

/// Results collected from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Auto.Result] = []
    func add(_ r: Auto.Result) { lock.lock(); results.append(r); lock.unlock() }
    var all: [Auto.Result] { lock.lock(); defer { lock.unlock() }; return results }
}
