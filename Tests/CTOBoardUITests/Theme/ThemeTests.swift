import Foundation
import Testing
@testable import CTOBoardUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test func bundledThemesParse() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let theme = try Theme.load(path: Self.themesFolder.appendingPathComponent("\(name).toml").path)
            #expect(theme.name == name)
            for role in ThemeRole.allCases where role != .normal && role != .overlay {
                #expect(theme.styles[role] != nil, "\(name) lacks \(role)")
            }
            // The selected row must stand out without colors too.
            let selected = theme[.selectedRow]
            #expect(selected.attributes.contains(.reverse) || selected.attributes.contains(.bold))
        }
    }

    @Test func builtinCopiesMatchTheFiles() throws {
        let defaultText = try String(contentsOf: Self.themesFolder.appendingPathComponent("default.toml"), encoding: .utf8)
        let monoText = try String(contentsOf: Self.themesFolder.appendingPathComponent("mono.toml"), encoding: .utf8)
        #expect(BuiltinThemes.defaultTOML == defaultText)
        #expect(BuiltinThemes.monoTOML == monoText)
        #expect(Theme.default.name == "default")
        #expect(Theme.default[.header].bg == .indexed(4))
        // Every theme file has a built-in copy (run Scripts/builtin-themes.sh after editing one).
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.all.keys))
        for file in files {
            let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltinThemes.all[String(file.dropLast(5))] == text, "\(file) differs from its built-in copy")
        }
    }

    @Test func everyThemeWorksByNameWithNoThemesFolder() throws {
        for name in BuiltinThemes.all.keys {
            let theme = try Theme.named(name, searchPath: ["/nonexistent"])
            #expect(theme.name == name)
        }
        #expect(try Theme.named("light", searchPath: []) != .default)
        // A file of the same name in the search path overrides the built-in copy.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctoboard-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name = \"light\"\n[header]\nfg = \"red\"\n".write(to: folder.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        #expect(try Theme.named("light", searchPath: [folder.path])[.header].fg == .indexed(1))
        #expect(try Theme.named("light", searchPath: [])[.header].fg != .indexed(1))
    }

    @Test func monoHasNoColors() {
        for role in ThemeRole.allCases {
            #expect(Theme.mono[role].fg == .default)
            #expect(Theme.mono[role].bg == .default)
        }
        #expect(Theme.mono[.selectedRow].attributes.contains(.reverse))
    }

    @Test func parsesColorsAndAttributes() throws {
        let theme = try Theme(toml: """
        name = "t"
        [header]
        fg = "bright-white"
        bg = 236
        bold = true
        underline = true
        [selected_row]
        reverse = true
        """)
        #expect(theme.name == "t")
        #expect(theme[.header] == Style(fg: .indexed(15), bg: .indexed(236), attributes: [.bold, .underline]))
        #expect(theme[.selectedRow].attributes == [.reverse])
        // Missing roles fall back to mono.
        #expect(theme[.criticalBadge] == Theme.mono[.criticalBadge])
    }

    @Test func inlineTablesWork() throws {
        let theme = try Theme(toml: "verify-badge = { fg = \"black\", bg = 220, bold = true }\n[header]\nfg = \"red\"\n")
        #expect(theme[.verifyBadge] == Style(fg: .indexed(0), bg: .indexed(220), attributes: [.bold]))
        #expect(theme[.header].fg == .indexed(1))
        do {
            _ = try Theme(toml: "name = \"x\"\ncritical-badge = { fg = \"nope\" }\n")
            Issue.record("expected an error")
        } catch let error as Theme.LoadError {
            #expect(error.line == 2)
            #expect(error.message.contains("critical-badge.fg"))
        }
    }

    @Test func unknownColorNamesKeyAndLine() {
        do {
            _ = try Theme(toml: "name = \"x\"\n\n[footer]\nbold = true\nfg = \"purplish\"\n")
            Issue.record("expected an error")
        } catch let error as Theme.LoadError {
            #expect(error.message.contains("footer.fg"))
            #expect(error.message.contains("purplish"))
            #expect(error.line == 5)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func otherErrors() {
        func line(_ text: String) -> Int?? {
            do { _ = try Theme(toml: text); return nil } catch let error as Theme.LoadError { return .some(error.line) } catch { return nil }
        }
        #expect(line("[headr]\nfg = \"red\"\n") == .some(1))          // unknown role
        #expect(line("[header]\nfg = 300\n") == .some(2))             // out of range
        #expect(line("[header]\nbold = \"yes\"\n") == .some(2))       // wrong type
        #expect(line("[header]\nblink = true\n") == .some(2))         // unknown key
        #expect(line("[header]\nfg = \"red\n") == .some(2))           // TOML syntax error
    }

    @Test func namedLooksInSearchPathThenBuiltin() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ctoboard-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name = \"mine\"\n[header]\nfg = \"red\"\n".write(to: folder.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        try "[header]\nfg = \"nope\"\n".write(to: folder.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
        #expect(try Theme.named("mine", searchPath: [folder.path]).name == "mine")
        #expect(try Theme.named(folder.appendingPathComponent("mine.toml").path, searchPath: []).name == "mine")
        #expect(try Theme.named("default", searchPath: []).name == "default")
        #expect(try Theme.named("mono", searchPath: []) == .mono)
        #expect(throws: Theme.LoadError.self) { try Theme.named("missing", searchPath: [folder.path]) }
        let bad = Theme.resolve("bad", environment: [:], searchPath: [folder.path])
        #expect(bad.theme == .default)
        #expect(bad.warning?.contains("bad.toml") == true)
        #expect(bad.warning?.contains("line 2") == true)
        #expect(Theme.resolve("mine", environment: ["NO_COLOR": "1"], searchPath: [folder.path]).theme == .mono)
        #expect(Theme.resolve("mine", environment: [:], terminalHasColors: false, searchPath: [folder.path]).theme == .mono)
        #expect(Theme.resolve(nil, environment: ["NO_COLOR": ""], searchPath: []).theme == .default)
    }

    /// A repository one runs ctoboard in does not get to restyle it.
    @Test func searchPathIsNextToTheExecutableOnly() {
        let path = Theme.searchPath(executablePath: "/opt/ctoboard/bin/ctoboard")
        #expect(path == ["/opt/ctoboard/bin/themes", "/opt/ctoboard/share/ctoboard/themes"])
    }

    @Test func colorNames() {
        #expect(TermColor(name: "Red") == .indexed(1))
        #expect(TermColor(name: "bright-blue") == .indexed(12))
        #expect(TermColor(name: "default") == .default)
        #expect(TermColor(name: "200") == .indexed(200))
        #expect(TermColor(name: "256") == nil)
        #expect(TermColor(name: "mauve") == nil)
    }
}
