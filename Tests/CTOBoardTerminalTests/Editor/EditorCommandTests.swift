import Testing
@testable import CTOBoardUI
@testable import CTOBoardTerminal

@Suite("EditorCommand")
struct EditorCommandTests {
    @Test("a template's placeholders are replaced inside each word; a path with spaces stays one argument")
    func template() throws {
        let command = EditorCommand(template: "code -g {file}:{line}", environment: ["EDITOR": "nano"])
        #expect(try command.argv(file: "/tmp/my docs/TODO.md", line: 12) == ["code", "-g", "/tmp/my docs/TODO.md:12"])
    }

    @Test("quotes group words and nothing is expanded: no shell ever sees the file name")
    func quoting() throws {
        let command = EditorCommand(template: #"'/opt/my editor/bin/ed' --line={line} "{file}" \$HOME"#, environment: [:])
        let file = "/tmp/a; rm -rf ~ $(x) `y`.md"
        #expect(try command.argv(file: file, line: 3) == ["/opt/my editor/bin/ed", "--line=3", file, "$HOME"])
        #expect(EditorCommand.words(#"a "b \" c" 'd \ e' f\ g "C:\x""#) == ["a", #"b " c"#, #"d \ e"#, "f g", #"C:\x"#])
        #expect(EditorCommand.words("  one\ttwo  ") == ["one", "two"])
        #expect(EditorCommand.words(#"''"#) == [""])
    }

    @Test("a template without {file} gets the file appended")
    func templateWithoutFile() throws {
        #expect(try EditorCommand(template: "subl -w", environment: [:]).argv(file: "/d/TODO.md", line: 4) == ["subl", "-w", "/d/TODO.md"])
    }

    @Test("without a template: $VISUAL, then $EDITOR, then vi, called as EDITOR +LINE FILE")
    func fallbacks() throws {
        let file = "/w/my docs/CTO_OWNER.md"
        #expect(try EditorCommand(environment: ["VISUAL": "code -w", "EDITOR": "nano"]).argv(file: file, line: 7) == ["code", "-w", "+7", file])
        #expect(try EditorCommand(environment: ["VISUAL": " ", "EDITOR": "nano"]).argv(file: file, line: 7) == ["nano", "+7", file])
        #expect(try EditorCommand(environment: [:]).argv(file: file, line: 1) == ["vi", "+1", file])
        #expect(try EditorCommand(environment: ["CTOBOARD_EDITOR": "hx {file}:{line}", "EDITOR": "nano"]).argv(file: file, line: 2)
                == ["hx", file + ":2"])
    }

    @Test("an unbalanced quote is refused with a message naming the setting")
    func unbalanced() {
        #expect(throws: EditorCommand.Failure.self) { try EditorCommand(template: "'code {file}", environment: [:]).argv(file: "f", line: 1) }
        do {
            _ = try EditorCommand(environment: ["EDITOR": "\"vim"]).argv(file: "f", line: 1)
            Issue.record("no error")
        } catch {
            #expect(error.description.contains("$EDITOR"))
        }
    }

    @Test("the launcher runs the program with its arguments and reports how it ended")
    func launcher() {
        #expect(EditorLauncher.run(["sh", "-c", "exit 3"]) == .exited(3))
        #expect(EditorLauncher.run(["true"]) == .exited(0))
        guard case .failed = EditorLauncher.run(["/nonexistent/editor-\(UInt32.random(in: 0...UInt32.max))"]) else {
            Issue.record("expected a failure"); return
        }
    }
}
