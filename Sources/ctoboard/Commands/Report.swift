import ArgumentParser
import CTOBoardCore

/// `ctoboard report`: a Markdown summary of what changed, for the weekly sync notes.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a Markdown summary of what changed, from the history.")

    @Option(help: ArgumentHelp("Only changes on or after this date (YYYY-MM-DD; default: 7 days ago).", valueName: "date"))
    var since: String?
    @OptionGroup var pairOptions: PairOptions

    func run() throws {
        try reporting {
            let config = try pairOptions.config()
            let today = CalendarDate.today(environment: Environment.variables)
            let start: CalendarDate
            if let since {
                guard let d = CalendarDate(iso: since) else {
                    throw CLIError("--since \(since): not a date; use YYYY-MM-DD", code: .badInput)
                }
                start = d
            } else {
                start = today.adding(days: -7)
            }
            for paths in try pairOptions.pairs(config: config) {
                let store = StateStore(for: paths)
                let entries = History(path: store.historyPath(paths)).entries()
                print(WeeklyReport.markdown(entries: entries, owner: paths.owner, since: start, today: today))
            }
        }
    }
}
