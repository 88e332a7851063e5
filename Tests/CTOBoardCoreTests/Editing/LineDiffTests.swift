import Testing
import PropertyBased
@testable import CTOBoardCore

@Suite struct LineDiffTests {
    func doc(_ s: String) -> Document { Document(bytes: Array(s.utf8)) }

    @Test func identicalDocumentsHaveNoHunks() {
        #expect(LineDiff.hunks(from: doc("a\nb\n"), to: doc("a\nb\n")).isEmpty)
    }

    /// Undo after a sync that added or removed lines above the change: the hunk is found where
    /// its lines went, as `patch` finds an offset; two equally near places are refused.
    @Test func hunksAreFoundWhereLinesAboveThemMoved() {
        let old = doc("title\n- [ ] a\n- [ ] b\n- [ ] c\n")
        let toggled = doc("title\n- [ ] a\n- [x] b\n- [ ] c\n")
        // What undoing the toggle applies: from the toggled lines back to the old ones.
        let backwards = LineDiff.hunks(from: toggled, to: old)
        let synced = doc("title\n- [ ] new from a teammate\n- [ ] a\n- [x] b\n- [ ] c\n")
        #expect(LineDiff.apply(backwards, to: synced)?.bytes == Array("title\n- [ ] new from a teammate\n- [ ] a\n- [ ] b\n- [ ] c\n".utf8))
        let shortened = doc("- [ ] a\n- [x] b\n- [ ] c\n")
        #expect(LineDiff.apply(backwards, to: shortened)?.bytes == Array("- [ ] a\n- [ ] b\n- [ ] c\n".utf8))
        // The line is gone: refused.
        #expect(LineDiff.apply(backwards, to: doc("title\n- [ ] a\n- [ ] c\n")) == nil)
        // A move (a deletion and an insertion) after lines shifted: the insertion's place can't
        // be checked, so the whole undo is refused.
        let moved = doc("title\n- [ ] a\n- [ ] c\n## Done\n- [x] b\n")
        let moveBack = LineDiff.hunks(from: moved, to: old)
        #expect(LineDiff.apply(moveBack, to: moved)?.bytes == old.bytes)
        #expect(LineDiff.apply(moveBack, to: doc("title\n- [ ] new\n- [ ] a\n- [ ] c\n## Done\n- [x] b\n")) == nil)
        // Equally near above and below: refused rather than guessed.
        #expect(LineDiff.apply(backwards, to: doc("- [x] b\nx\ny\nz\n- [x] b\n")) == nil)
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
        let choices = ["a\n", "b\n", "c\r\n", "d", "\u{FEFF}e\n", "\n", "\u{FEFF}"]
        let line = Gen.int(in: 0...6).map { choices[$0] }
        await propertyCheck(count: 300, input: line.array(of: 0...12), line.array(of: 0...12)) { x, y in
            let old = Document(bytes: Array(x.joined().utf8))
            let new = Document(bytes: Array(y.joined().utf8))
            let hunks = LineDiff.hunks(from: old, to: new)
            #expect(LineDiff.apply(hunks, to: old)?.bytes == new.bytes)
        }
    }

    /// Small edits to long documents (where the common prefix and suffix are found on the bytes)
    /// round trip too, and the hunks stay near the edit.
    @Test func smallEditsToLongDocumentsRoundTrip() async {
        let choices = ["a\n", "b\n", "c\r\n", "d", "\u{FEFF}e\n", "\n", "long line of text\n", "x\r"]
        let line = Gen.int(in: 0...7).map { choices[$0] }
        await propertyCheck(count: 400, input: line.array(of: 1...60), Gen.int(in: 0...1000), line.array(of: 0...3)) { x, at, insert in
            var y = x
            let i = at % x.count
            let removed = min(at % 3, x.count - i)
            y.replaceSubrange(i..<(i + removed), with: insert)
            let old = Document(bytes: Array(x.joined().utf8))
            let new = Document(bytes: Array(y.joined().utf8))
            let hunks = LineDiff.hunks(from: old, to: new)
            #expect(LineDiff.apply(hunks, to: old)?.bytes == new.bytes)
            #expect(hunks.reduce(0) { $0 + $1.oldLines.count } <= removed + 2)
        }
    }
}
