import Testing
import PropertyBased
@testable import CTOBoardCore

@Suite struct LineDiffTests {
    func doc(_ s: String) -> Document { Document(bytes: Array(s.utf8)) }

    @Test func identicalDocumentsHaveNoHunks() {
        #expect(LineDiff.hunks(from: doc("a\nb\n"), to: doc("a\nb\n")).isEmpty)
    }

    @Test func moveIsTwoSmallHunks() {
        let old = doc("1\n2\n3\n4\n5\n6\n7\n8\n")
        let new = doc("1\n3\n4\n5\n6\n7\n2\n8\n")
        let hunks = LineDiff.hunks(from: old, to: new)
        #expect(hunks.count == 2)
        #expect(hunks.allSatisfy { $0.oldLines.count + $0.newLines.count == 1 })
        #expect(LineDiff.apply(hunks, to: old)?.bytes == new.bytes)
    }

    @Test func crlfAndBareLastLineAreDifferentLines() {
        let old = doc("a\r\nb")
        let new = doc("a\nb\n")
        let hunks = LineDiff.hunks(from: old, to: new)
        #expect(LineDiff.apply(hunks, to: old)?.bytes == new.bytes)
    }

    @Test func mergeOfDisjointEditsKeepsBoth() throws {
        let base = doc("a\nb\nc\nd\ne\n")
        let ours = doc("A\nb\nc\nd\ne\n")
        let theirs = doc("a\nb\nc\nd\nE\n")
        let merged = try #require(LineDiff.merge(base: base, ours: ours, theirs: theirs))
        #expect(merged.bytes == Array("A\nb\nc\nd\nE\n".utf8))
    }

    @Test func mergeOfTheSameLineConflicts() {
        let base = doc("a\nb\n")
        #expect(LineDiff.merge(base: base, ours: doc("x\nb\n"), theirs: doc("y\nb\n")) == nil)
    }

    @Test func applyRefusesChangedLines() {
        let old = doc("a\nb\nc\n")
        let hunks = LineDiff.hunks(from: old, to: doc("a\nB\nc\n"))
        #expect(LineDiff.apply(hunks, to: doc("a\nX\nc\n")) == nil)
    }

    @Test func randomEditsRoundTrip() async {
        let choices = ["a\n", "b\n", "c\r\n", "d", "\u{FEFF}e\n", "\n"]
        let line = Gen.int(in: 0...5).map { choices[$0] }
        await propertyCheck(count: 300, input: line.array(of: 0...12), line.array(of: 0...12)) { x, y in
            let old = Document(bytes: Array(x.joined().utf8))
            let new = Document(bytes: Array(y.joined().utf8))
            let hunks = LineDiff.hunks(from: old, to: new)
            #expect(LineDiff.apply(hunks, to: old)?.bytes == new.bytes)
        }
    }
}
