import Testing
import PropertyBased
@testable import CTOBoardCore

/// A random pair with nested lists, and an operation on one of its tasks.
private struct ItemScenario: Sendable, CustomStringConvertible {
    var owner: [String]
    var todo: [String]
    var operation: TaskOperation
    var crlf: Bool
    var description: String { "\(operation)\nowner:\n\(owner.joined(separator: "\n"))\ntodo:\n\(todo.joined(separator: "\n"))" }
}

private let sections = ["## Completed", "## In Progress", "### High Priority", "### Medium Priority", "### Low Priority"]

/// The children of task `n`: sub-bullets, nested checkboxes, notes, blank lines inside the item
/// and lazy continuation lines, each line unique.
private func children(_ n: Int, kinds: [Int]) -> [String] {
    kinds.enumerated().flatMap { k, kind -> [String] in
        switch kind % 5 {
        case 0: return ["  - sub \(n).\(k)"]
        case 1: return ["  - [\(k % 2 == 0 ? "x" : " ")] box \(n).\(k)"]
        case 2: return ["", "    note \(n).\(k)"]
        case 3: return ["lazy \(n).\(k)"]
        default: return ["\t- [ ] tabbed \(n).\(k)"]
        }
    }
}

private let scenario = zip(
    Gen.int(in: 0...99).array(of: 5).array(of: 2...9), Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.bool
).map { generated -> ItemScenario in
    let (tasks, op, pick, crlf) = generated
    var owner = ["# Owner", ""], todo = ["# TODO", ""]
    for (s, heading) in sections.enumerated() {
        owner += [heading == "## Completed" ? heading : heading.replacingOccurrences(of: "###", with: "##"), ""]
        todo += s == 2 ? ["## Pending", "", heading, ""] : [heading, ""]
        for (n, t) in tasks.enumerated() where t[0] % 5 == s {
            let kids = children(n, kinds: Array(t[2...].prefix(t[1] % 4)))
            owner += ["- [ ] Task \(n)"] + kids
            todo += ["- [ ] Task \(n) [Owner: CTO]"] + kids.map { $0.isEmpty || $0.hasPrefix("lazy") ? $0 : "  " + $0 }
        }
        owner.append(""); todo.append("")
    }
    let title = "Task \(pick % tasks.count)"
    let panes: [Pane] = [.completed, .inProgress, .high, .medium, .low]
    let operations: [TaskOperation] = [
        .delete(title), .complete(title), .verify(title), .start(title), .toggle(title),
        .move(title, to: panes[op % 5]), .reorder(title, by: op % 2 == 0 ? -1 : 1),
    ]
    return ItemScenario(owner: owner, todo: todo, operation: operations[op % operations.count], crlf: crlf)
}

/// Each task's item in `lines`: the line holding `Task N` and its children after it.
private func items(_ lines: [String]) -> [String: [String]] {
    let t = TaskDocument(document: Document(bytes: Array(lines.joined(separator: "\n").utf8)))
    var out: [String: [String]] = [:]
    for e in t.entries {
        let name = e.title.split(separator: " ").prefix(2).joined(separator: " ")
        out[name] = e.childLines.map { String(decoding: $0, as: UTF8.self) }
    }
    return out
}

@Suite("Item properties")
struct ItemPropertyTests {
    /// Every operation keeps each item's lines together and in order, and leaves every line
    /// outside the touched items where it was (in the same order, none lost or added).
    @Test func operationsKeepItemsWhole() async {
        await propertyCheck(count: 300, input: scenario) { s in
            let layout = s.crlf ? DocLayout.crlf : DocLayout.lf
            let pair = SyncFixture.pair(ownerLines: s.owner, todoLines: s.todo, layout: layout)
            let planner = OperationPlanner(today: SyncFixture.today, updateLastUpdated: false)
            guard let change = try? planner.plan(s.operation, on: pair) else { return }
            for (before, bytes) in [(s.owner, change.ownerBytes), (s.todo, change.todoBytes)] {
                let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                let after = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let old = items(before), new = items(after)
                // Items stay whole: the same children, in order, under each remaining task.
                for (name, kids) in new { #expect(old[name] == kids, "\(name) in \(s)") }
                if case .delete = s.operation { #expect(new.count == old.count - 1) } else { #expect(new.count == old.count) }
                // Lines outside the touched items stay, in order.
                let (touched, names) = touchedLines(before, s.operation)
                let outside = { (lines: [String]) in
                    lines.filter { line in !touched.contains(line) && !line.isEmpty && !names.contains { line.contains($0) } }
                }
                #expect(outside(after) == outside(before), "\(s)")
            }
        }
    }

    /// The lines of the items an operation touches: its task's, and for a reorder its neighbour's.
    /// Also the touched tasks' names (`Task N`), which their rewritten lines still hold.
    private func touchedLines(_ lines: [String], _ op: TaskOperation) -> (Set<String>, [String]) {
        let t = TaskDocument(document: Document(bytes: Array(lines.joined(separator: "\n").utf8)))
        let name = { (e: TaskEntry) in e.title.split(separator: " ").prefix(2).joined(separator: " ") }
        guard let query = op.taskQuery, let i = t.entries.firstIndex(where: { name($0) == query }) else { return ([], []) }
        var hit = [t.entries[i]]
        if case .reorder(_, let by) = op, t.entries.indices.contains(i + by) { hit.append(t.entries[i + by]) }
        return (Set(hit.flatMap { e in e.lines.map { lines[$0] } }), hit.map { name($0) })
    }
}
