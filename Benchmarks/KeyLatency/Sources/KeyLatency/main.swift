// Usage: KeyLatency OWNER_DOC TODO [WIDTH HEIGHT ROUNDS]
// Prints the median and the 99th percentile of update + render per key, in milliseconds, for a
// mix of navigation, pane changes and filter keys, plus the time to build the first frame.
import CTOBoardCore
import CTOBoardUI
import Glibc

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: KeyLatency OWNER_DOC TODO [WIDTH HEIGHT ROUNDS]")
    exit(2)
}
let width = args.count > 3 ? Int(args[3]) ?? 120 : 120
let height = args.count > 4 ? Int(args[4]) ?? 40 : 40
let rounds = args.count > 5 ? Int(args[5]) ?? 200 : 200

let t0 = now()
let pair = try TaskPair.load(PairPaths(owner: "CTO", ownerDoc: args[1], todo: args[2]))
let tasks = pair.tasks.compactMap { t -> BoardTask? in
    guard let pane = t.pane else { return nil }
    return BoardTask(id: t.id, title: t.title, pane: pane, state: t.state, critical: t.critical, group: t.group)
}
var state = BoardState(tasks: tasks, header: HeaderInfo(ownerName: "CTO", ownerDocPath: args[1], todoPath: args[2]))
state.setViewport(width: width, height: height)
_ = BoardView.render(state, width: width, height: height, theme: .default)
let firstFrame = now() - t0

let keys: [KeyEvent] = [.down, .down, .down, .pageDown, .right, .down, .end, .home, .left, .tab, .char("j"), .char("k")]
var samples: [Double] = []
for i in 0..<rounds {
    let key = keys[i % keys.count]
    let start = now()
    _ = state.handle(key)
    let buffer = BoardView.render(state, width: width, height: height, theme: .default)
    samples.append(now() - start)
    precondition(buffer.width == width)
}
// Filter as you type across all panes, and clearing it.
for key in [KeyEvent.char("/"), .char("a"), .char("r"), .char("c"), .backspace, .escape] {
    let start = now()
    _ = state.handle(key)
    _ = BoardView.render(state, width: width, height: height, theme: .default)
    samples.append(now() - start)
}
samples.sort()
let median = samples[samples.count / 2]
let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
print("tasks=\(tasks.count) first_frame_ms=\(String(format: "%.1f", firstFrame)) key_median_ms=\(String(format: "%.3f", median)) key_p99_ms=\(String(format: "%.3f", p99)) key_max_ms=\(String(format: "%.3f", samples.last!))")
