/// The user's own config, `$XDG_CONFIG_HOME/ctoboard/config.toml` (default
/// `~/.config/ctoboard/config.toml`): the only place, with the environment, that may set a
/// program to run.
///
/// ```toml
/// editor = "code -g {file}:{line}"   # opens a task's line; {file} and {line} are filled in
/// theme = "light"                    # also: [keys], mouse, layout
/// ```
/// A repository's `.ctoboard.toml` may override the other settings, never `editor`.
public struct UserConfig: Sendable, Equatable {
    /// The settings it holds (its `path` is the user config's).
    public var settings: Config

    /// The keys that run a program: read only from here or the environment.
    public static let programKeys: Set<String> = ["editor"]
    /// The keys the user config may set.
    static let knownKeys: Set<String> = ["theme", "keys", "mouse", "layout"]
    /// The environment variable that sets the editor command, over the user config's.
    public static let editorVariable = "CTOBOARD_EDITOR"
    /// How messages name the file.
    public static let displayPath = "~/.config/ctoboard/config.toml"

    public init(settings: Config = Config()) {
        self.settings = settings
    }

    /// Parses the user config's text. Errors name the file, the line and the key.
    public init(text: String, path: String) throws(ConfigError) {
        settings = try Config(text: text, path: path, knownKeys: Self.knownKeys, runsPrograms: true)
    }

    /// Where the user config lives for `environment`.
    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return Paths.join(xdg, "ctoboard/config.toml") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return Paths.join(home, ".config/ctoboard/config.toml")
    }

    /// Reads the user config (empty when there is none), with the environment's editor command
    /// over its own.
    public static func load(environment: [String: String]) throws(ConfigError) -> UserConfig {
        var user = UserConfig()
        if let path = path(environment: environment), FileIO.isFile(path) {
            user = try UserConfig(text: Config.readText(at: path), path: path)
        }
        if let editor = environment[editorVariable], !editor.isEmpty { user.settings.editorCommand = editor }
        return user
    }

    /// Whether it sets anything.
    var isEmpty: Bool {
        var bare = settings
        bare.path = nil
        return bare == Config()
    }

    /// The settings in effect: the user's, with the repository config's non-program settings
    /// over them. Nil when neither sets anything.
    public func applied(to repository: Config?) -> Config? {
        guard var result = repository ?? (isEmpty ? nil : Config()) else { return nil }
        result.theme = repository?.theme ?? settings.theme
        result.mouse = repository?.mouse ?? settings.mouse
        result.layout = repository?.layout ?? settings.layout
        result.keys = settings.keys.merging(repository?.keys ?? [:]) { _, repo in repo }
        // Never from the repository.
        result.editorCommand = settings.editorCommand
        return result
    }
}
