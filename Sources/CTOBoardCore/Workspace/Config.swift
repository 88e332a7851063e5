import TOMLKit

/// The optional `.ctoboard.toml` file: owner → document pairs and preferences.
///
/// ```toml
/// owner = "CTO"                 # the default owner
/// update_last_updated = true    # set **Last Updated** lines on every change
/// theme = "default"             # a name from themes/ or a path
/// lock_timeout = 5              # seconds a command waits for another one
/// mouse = true                  # clicks and the wheel on the board
/// layout = "auto"               # the board: "auto", "columns" or "tabs"
///
/// [[pairs]]
/// owner = "CTO"
/// document = "docs/Development/CTO_OWNER.md"
/// todo = "docs/Project Management/TODO.md"   # optional: else the document's sync line
///
/// [keys]                        # board key bindings, see the README
/// toggle = "x"
/// ```
/// Relative paths are resolved against the folder that holds the config file, and must stay
/// inside the git work tree (else that folder): see ``Containment``. A repository's config never
/// sets a program to run (`editor`): that comes only from the user's own config, see
/// ``UserConfig``. Unknown keys are errors.
public struct Config: Sendable, Equatable {
    /// One owner's pair.
    public struct Pair: Sendable, Equatable {
        public var owner: String
        public var document: String
        public var todo: String?
    }

    /// The file this was read from.
    public var path: String?
    /// The default owner.
    public var owner: String?
    /// Owner → document pairs, in file order.
    public var pairs: [Pair] = []
    /// Whether changes set the `**Last Updated**:` lines (default true).
    public var updateLastUpdated = true
    /// The board theme.
    public var theme: String?
    /// Seconds to wait for the lock (default 5).
    public var lockTimeout: Double = 5
    /// Board key bindings: action → keys.
    public var keys: [String: [String]] = [:]
    /// Whether the board takes mouse input; nil leaves the default.
    public var mouse: Bool?
    /// The board's layout name; nil leaves the default.
    public var layout: String?
    /// The command template that opens a task in an editor (`code -g {file}:{line}`). Set only
    /// from the user's own config or the environment (see ``UserConfig/applied(to:)``), never
    /// from a repository's `.ctoboard.toml`.
    public var editorCommand: String?
    /// One-line warnings about settings that were ignored (a program-running key in a
    /// repository's config), for the caller to show.
    public var warnings: [String] = []

    /// The top-level keys of `.ctoboard.toml`.
    static let knownKeys: Set<String> = ["owner", "update_last_updated", "theme", "lock_timeout", "pairs", "keys", "mouse", "layout"]
    /// The keys of one `[[pairs]]` entry.
    static let knownPairKeys: Set<String> = ["owner", "document", "todo"]

    /// The default configuration.
    public init() {}

    /// The name of the config file.
    public static let fileName = ".ctoboard.toml"

    /// Parses a repository's config file text. Errors name the file, the line and the key.
    public init(text: String, path: String) throws(ConfigError) {
        try self.init(text: text, path: path, knownKeys: Self.knownKeys, runsPrograms: false)
    }

