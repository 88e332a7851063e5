import Foundation
import Testing

/// Bad input exits 2, as `--help` documents, whatever part of the command line it is in.
@Suite("Usage: bad command lines exit 2; options may precede the subcommand")
struct UsageTests {
    @Test(arguments: [["list", "--no-such-option"], ["toggle"], ["check", "--format", "yaml"], ["no-such-command", "x"]])
    func usageErrorExitsTwo(_ args: [String]) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try ws.ctoboard(args)
        #expect(r.status == 2, "\(args): \(r)")
        #expect(r.stderr.contains("Error:"), "\(r.stderr)")
    }

    @Test func optionsBeforeTheSubcommand() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let after = try ws.ctoboard(["list"])
        let before = try runProcess(ctoboardBinary, ["--owner-doc", ws.ownerDoc, "list"], cwd: ws.root)
        #expect(before.status == 0, "\(before)")
        #expect(before.stdout == after.stdout && !after.stdout.isEmpty)
        let joined = try runProcess(ctoboardBinary, ["--owner-doc=\(ws.ownerDoc)", "--owner", "CTO", "toggle", "Conduct security audits"], cwd: ws.root)
        #expect(joined.status == 0, "\(joined)")
        #expect(checkbox("Conduct security audits", in: ws.todoBytes) == true)
    }

    /// A config key ctoboard does not know is bad input naming it and its line.
    @Test func unknownConfigKey() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try "lock_timeout = 2\nupdate_last_update = false\n".write(toFile: ws.root + "/.ctoboard.toml", atomically: true, encoding: .utf8)
        let before = ws.documents
        let r = try ws.ctoboard(["toggle", "Conduct security audits"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains(".ctoboard.toml:2: unknown key `update_last_update`"), "\(r.stderr)")
        #expect(ws.documents == before)
    }
}
