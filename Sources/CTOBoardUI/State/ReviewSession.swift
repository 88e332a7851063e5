import CTOBoardCore

/// The weekly review: walks every task awaiting verification, then every task in progress, one at
/// a time, and ends with a summary naming every task under its outcome.
///
/// Keys (fixed, shown on the card and in the footer): `v` verify, `c` complete, `k` keep as it
/// is, `m` move (then `1`–`5` for the pane), `p` reprioritize (then `h`/`m`/`l`), `s` or Space
/// skip (leave for later), `b` or ↑ back to the previous task, `u` undo the last review action,
/// `q` or Esc stop early. On the summary, any key returns to the board.
public struct ReviewSession: Hashable, Sendable {
    /// A follow-up question for the current task.
    public enum Prompt: Hashable, Sendable {
        case none
        /// Waiting for a pane number 1–5.
        case move
        /// Waiting for h/m/l.
        case reprioritize
    }

    /// What the review did with a task.
    public enum Outcome: Hashable, Sendable, CaseIterable {
        case verified, completed, kept, moved, reprioritized, skipped

        /// The heading of the outcome in the summary.
        public var title: String {
            switch self {
            case .verified: return "Verified"
            case .completed: return "Completed"
            case .kept: return "Kept as is"
            case .moved: return "Moved"
            case .reprioritized: return "Reprioritized"
            case .skipped: return "Skipped (left for later)"
            }
        }
    }

    /// One decision, for `u` (undo).
    public struct Step: Hashable, Sendable {
        /// Position of the task in the queue.
        public var position: Int
        /// What was decided.
        public var outcome: Outcome
        /// Whether it changed the documents (undo then undoes that change too).
        public var changedDocuments: Bool
    }

    /// Outcome counters for the summary.
    public struct Tally: Hashable, Sendable {
        public var verified = 0
        public var completed = 0
        public var kept = 0
        public var moved = 0
        public var reprioritized = 0
        public var skipped = 0
        public init() {}
    }

    /// Ids of the tasks to review, in order (verify tasks first, then in-progress tasks).
    public private(set) var queue: [String]
    /// Titles of the queued tasks when the review started, for the summary.
    public private(set) var titles: [String: String]
    /// Index of the current task in ``queue``.
    public internal(set) var position: Int
    /// The pending follow-up question.
    public internal(set) var prompt: Prompt
    /// The latest outcome per task id.
    public private(set) var outcomes: [String: Outcome]
    /// Decisions in the order they were made.
    public private(set) var steps: [Step]
    /// True once every task was seen (or the review was stopped): the summary is shown.
    public internal(set) var finished: Bool

    /// Starts a review over `tasks` (in board order): every task in state verify, then every
    /// not-done task in the In Progress pane.
    public init(tasks: [BoardTask]) {
        let verify = tasks.filter { $0.state == .verify }
        let verifySet = Set(verify.map(\.id))
        let doing = tasks.filter { $0.pane == .inProgress && $0.state != .done && !verifySet.contains($0.id) }
        self.queue = (verify + doing).map(\.id)
        self.titles = Dictionary((verify + doing).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        self.position = 0
        self.prompt = .none
        self.outcomes = [:]
        self.steps = []
        self.finished = queue.isEmpty
    }

    /// Id of the task under review, or nil on the summary.
    public var currentID: String? {
        finished || position >= queue.count ? nil : queue[position]
    }

    /// How many tasks got each outcome.
    public var tally: Tally {
        var t = Tally()
        for outcome in outcomes.values {
            switch outcome {
            case .verified: t.verified += 1
            case .completed: t.completed += 1
            case .kept: t.kept += 1
            case .moved: t.moved += 1
            case .reprioritized: t.reprioritized += 1
            case .skipped: t.skipped += 1
            }
        }
        return t
    }

    /// Titles of the tasks with an outcome, in queue order.
    public func titles(with outcome: Outcome) -> [String] {
        queue.filter { outcomes[$0] == outcome }.map { titles[$0] ?? $0 }
    }

    /// Titles of the tasks the review did not reach (stopped early), in queue order.
    public var notReviewed: [String] {
        queue.filter { outcomes[$0] == nil }.map { titles[$0] ?? $0 }
    }

    /// Records the current task's outcome and moves to the next task (or the summary).
    mutating func decide(_ outcome: Outcome, changedDocuments: Bool) {
        guard let id = currentID else { return }
        outcomes[id] = outcome
        steps.append(Step(position: position, outcome: outcome, changedDocuments: changedDocuments))
        advance()
    }

    /// Takes back the last decision and returns to its task; returns it, or nil when there is none.
    mutating func undoLast() -> Step? {
        guard let step = steps.popLast() else { return nil }
        let id = queue[step.position]
        outcomes[id] = steps.last(where: { queue[$0.position] == id })?.outcome
        position = step.position
        prompt = .none
        finished = false
        return step
    }

    /// Goes back to the previous task; false at the first one.
    mutating func back() -> Bool {
        prompt = .none
        guard position > 0 else { return false }
        position -= 1
        finished = false
        return true
    }

    /// Moves to the next task (or the summary).
    mutating func advance() {
        prompt = .none
        position += 1
        if position >= queue.count { finished = true }
    }

    /// Stops early and shows the summary.
    mutating func finish() {
        prompt = .none
        finished = true
    }

    /// One-line summary, e.g. "Review done: 2 verified, 1 completed, 3 kept, 0 moved, 1 reprioritized, 4 skipped".
    public var summary: String {
        let t = tally
        var text = "Review done: \(t.verified) verified, \(t.completed) completed, \(t.kept) kept, "
            + "\(t.moved) moved, \(t.reprioritized) reprioritized, \(t.skipped) skipped"
        let left = notReviewed.count
        if left > 0 { text += ", \(left) not reviewed" }
        return text
    }

    /// The summary as Markdown notes: a heading per outcome listing its tasks, then the tasks
    /// not reviewed. `date` goes into the title when given.
    public func markdown(date: String? = nil) -> String {
        var lines = ["# Weekly review" + (date.map { " \($0)" } ?? ""), "", summary + ".", ""]
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("## \(title) (\(items.count))")
            lines.append("")
            lines += items.map { "- " + $0 }
            lines.append("")
        }
        for outcome in Outcome.allCases { section(outcome.title, titles(with: outcome)) }
        section("Not reviewed", notReviewed)
        return lines.joined(separator: "\n")
    }
}
