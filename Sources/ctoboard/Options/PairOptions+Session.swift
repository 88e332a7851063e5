import ArgumentParser
import CTOBoardCore

extension PairOptions {
    /// A session on the one pair these options name.
    func session() throws(CLIError) -> Session {
        let config = try self.config()
        let paths = try pair(config: config)
        return Session.cli(paths: paths, config: config, today: CalendarDate.today(environment: Environment.variables))
    }
}

extension SessionError {
    /// As a CLI error with the documented exit code.
    var cli: CLIError {
        switch self {
        case .locate, .document, .operation, .symlinkedState: CLIError(description, code: .badInput)
        case .undo, .massDeletion: CLIError(description, code: .drift)
        case .write, .changedUnderneath: CLIError(description, code: .writeFailed)
        case .locked: CLIError(description, code: .locked)
        }
    }
}

extension Pane: ExpressibleByArgument {
    public static var allValueStrings: [String] { ["completed", "in-progress", "high", "medium", "low"] }
}
