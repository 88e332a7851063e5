import Testing
@testable import CTOBoardCore

/// The merge driver's task-by-task merge: a task is its whole list item (its line and the notes
/// under it), and what the merge cannot decide is a conflict, never a guess.
@Suite("TaskMerge: whole tasks")
struct TaskMergeTests {
    private let base = [
        "# Tasks", "", "## Pending", "", "### High Priority",
        "- [ ] Alpha", "- [ ] Bravo", "  - note b", "- [ ] Charlie", "",
        "### Low Priority", "- [ ] Delta",
    ]

    private func merge(_ layout: DocLayout, ours: [LineEdit], theirs: [LineEdit],
                       sourceLocation: SourceLocation = #_sourceLocation) -> (lines: [UInt8], conflicts: Int) {
        let doc = { (edits: [LineEdit]) in
            Document(bytes: layout.render(applying(edits, to: base, sourceLocation: sourceLocation)))
        }
        // Adjacent changes: git's line merge alone would conflict, so the merge goes task by task.
        #expect(LineDiff.merge(base: doc([]), ours: doc(ours), theirs: doc(theirs)) == nil, sourceLocation: sourceLocation)
        let result = TaskMerge.merge(base: doc([]), ours: doc(ours), theirs: doc(theirs))
        return (result.document.bytes, result.conflicts)
    }

    @Test("they delete a task with a note: its note goes with it", arguments: DocLayout.all)
    func deletionTakesTheNote(_ layout: DocLayout) {
        let r = merge(layout, ours: [.replace("- [ ] Alpha", "- [x] Alpha")],
                      theirs: [.remove("- [ ] Bravo"), .remove("  - note b")])
        let expected = applying([.replace("- [ ] Alpha", "- [x] Alpha"), .remove("- [ ] Bravo"), .remove("  - note b")], to: base)
        #expect(r.conflicts == 0)
        #expect(r.lines == layout.render(expected))
    }

    @Test("they add a task with a note after one with a note: both notes stay with their tasks", arguments: DocLayout.all)
    func additionAfterTheWholeItem(_ layout: DocLayout) {
        let added = ["- [ ] Echo", "  - note e"]
        let r = merge(layout, ours: [.replace("- [ ] Charlie", "- [x] Charlie")], theirs: [.insertAfter("  - note b", added)])
        let expected = applying([.insertAfter("  - note b", added), .replace("- [ ] Charlie", "- [x] Charlie")], to: base)
        #expect(r.conflicts == 0)
        #expect(r.lines == layout.render(expected))
    }

    @Test("they check a task and edit its note in one hunk: the note change comes along")
    func changeCarriesTheNote() {
        let theirs: [LineEdit] = [.replace("- [ ] Bravo", "- [x] Bravo"), .replace("  - note b", "  - note b, done")]
        let r = merge(.lf, ours: [.replace("- [ ] Alpha", "- [x] Alpha")], theirs: theirs)
        #expect(r.conflicts == 0)
        #expect(r.lines == DocLayout.lf.render(applying(theirs + [.replace("- [ ] Alpha", "- [x] Alpha")], to: base)))
    }

    @Test("they change a heading and the task under it in one hunk: the heading change is a conflict, not lost")
    func headingChangedWithATaskIsNotLost() {
        let r = merge(.lf, ours: [.replace("- [ ] Bravo", "- [x] Bravo")],
                      theirs: [.replace("### High Priority", "### High Priority Tasks"), .replace("- [ ] Alpha", "- [x] Alpha")])
        #expect(r.conflicts == 1)
        let text = String(decoding: r.lines, as: UTF8.self)
        #expect(text.contains("=======\n### High Priority Tasks\n>>>>>>> theirs\n"), "\(text)")
        #expect(text.contains("- [x] Alpha\n- [x] Bravo\n"), "\(text)")
    }

