import ArgumentParser

/// Lets the pair options come before the subcommand: `ctoboard --owner-doc X list` is read as
/// `ctoboard list --owner-doc X`.
enum CommandLineOrder {
    /// The leading options that may precede a subcommand, each taking a value.
    static let leadingOptions: Set<String> = ["--owner-doc", "--todo", "--owner", "--theme"]

    /// `arguments` with the subcommand names that follow leading options moved before them.
    static func subcommandFirst(_ arguments: [String], root: ParsableCommand.Type) -> [String] {
        var options: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.prefix { $0 != "=" })
            guard leadingOptions.contains(name) else { break }
            options.append(argument)
            if !argument.contains("="), index + 1 < arguments.count {
                options.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard !options.isEmpty else { return arguments }
        var path: [String] = []
        var command = root
        while index < arguments.count,
              let sub = command.configuration.subcommands.first(where: { $0._commandName == arguments[index] }) {
            path.append(arguments[index])
            command = sub
            index += 1
        }
        return path + options + arguments[index...]
    }
}
