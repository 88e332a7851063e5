#if canImport(Glibc)
import Glibc
#endif

extension Session {
    /// The history entry of a sync: what was carried, as one line and task by task.
    func syncedEntry(_ seq: Int, _ plan: SyncPlan) -> HistoryEntry {
        HistoryEntry(seq: seq, date: today.iso, time: Double(time(nil)), kind: .synced, title: plan.carried.joined(separator: "; "),
                     taskID: nil, from: nil, to: nil, ref: nil, owner: [], todo: [], changes: plan.changes)
    }
}
