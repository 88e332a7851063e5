extension SyncEngine {
    /// Without a base: pairs of tasks found only in the owner document and only in TODO.md whose
    /// titles closely match (as ``renames(base:baseIDs:current:currentIDs:count:)`` matches a
    /// base task to a new one), as (owner task's number, TODO.md task's number).
    static func likelyRenames(owner: SideTasks, ownerIDs: [Int], todo: SideTasks, todoIDs: [Int],
                              count: Int) -> [(owner: Int, todo: Int)] {
        // The owner document plays the base: its tasks missing from TODO.md are matched to
        // TODO.md's tasks missing from it.
        let matched = renames(base: owner, baseIDs: ownerIDs, current: todo, currentIDs: todoIDs, count: count)
        return matched.enumerated().compactMap { $0.element >= 0 ? ($0.offset, $0.element) : nil }
    }
}
