import CTOBoardCore
import Testing
@testable import CTOBoardUI

@Suite struct HelpOverlayTests {
    func text(_ state: BoardState, _ width: Int = 80, _ height: Int = 24) -> String {
        BoardView.render(state, width: width, height: height).plainText()
    }

    @Test func everyBindingCanBeSeenAt80x24ByScrolling() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = state.press(.char("?"))
        var seen = text(state)
        #expect(seen.contains("j k PgUp PgDn scroll · 1–19 of \(Action.allCases.count)"))
        // j, PgDn and End scroll; together the pages show every action with all its keys.
        _ = state.press(.char("j"))
        #expect(state.helpScroll == 1)
        _ = state.press(.pageDown)
        seen += text(state)
        _ = state.press(.end)
        seen += text(state)
        for action in Action.allCases {
            #expect(seen.contains(action.summary), "\(action) never shown")
            let keys = state.keyMap.keyNames(for: action, separator: " ")
            #expect(seen.contains(keys + " "), "keys of \(action) never shown")
        }
        #expect(state.mode == .help)
        _ = state.press(.char("k"), .pageUp, .pageUp)
        #expect(state.helpScroll == 0)
    }

    @Test func escQAndQuestionMarkClose() {
        for key: KeyEvent in [.escape, .char("q"), .char("?")] {
            var state = Fixtures.state()
            _ = state.press(.char("?"))
            #expect(state.press(key).isEmpty)
            #expect(state.mode == .normal)
        }
    }

    @Test func fitsWithoutScrollingWhenTall() {
        var state = Fixtures.state(width: 80, height: 50)
        _ = state.press(.char("?"))
        let screen = text(state, 80, 50)
        #expect(!screen.contains("scroll ·"))
        for action in Action.allCases { #expect(screen.contains(action.summary)) }
    }
}
