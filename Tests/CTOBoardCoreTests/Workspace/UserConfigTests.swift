import Foundation
import Testing
@testable import CTOBoardCore

@Suite("UserConfig: the user's own config.toml")
struct UserConfigTests {
    @Test func pathFollowsXDGThenHome() {
        #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/ctoboard/config.toml")
        #expect(UserConfig.path(environment: ["HOME": "/h"]) == "/h/.config/ctoboard/config.toml")
        // A relative XDG_CONFIG_HOME is invalid by the spec: ignored.
        #expect(UserConfig.path(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == "/h/.config/ctoboard/config.toml")
        #expect(UserConfig.path(environment: [:]) == nil)
    }

    @Test func loadsEditorAndDefaults() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try tmp.write("ctoboard/config.toml", """
        editor = "code -g {file}:{line}"
        theme = "light"
        mouse = false
        layout = "tabs"

        [keys]
        toggle = "t"
        """)
        let user = try UserConfig.load(environment: ["XDG_CONFIG_HOME": tmp.path])
        #expect(user.settings.editorCommand == "code -g {file}:{line}")
        // The environment wins over the file.
        #expect(try UserConfig.load(environment: ["XDG_CONFIG_HOME": tmp.path, "CTOBOARD_EDITOR": "vim +{line} {file}"])
            .settings.editorCommand == "vim +{line} {file}")
        // Nothing set: no config at all.
        #expect(try UserConfig.load(environment: ["XDG_CONFIG_HOME": tmp.path + "/none"]).applied(to: nil) == nil)

        // Alone, the user's settings apply.
        let alone = try #require(user.applied(to: nil))
        #expect(alone.theme == "light" && alone.mouse == false && alone.layout == "tabs" && alone.keys == ["toggle": ["t"]])
        #expect(alone.path == nil && alone.pairs.isEmpty)
        // A repository's config overrides the settings that run nothing, key by key.
        let repo = try Config(text: "theme = \"mono\"\nmouse = true\n[keys]\nup = \"k\"\n", path: "/r/.ctoboard.toml")
        let layered = try #require(user.applied(to: repo))
        #expect(layered.path == "/r/.ctoboard.toml")
        #expect(layered.theme == "mono" && layered.mouse == true && layered.layout == "tabs")
        #expect(layered.keys == ["toggle": ["t"], "up": ["k"]])
        #expect(layered.editorCommand == "code -g {file}:{line}")
    }

    /// Repository settings (pairs, owner) do not belong in the user's config.
    @Test func repositoryKeysAreUnknownThere() throws {
        let error = #expect(throws: ConfigError.self) {
            try UserConfig(text: "editor = \"x\"\n[[pairs]]\nowner = \"CTO\"\ndocument = \"a.md\"\n", path: "/u/config.toml")
        }
        #expect(error?.description.hasPrefix("/u/config.toml:2: unknown key `pairs`") == true)
    }
}
