import Testing
@testable import CTOBoardCore

@Suite("Config: mouse")
struct ConfigMouseTests {
    @Test("mouse is left to the default unless the config says mouse = false")
    func mouse() throws {
        #expect(Config().mouse == nil)
        #expect(try Config(text: "owner = \"CTO\"\n", path: "/p/.ctoboard.toml").mouse == nil)
        #expect(try Config(text: "mouse = true\n", path: "/p/.ctoboard.toml").mouse == true)
        #expect(try Config(text: "mouse = false\n", path: "/p/.ctoboard.toml").mouse == false)
    }

    @Test("a mouse value that is not true or false names the file, the line and the key")
    func badValue() {
        do {
            _ = try Config(text: "owner = \"CTO\"\nmouse = \"off\"\n", path: "/p/.ctoboard.toml")
            Issue.record("no error")
        } catch {
            #expect(error.line == 2)
            #expect("\(error)".contains("/p/.ctoboard.toml") && "\(error)".contains("`mouse` must be true or false"))
        }
    }
}