    /// Parses config text that may set `knownKeys`; `runsPrograms` says whether it may also set
    /// the keys that run a program (only the user's own config may).
    init(text: String, path: String, knownKeys: Set<String>, runsPrograms: Bool) throws(ConfigError) {
        self.path = path
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigError(path: path, line: nil, message: "\(error)")
        }
        func line(of key: String) -> Int? { ConfigError.line(of: key, in: text) }
        func string(_ value: TOMLValueConvertible?, _ key: String) throws(ConfigError) -> String? {
            guard let value else { return nil }
            guard let s = value.string else {
                throw ConfigError(path: path, line: line(of: key), message: "`\(key)` must be a string")
            }
            return s
        }
        func bool(_ key: String) throws(ConfigError) -> Bool? {
            guard let value = table[key] else { return nil }
            guard let b = value.bool else {
                throw ConfigError(path: path, line: line(of: key), message: "`\(key)` must be true or false")
            }
            return b
        }
        for key in table.keys.sorted() where !knownKeys.contains(key) {
            if runsPrograms && UserConfig.programKeys.contains(key) { continue }
            if UserConfig.programKeys.contains(key) {
                warnings.append("\(path)\(line(of: key).map { ":\($0)" } ?? ""): `\(key)` runs a program, so it is read only from your own \(UserConfig.displayPath) or $\(UserConfig.editorVariable); ignored here")
                continue
            }
            throw ConfigError(path: path, line: line(of: key), message: "unknown key `\(key)`; the keys are \(knownKeys.sorted().joined(separator: ", "))")
        }
        if runsPrograms { editorCommand = try string(table["editor"], "editor") }
        owner = try string(table["owner"], "owner")
        theme = try string(table["theme"], "theme")
        layout = try string(table["layout"], "layout")
        mouse = try bool("mouse")
        if let layout, !["auto", "columns", "tabs"].contains(layout) {
            throw ConfigError(path: path, line: line(of: "layout"), message: "`layout` must be \"auto\", \"columns\" or \"tabs\"")
        }
        if let b = try bool("update_last_updated") { updateLastUpdated = b }
        if let v = table["lock_timeout"] {
            guard let d = v.double ?? v.int.map(Double.init), d >= 0 else {
                throw ConfigError(path: path, line: line(of: "lock_timeout"), message: "`lock_timeout` must be a number of seconds")
            }
            lockTimeout = d
        }
        if let v = table["pairs"] {
            guard let array = v.array else {
                throw ConfigError(path: path, line: line(of: "pairs"), message: "`pairs` must be an array of tables ([[pairs]])")
            }
            for element in array {
                if let t = element.table, let unknown = t.keys.sorted().first(where: { !Self.knownPairKeys.contains($0) }) {
                    throw ConfigError(path: path, line: line(of: unknown), message: "unknown key `\(unknown)` in [[pairs]]; the keys are owner, document, todo")
                }
                guard let t = element.table,
                      let owner = try string(t["owner"], "owner"),
                      let document = try string(t["document"], "document") else {
                    throw ConfigError(path: path, line: line(of: "pairs"), message: "each [[pairs]] needs `owner` and `document`")
                }
                pairs.append(Pair(owner: owner, document: document, todo: try string(t["todo"], "todo")))
            }
        }
        if let v = table["keys"] {
            guard let t = v.table else {
                throw ConfigError(path: path, line: line(of: "keys"), message: "`keys` must be a table ([keys])")
            }
            for key in t.keys {
                if let s = t[key]?.string {
                    keys[key] = [s]
                } else if let a = t[key]?.array, a.allSatisfy({ $0.string != nil }) {
                    keys[key] = a.compactMap { $0.string }
                } else {
                    throw ConfigError(path: path, line: line(of: key), message: "keys.\(key) must be a key name or a list of key names")
                }
            }
        }
    }

    /// The 1-based line of the config file at `path` that sets `key` to `value`, if found.
    static func line(in path: String, key: String, value: String) -> Int? {
        guard let bytes = try? FileIO.readRaw(at: path) else { return nil }
        var number = 0
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingSpaces()
            if line.hasPrefix(key) && line.contains(value) { return number }
        }
        return nil
    }

    /// Reads the config from `.ctoboard.toml` in `directory`, else at the git work tree root;
    /// nil when there is none.
    public static func find(from directory: String) throws(ConfigError) -> Config? {
        var candidates = [Paths.join(directory, fileName)]
        if let root = Paths.gitWorkTree(from: directory) { candidates.append(Paths.join(root, fileName)) }
        for path in candidates where FileIO.isFile(path) {
            return try Config(text: readText(at: path), path: path)
        }
        return nil
    }

    /// The text of a config file; its read error as a ``ConfigError``.
    static func readText(at path: String) throws(ConfigError) -> String {
        do {
            return String(decoding: try FileIO.readDocument(at: path, missingHint: ""), as: UTF8.self)
        } catch {
            throw ConfigError(path: path, line: nil, message: error.description)
        }
    }
}
