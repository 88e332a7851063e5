import ArgumentParser
import CTOBoardCore

/// The options that find the pair of documents, shared by every command.
struct PairOptions: ParsableArguments {
    @Option(name: .customLong("owner-doc"), help: ArgumentHelp("The owner's task document.", valueName: "path"),
            completion: .file(extensions: ["md"]))
    var ownerDoc: String?

    @Option(help: ArgumentHelp("The project TODO.md (default: the owner document's sync line).", valueName: "path"),
            completion: .file(extensions: ["md"]))
    var todo: String?

    @Option(help: ArgumentHelp("The owner whose tasks to use, as TODO.md tags them (default: CTO).", valueName: "name"))
    var owner: String?

    /// The settings in effect: the repository's `.ctoboard.toml` over the user's own config
    /// (which alone may set programs to run); nil when neither exists. Warns about the
    /// repository settings it ignores.
    func config() throws(CLIError) -> Config? {
        let repository: Config?
        do {
            repository = try Config.find(from: Paths.currentDirectory())
        } catch {
            throw CLIError(error.description, code: .badInput)
        }
        for warning in repository?.warnings ?? [] { printError("ctoboard: warning: \(warning)") }
        return try Self.userSettings(over: repository)
    }

    /// The user's own config with `repository`'s settings over it (see ``UserConfig``).
    static func userSettings(over repository: Config?) throws(CLIError) -> Config? {
        do {
            return try UserConfig.load(environment: Environment.variables).applied(to: repository)
        } catch {
            throw CLIError(error.description, code: .badInput)
        }
    }

    /// Every pair these options name.
    func pairs(config: Config?) throws(CLIError) -> [PairPaths] {
        do {
            return try PairLocator.locate(ownerDoc: ownerDoc, todo: todo, owner: owner, config: config)
        } catch {
            throw CLIError(error.description, code: .badInput)
        }
    }

    /// The pair of one owner document, its TODO.md found from its sync line.
    static func locate(ownerDoc: String) throws(CLIError) -> PairPaths {
        do {
            return try PairLocator.locate(ownerDoc: ownerDoc, todo: nil, owner: nil, config: nil)[0]
        } catch {
            throw CLIError(error.description, code: .badInput)
        }
    }

    /// Exactly one pair: the first the options name.
    func pair(config: Config?) throws(CLIError) -> PairPaths {
        try pairs(config: config)[0]
    }

    /// Reads and matches a pair, first recovering a transaction a crash left (every command
    /// recovers on start, `list` and `check` included).
    func load(_ paths: PairPaths, config: Config? = nil) throws(CLIError) -> TaskPair {
        let session = Session(paths: paths, config: config ?? Config(),
                              today: CalendarDate.today(environment: Environment.variables))
        do {
            return try session.load()
        } catch {
            throw error.cli
        }
    }
}
