import CTOBoardCore
import FuzzSupport

/// The task matcher and `check`: any two documents (split at the first NUL byte, else in the
/// middle) make a pair; matching, drift and its messages, and resolving each task by its id
/// never crash, and every task is found by its own id.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatcher(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var parts = splitAtNUL(bytes, parts: 3)
    if parts.count == 1 {
        let mid = bytes.count / 2
        parts = [Array(bytes[..<mid]), Array(bytes[mid...])]
    }
    let owners = ["CTO", "Backend", "cto", "Ünïcode Owner"]
    let owner = owners[Int(parts.count > 2 ? parts[2].first ?? 0 : 0) % owners.count]
    let paths = PairPaths(owner: owner, ownerDoc: "/fuzz/OWNER.md", todo: "/fuzz/TODO.md")
    let pair = TaskPair(paths: paths, ownerBytes: parts[0], todoBytes: parts[1])
    var ids = Set<String>()
    for task in pair.tasks {
        invariant(task.owner != nil || task.todo != nil, "a matched task with neither side")
        invariant(ids.insert(task.id).inserted, "two tasks share id \(task.id)")
        _ = task.title; _ = task.state; _ = task.pane; _ = task.group; _ = task.critical
    }
    for drift in pair.drift() {
        _ = "\(drift.kind) \(drift.task.title) \(drift.task.id)"
    }
    for task in pair.tasks.prefix(32) {
        do {
            let found = try pair.resolve(task.id)
            invariant(found.id == task.id, "resolve(\(task.id)) found \(found.id)")
        } catch {
            invariant(false, "resolve(\(task.id)) failed: \(error)")
        }
        _ = try? pair.resolve(task.title)
    }
    return 0
}

@_cdecl("FuzzMatcher_main")
public func fuzzMatcherMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzMatcher($0, $1) }
}
