import Testing
@testable import CTOBoardCore

@Suite("Sync: deletions that look like an accident")
struct MassDeletionTests {
    @Test(arguments: [
        // lost, total, remaining, refused
        (1, 1, 0, true),    // the only task gone
        (5, 40, 0, true),   // all of the owner's tasks gone (others renamed or moved out)
        (3, 5, 2, false),   // three are allowed, whatever the share
        (4, 10, 6, true),   // more than 3 and more than 20%
        (4, 20, 16, false), // more than 3 but only 20%
        (5, 20, 15, true),
        (0, 0, 0, false),   // an empty document that had nothing to lose
    ])
    func threshold(_ c: (Int, Int, Int, Bool)) {
        #expect((MassDeletion.check(side: .todo, lost: c.0, total: c.1, remaining: c.2) != nil) == c.3, "\(c)")
    }
}
