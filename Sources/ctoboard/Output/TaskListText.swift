import CTOBoardCore

/// The plain-text `list` form: tasks grouped by pane.
enum TaskListText {
    static func render(_ pair: TaskPair) -> String {
        var out = "\(pair.paths.owner): \(pair.paths.ownerDoc)\n  synced with \(pair.paths.todo)\n"
        let panes: [Pane?] = Pane.allCases.map { Optional($0) } + [nil]
        for pane in panes {
            let tasks = pair.tasks.filter { $0.pane == pane }
            if tasks.isEmpty && pane == nil { continue }
            out += "\n\(pane?.title ?? "Unknown section") (\(tasks.count))\n"
            var group: String?
            for task in tasks {
                if pane == .completed, task.group != group, let g = task.group {
                    out += "  \(g)\n"
                }
                group = task.group
                let box: String
                switch task.state {
                case .done: box = "[x]"
                case .verify: box = "[?]"
                case .open: box = "[ ]"
                }
                var flags: [String] = []
                if task.state == .verify { flags.append("VERIFY") }
                if task.critical { flags.append("CRITICAL") }
                if task.owner == nil { flags.append("only in TODO.md") }
                if task.todo == nil { flags.append("only in owner doc") }
                let suffix = flags.isEmpty ? "" : "  (" + flags.joined(separator: ", ") + ")"
                out += "  \(task.id.padding(8)) \(box) \(task.title)\(suffix)\n"
            }
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