    @Test("both sides rename the same task differently: one conflict, not two tasks")
    func bothRenamedIsAConflict() {
        let r = merge(.lf, ours: [.replace("- [ ] Charlie", "- [ ] Charlie Alpha")], theirs: [.replace("- [ ] Charlie", "- [ ] Charlie Bravo")])
        #expect(r.conflicts == 1)
        let expected = applying([.replace("- [ ] Charlie", "<<<<<<< ours"),
                                 .insertAfter("<<<<<<< ours", ["- [ ] Charlie Alpha", "=======", "- [ ] Charlie Bravo", ">>>>>>> theirs"])], to: base)
        #expect(r.lines == DocLayout.lf.render(expected), "\(String(decoding: r.lines, as: UTF8.self))")
    }

    @Test("a line they add outside the tasks goes where they put it, after the lines we added above it")
    func theirLineOutsideTasksFollowsOurShift() {
        let ours: [LineEdit] = [.insertAfter("- [ ] Alpha", ["- [ ] Alpha two", "- [ ] Alpha three"])]
        let theirs: [LineEdit] = [.replace("- [ ] Bravo", "- [x] Bravo"), .insertAfter("### Low Priority", ["_Later: after the Q2 launch._"])]
        let r = merge(.lf, ours: ours, theirs: theirs)
        #expect(r.conflicts == 0)
        #expect(r.lines == DocLayout.lf.render(applying(ours + theirs, to: base)), "\(String(decoding: r.lines, as: UTF8.self))")
    }

    @Test("both sides change a line that is also elsewhere: a conflict there, the other copy untouched")
    func sameLineChangedOnBothSidesIsAConflict() {
        let doc = { (date: String) in
            Document(bytes: Array("# T\n**Last Updated**: \(date)\n\n### High Priority\n- [ ] Alpha\n\n---\n**Last Updated**: Jan\n".utf8))
        }
        let r = TaskMerge.merge(base: doc("Jan"), ours: doc("March"), theirs: doc("April"))
        #expect(r.conflicts == 1)
        let text = String(decoding: r.document.bytes, as: UTF8.self)
        #expect(text.hasSuffix("---\n**Last Updated**: Jan\n"), "\(text)")
        #expect(text.contains("<<<<<<< ours\n**Last Updated**: March\n=======\n**Last Updated**: April\n>>>>>>> theirs\n"), "\(text)")
    }

    @Test("they delete a task whose note we edited: a conflict around our whole task")
    func deletionOfAnEditedNoteConflicts() {
        let r = merge(.lf, ours: [.replace("  - note b", "  - note b, kept")], theirs: [.remove("- [ ] Bravo"), .remove("  - note b")])
        #expect(r.conflicts == 1)
        let expected = applying([.replace("  - note b", "  - note b, kept"), .insertBefore("- [ ] Bravo", ["<<<<<<< ours"]),
                                 .insertAfter("  - note b, kept", ["=======", ">>>>>>> theirs"])], to: base)
        #expect(r.lines == DocLayout.lf.render(expected))
    }

    @Test("they rename a task we moved: a conflict, not a lost move")
    func renameAgainstMoveConflicts() {
        let moved: [LineEdit] = [.remove("- [ ] Bravo"), .remove("  - note b"), .insertAfter("- [ ] Delta", ["- [ ] Bravo", "  - note b"])]
        let r = merge(.lf, ours: moved, theirs: [.replace("- [ ] Bravo", "- [ ] Bravo with a new name")])
        #expect(r.conflicts == 1)
        let expected = [
            "# Tasks", "", "## Pending", "", "### High Priority",
            "- [ ] Alpha", "- [ ] Bravo with a new name", "  - note b", "- [ ] Charlie", "",
            "### Low Priority", "- [ ] Delta", "<<<<<<< ours", "- [ ] Bravo", "  - note b", "=======", ">>>>>>> theirs",
        ]
        #expect(r.lines == DocLayout.lf.render(expected))
    }
}
