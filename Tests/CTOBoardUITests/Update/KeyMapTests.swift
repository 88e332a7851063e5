import Testing
@testable import CTOBoardUI

@Suite struct KeyMapTests {
    @Test func defaultBindings() {
        let map = KeyMap.default
        #expect(map.action(for: .up) == .up)
        #expect(map.action(for: .char("k")) == .up)
        #expect(map.action(for: .char("j")) == .down)
        #expect(map.action(for: .char("h")) == .prevPane)
        #expect(map.action(for: .char("l")) == .nextPane)
        #expect(map.action(for: .tab) == .nextPane)
        #expect(map.action(for: .backTab) == .prevPane)
        #expect(map.action(for: .char("3")) == .pane3)
        #expect(map.action(for: .char("g")) == .first)
        #expect(map.action(for: .char("G")) == .last)
        #expect(map.action(for: .pageDown) == .pageDown)
        #expect(map.action(for: .char(" ")) == .toggle)
        #expect(map.action(for: .char("v")) == .verify)
        #expect(map.action(for: .char("c")) == .complete)
        #expect(map.action(for: .char("s")) == .start)
        #expect(map.action(for: .char("H")) == .movePrev)
        #expect(map.action(for: .char("L")) == .moveNext)
        #expect(map.action(for: .char("J")) == .reorderDown)
        #expect(map.action(for: .char("K")) == .reorderUp)
        #expect(map.action(for: .char("+")) == .priorityUp)
        #expect(map.action(for: .char("-")) == .priorityDown)
        #expect(map.action(for: .char("a")) == .add)
        #expect(map.action(for: .char("e")) == .edit)
        #expect(map.action(for: .char("d")) == .delete)
        #expect(map.action(for: .char("u")) == .undo)
        #expect(map.action(for: .ctrl("r")) == .redo)
        #expect(map.action(for: .char("/")) == .filter)
        #expect(map.action(for: .char("r")) == .sync)
        #expect(map.action(for: .char("R")) == .review)
        #expect(map.action(for: .char("?")) == .help)
        #expect(map.action(for: .char("q")) == .quit)
        #expect(map.action(for: .ctrl("c")) == .quit)
        #expect(map.action(for: .enter) == .open)
        #expect(map.action(for: .char("o")) == .switchOwner)
        for action in Action.allCases { #expect(!map.keys(for: action).isEmpty, "\(action) has no key") }
    }

    @Test func rebindFromTOML() throws {
        let map = try KeyMap.default.applying(toml: """
        [keys]
        toggle = "x"
        quit = ["Q", "ctrl-c"]
        move_next = "ctrl-l"
        """)
        #expect(map.action(for: .char("x")) == .toggle)
        #expect(map.action(for: .char(" ")) == nil)
        #expect(map.action(for: .char("Q")) == .quit)
        #expect(map.action(for: .char("q")) == nil)
        #expect(map.action(for: .ctrl("l")) == .moveNext)
        #expect(map.action(for: .char("L")) == nil)
        #expect(map.keyNames(for: .quit) == "Q/Ctrl-c")
    }

    @Test func rebindingStealsTheKeyFromAnotherAction() throws {
        let map = try KeyMap.default.applying(toml: "[keys]\nredo = \"r\"\n")
        #expect(map.action(for: .char("r")) == .redo)
        #expect(!map.keys(for: .sync).contains(.char("r")))
    }

    @Test func fileWithoutKeysTableChangesNothing() throws {
        #expect(try KeyMap.default.applying(toml: "# nothing\n") == .default)
    }

    @Test func unknownActionNamesKeyAndLine() {
        do {
            _ = try KeyMap.default.applying(toml: "[keys]\ntoggle = \"x\"\nfly = \"f\"\n")
            Issue.record("expected an error")
        } catch let error as KeyMap.LoadError {
            #expect(error.message.contains("fly"))
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownKeyNameIsReported() {
        #expect(throws: KeyMap.LoadError.self) { try KeyMap.default.applying(toml: "[keys]\nquit = \"hyper-q\"\n") }
        do {
            _ = try KeyMap.default.applying(toml: "[keys]\n\nquit = \"hyper-q\"\n")
        } catch let error as KeyMap.LoadError {
            #expect(error.description == "line 3: keys.quit: unknown key \"hyper-q\"")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func syntaxErrorHasLine() {
        do {
            _ = try KeyMap.default.applying(toml: "[keys]\nquit = \n")
            Issue.record("expected an error")
        } catch let error as KeyMap.LoadError {
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func keyNames() {
        #expect(KeyEvent(name: "space") == .char(" "))
        #expect(KeyEvent(name: "shift-tab") == .backTab)
        #expect(KeyEvent(name: "PgDn") == .pageDown)
        #expect(KeyEvent(name: "ctrl-R") == .ctrl("r"))
        #expect(KeyEvent(name: "G") == .char("G"))
        #expect(KeyEvent(name: "f5") == .function(5))
        #expect(KeyEvent(name: "ctrl-") == nil)
        #expect(Action(name: "moveNext") == .moveNext)
        #expect(Action(name: "priority_up") == .priorityUp)
        #expect(Action(name: "pane3") == .pane3)
    }
}
