import CTOBoardCore

/// The Markdown summary `ctoboard report` prints: what was verified, completed, started, added,
/// reprioritized, moved, renamed and deleted, from the history: the owner's own changes and those
/// that arrived through `sync` and `watch` (anyone's). Changes later undone are left out; each
/// task is listed once, with its net change.
enum WeeklyReport {
    /// One task's change on a date.
    struct Change {
        var kind: ChangeKind
        var title: String
        var from: Pane?
        var to: Pane?
        var date: String
    }

    static func markdown(entries: [HistoryEntry], owner: String, since: CalendarDate, today: CalendarDate) -> String {
        let undone = Set(History.stacks(entries).redo.map(\.seq))
        let recent = entries.filter { CalendarDate(iso: $0.date).map { $0 >= since } ?? false && !undone.contains($0.seq) }
        var out = "## \(owner): changes \(since.iso) to \(today.iso)\n"
        let net = netChanges(recent.flatMap(changes))
        let sections: [(ChangeKind, String)] = [
            (.verified, "Verified"), (.completed, "Completed (awaiting verification)"), (.started, "Started"),
            (.added, "Added"), (.reprioritized, "Reprioritized"), (.moved, "Moved"), (.edited, "Renamed"),
            (.deleted, "Deleted"),
        ]
        var any = false
        for (kind, heading) in sections {
            let items = net.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            any = true
            out += "\n### \(heading) (\(items.count))\n"
            for e in items {
                var line = "- \(e.title)"
                if kind == .reprioritized || kind == .moved, let from = e.from, let to = e.to {
                    line += " (\(from.title) → \(to.title))"
                }
                out += line + " — \(e.date)\n"
            }
        }
        if !any { out += "\nNo changes recorded.\n" }
        return out
    }

    /// The task changes of one history entry: its own, or for a sync each task's it carried.
    static func changes(_ e: HistoryEntry) -> [Change] {
        switch e.kind {
        case .synced:
            return (e.changes ?? []).map { Change(kind: $0.kind, title: $0.title, from: $0.from, to: $0.to, date: e.date) }
        case .undone, .redone, .recovered:
            // Undo and redo count through the change they name (left out while it is undone);
            // as the task's last change they would hide it.
            return []
        default:
            return [Change(kind: e.kind, title: e.title, from: e.from, to: e.to, date: e.date)]
        }
    }

    /// One change per task (by title, in order of first change): an addition stays an addition
    /// (gone when the task was deleted again), a deletion wins, else the last change of
    /// section or checkbox, spanning the first `from` to the last `to` (nothing when it came
    /// back to where it started); a rename only when nothing else changed.
    static func netChanges(_ changes: [Change]) -> [Change] {
        var order: [String] = []
        var byTitle: [String: [Change]] = [:]
        for c in changes {
            let key = c.title.lowercased()
            if byTitle[key] == nil { order.append(key) }
            byTitle[key, default: []].append(c)
        }
        return order.compactMap { key -> Change? in
            let all = byTitle[key]!
            let last = all.last!
            let added = all.contains { $0.kind == .added }
            if last.kind == .deleted { return added ? nil : last }
            if added {
                var c = all.first { $0.kind == .added }!
                c.title = last.title
                c.date = last.date
                return c
            }
            guard var c = all.last(where: { $0.kind != .edited }) else { return last }
            if c.kind == .reprioritized || c.kind == .moved {
                c.from = all.first(where: { $0.from != nil })?.from ?? c.from
                if c.from == c.to { return nil }
            }
            return c
        }
    }
}
