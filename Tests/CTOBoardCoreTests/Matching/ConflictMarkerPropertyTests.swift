import Testing
import PropertyBased
@testable import CTOBoardCore

/// A document holding an unresolved git conflict is refused at the first marker's line, whatever
/// surrounds it; the same markers inside fenced code are text.
@Suite struct ConflictMarkerPropertyTests {
    static let lines = ["# TODO", "## Pending", "- [ ] Ship it [Owner: CTO]", "", "text", "=======", "< not a marker",
                        "- [x] Done [Owner: CTO]", "### Low Priority"]
    static let markers = ["<<<<<<< HEAD", ">>>>>>> theirs", "<<<<<<<", ">>>>>>> 1a2b3c4 (Branch)"]

    @Test func theFirstMarkerLineIsNamed() async {
        let gen = zip(Gen.int(in: 0...(Self.lines.count - 1)).array(of: 0...30), Gen.int(in: 0...30),
                      Gen.int(in: 0...(Self.markers.count - 1)), Gen.bool)
        await propertyCheck(input: gen) { picks, at, marker, crlf in
            var lines = picks.map { Self.lines[$0] }
            let index = min(at, lines.count)
            lines.insert(Self.markers[marker], at: index)
            let bytes = Array(lines.joined(separator: crlf ? "\r\n" : "\n").utf8)
            #expect(ConflictMarkers.firstLine(in: Document(bytes: bytes)) == index + 1)
            // Inside a fence, the same lines are code.
            let fenced = Array((["```"] + lines + ["```"]).joined(separator: "\n").utf8)
            #expect(ConflictMarkers.firstLine(in: Document(bytes: fenced)) == nil)
        }
    }

    /// A document cut anywhere (a truncated write) never reads as holding a marker it lacks.
    @Test func truncatedDocumentsHaveNoMarkersTheyLacked() async {
        let doc = Array(Self.lines.joined(separator: "\n").utf8)
        await propertyCheck(input: Gen.int(in: 0...doc.count)) { cut in
            #expect(ConflictMarkers.firstLine(in: Document(bytes: Array(doc[..<cut]))) == nil)
        }
    }
}
