import Testing
@testable import CTOBoardCore

@Suite("Config: mouse")
struct ConfigMouseTests {
    @Test("mouse is on unless the config says mouse = false")
    func mouse() throws {
        #expect(Config().mouse)
        #expect(try Config(text: "owner = \"CTO\"\n", path: "/p/.ctoboard.toml").mouse)
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
