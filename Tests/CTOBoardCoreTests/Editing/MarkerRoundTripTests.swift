import Testing
@testable import CTOBoardCore

/// Markers stay consistent however a task goes round verify, complete, toggle and moves.
@Suite("Marker round trips")
struct MarkerRoundTripTests {
    private let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)

    private func pair(_ ownerTask: String, _ todoTask: String) -> TaskPair {
        SyncFixture.pair(ownerLines: ["## Completed", "", "## In Progress", ownerTask, "", "## Pending", "- [ ] Other"],
                         todoLines: ["## Completed", "", "## In Progress", todoTask, "", "## Pending", "- [ ] Other [Owner: CTO]"])
    }

    private func line(_ bytes: [UInt8], containing word: String) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).first { $0.contains(word) } ?? ""
    }

    private func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// Space on a verified task puts back the awaiting-verification form and drops the date.
    @Test func unverifyingPutsBackTheVerifyForm() throws {
        var p = pair("- [ ] Ship it", "- [ ] Ship it [Owner: CTO]")
        for op in [TaskOperation.verify("Ship it"), .toggle("Ship it")] {
            let c = try planner.plan(op, on: p)
            p = SyncFixture.pair(owner: c.ownerBytes, todo: c.todoBytes)
        }
        #expect(line(p.ownerDoc.document.bytes, containing: "Ship it") == "- [ ] **VERIFY**: Ship it (needs verification)")
        #expect(line(p.todo.document.bytes, containing: "Ship it") == "- [ ] **VERIFY**: Ship it (needs verification) [Owner: CTO]")
    }

    @Test(arguments: [
        ("- [ ] **CRITICAL**: Ship it", "- [ ] **CRITICAL**: Ship it [Owner: CTO]"),
        ("- [ ] Ship it (CRITICAL)", "- [ ] Ship it (CRITICAL) [Owner: CTO]"),
        ("- [ ] Ship it", "- [ ] Ship it [Owner: CTO]"),
    ])
    func goingRoundNeverDoublesOrLeavesAMarker(_ task: (String, String)) throws {
        var p = pair(task.0, task.1)
        let rounds: [TaskOperation] = [
            .verify("Ship it"), .complete("Ship it"), .toggle("Ship it"), .toggle("Ship it"), .verify("Ship it"),
            .toggle("Ship it"), .move("Ship it", to: .high), .complete("Ship it"), .verify("Ship it"), .start("Ship it"),
        ]
        for op in rounds {
            let c = try planner.plan(op, on: p)
            p = SyncFixture.pair(owner: c.ownerBytes, todo: c.todoBytes)
            for bytes in [c.ownerBytes, c.todoBytes] {
                let l = line(bytes, containing: "Ship it")
                #expect(count(l, "**VERIFY**") <= 1 && count(l, "(needs verification)") <= 1 && count(l, "(verified") <= 1, "\(op): \(l)")
                #expect(count(l, "CRITICAL") == (task.0.contains("CRITICAL") ? 1 : 0), "\(op): \(l)")
                // Checking a task that awaits verification flips its box only (one byte); verify rewrites.
                let verified = l.hasPrefix("- [x]") && { if case .verify = op { return true } else { return false } }()
                #expect(!verified || (!l.contains("**VERIFY**") && !l.contains("(needs verification)") && l.contains("(verified")), "\(op): \(l)")
                let awaiting = l.hasPrefix("- [ ]") && c.to == .completed
                #expect(!awaiting || (l.contains("**VERIFY**") && l.contains("(needs verification)") && !l.contains("(verified")), "\(op): \(l)")
                if c.to != .completed { #expect(!l.contains("VERIFY") && !l.contains("verif"), "\(op): \(l)") }
            }
        }
        // Started again: the original line, byte for byte.
        #expect(line(p.ownerDoc.document.bytes, containing: "Ship it") == task.0)
        #expect(line(p.todo.document.bytes, containing: "Ship it") == task.1)
    }
}
