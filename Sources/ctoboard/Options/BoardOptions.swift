import ArgumentParser
import CTOBoardCore
import CTOBoardUI

/// Options of the commands that show the board.
struct BoardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A theme name from themes/ (default, light, high-contrast, mono) or a theme file.",
                               valueName: "name|path"))
    var theme: String?

    /// The key map: defaults with the config's `[keys]` applied.
    func keyMap(config: Config?) throws(CLIError) -> KeyMap {
        guard let config, !config.keys.isEmpty else { return .default }
        var map = KeyMap.default
        for (actionName, names) in config.keys.sorted(by: { $0.key < $1.key }) {
            guard let action = Action(name: actionName) else {
                throw CLIError("\(config.path ?? Config.fileName): [keys] has an unknown action `\(actionName)`; see `ctoboard --help` and the README for the list", code: .badInput)
            }
            var keys: [KeyEvent] = []
            for name in names {
                guard let key = KeyEvent(name: name) else {
                    throw CLIError("\(config.path ?? Config.fileName): keys.\(actionName) has an unknown key `\(name)`", code: .badInput)
                }
                keys.append(key)
            }
            map = map.rebinding(action, to: keys)
        }
        return map
    }

    /// The theme to use, with a warning when the requested one could not be loaded.
    func resolveTheme(config: Config?, hasColors: Bool) -> (Theme, String?) {
        let (theme, warning) = Theme.resolve(theme ?? config?.theme, environment: Environment.variables, terminalHasColors: hasColors)
        return (theme, warning)
    }
}
