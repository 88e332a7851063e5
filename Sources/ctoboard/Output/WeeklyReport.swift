import CTOBoardCore

/// The Markdown summary `ctoboard report` prints: what was verified, completed, started, added
/// and reprioritized, from the history. Changes later undone are left out.
enum WeeklyReport {
    static func markdown(entries: [HistoryEntry], owner: String, since: CalendarDate, today: CalendarDate) -> String {
        let undone = Set(History.stacks(entries).redo.map(\.seq))
        let recent = entries.filter { CalendarDate(iso: $0.date).map { $0 >= since } ?? false && !undone.contains($0.seq) }
        var out = "## \(owner): changes \(since.iso) to \(today.iso)\n"
        let sections: [(ChangeKind, String)] = [
            (.verified, "Verified"), (.completed, "Completed (awaiting verification)"), (.started, "Started"),
            (.added, "Added"), (.reprioritized, "Reprioritized"), (.moved, "Moved"), (.edited, "Renamed"),
            (.deleted, "Deleted"),
        ]
        var any = false
        for (kind, heading) in sections {
            let items = recent.filter { $0.kind == kind }
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
}
