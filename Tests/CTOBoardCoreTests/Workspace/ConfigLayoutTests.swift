import Testing
@testable import CTOBoardCore

@Suite("Config: the board's layout key")
struct ConfigLayoutTests {
    @Test func readsTheLayout() throws {
        #expect(try Config(text: "layout = \"tabs\"\n", path: "/p/.ctoboard.toml").layout == "tabs")
        #expect(try Config(text: "owner = \"CTO\"\n", path: "/p/.ctoboard.toml").layout == nil)
    }

    @Test func rejectsAnUnknownLayoutNamingTheLine() {
        #expect(throws: ConfigError(path: "/p/.ctoboard.toml", line: 2, message: "`layout` must be \"auto\", \"columns\" or \"tabs\"")) {
            try Config(text: "owner = \"CTO\"\nlayout = \"grid\"\n", path: "/p/.ctoboard.toml")
        }
    }
}
