import Testing
@testable import CTOBoardCore

@Suite struct CriticalMarkerTests {
    func set(_ text: String, _ critical: Bool) -> String {
        String(decoding: CriticalMarker.set(TaskText(Array(text.utf8)), critical: critical), as: UTF8.self)
    }

    @Test func removesEitherFormTouchingOnlyTheMarker() {
        #expect(set("**CRITICAL**: Validate vectors [Owner: CTO]", false) == "Validate vectors [Owner: CTO]")
        #expect(set("Validate vectors (CRITICAL) [Owner: CTO]", false) == "Validate vectors [Owner: CTO]")
        #expect(set("**VERIFY**: **CRITICAL**: Ship (needs verification)", false) == "**VERIFY**: Ship (needs verification)")
    }

    @Test func addsOnceAndRoundTrips() {
        let text = "Build `**CRITICAL**` docs [Owner: CTO]"
        #expect(set(text, true) == "**CRITICAL**: " + text)
        #expect(set(set(text, true), false) == text)
        #expect(set("**CRITICAL**: x", true) == "**CRITICAL**: x")
    }
}
