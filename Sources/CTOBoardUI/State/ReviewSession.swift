import CTOBoardCore

/// The weekly review: walks every task awaiting verification, then every task in progress, one at
/// a time, and ends with a summary.
///
/// Keys (fixed, shown on the review card): `v` verify, `c` complete, `k` keep, `m` move (then
/// `1`–`5` for the pane), `p` reprioritize (then `h`/`m`/`l`), `s` or Space skip, `q` or Esc stop
/// early. On the summary, any key returns to the board.
public struct ReviewSession: Hashable, Sendable {
    /// A follow-up question for the current task.
    public enum Prompt: Hashable, Sendable {
        case none
        /// Waiting for a pane number 1–5.
        case move
        /// Waiting for h/m/l.
        case reprioritize
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
    /// Index of the current task in ``queue``.
    public internal(set) var position: Int
    /// The pending follow-up question.
    public internal(set) var prompt: Prompt
    /// What was done so far.
    public internal(set) var tally: Tally
    /// True once every task was seen (or the review was stopped): the summary is shown.
    public internal(set) var finished: Bool

    /// Starts a review over `tasks` (in board order): every task in state verify, then every
    /// not-done task in the In Progress pane.
    public init(tasks: [BoardTask]) {
        let verify = tasks.filter { $0.state == .verify }.map(\.id)
        let verifySet = Set(verify)
        let doing = tasks.filter { $0.pane == .inProgress && $0.state != .done && !verifySet.contains($0.id) }.map(\.id)
        self.queue = verify + doing
        self.position = 0
        self.prompt = .none
        self.tally = Tally()
        self.finished = queue.isEmpty
    }

    /// Id of the task under review, or nil on the summary.
    public var currentID: String? {
        finished || position >= queue.count ? nil : queue[position]
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
        "Review done: \(tally.verified) verified, \(tally.completed) completed, \(tally.kept) kept, "
            + "\(tally.moved) moved, \(tally.reprioritized) reprioritized, \(tally.skipped) skipped"
    }
}
