import Foundation
import TOMLKit

/// Styles per ``ThemeRole``, loaded from a TOML theme file (see `themes/README.md`).
///
/// ```toml
/// name = "default"
/// [selected-row]
/// fg = "black"
/// bg = "bright-cyan"   # a name or 0-255
/// bold = true
/// ```
public struct Theme: Hashable, Sendable {
    /// A problem in a theme file: the message names the key, `line` is 1-based when known.
    public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong, naming the offending key.
        public var message: String
        /// 1-based line in the file, when known.
        public var line: Int?
        /// The file, when loaded from a path.
        public var path: String?

        /// Creates an error.
        public init(message: String, line: Int? = nil, path: String? = nil) {
            self.message = message
            self.line = line
            self.path = path
        }

        public var description: String {
            var prefix = path.map { "\($0): " } ?? "theme: "
            if let line { prefix += "line \(line): " }
            return prefix + message
        }
    }

    /// The theme's name (from `name = "..."`, else the file name).
    public var name: String
    /// Style per role; roles missing here use the mono theme's style.
    public var styles: [ThemeRole: Style]

    /// Creates a theme from explicit styles.
    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a role.
    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? Theme.monoStyles[role] ?? .plain
    }

    // MARK: Built-in themes

    /// The default (dark) theme, parsed from the built-in copy of `themes/default.toml`.
    public static let `default`: Theme = {
        (try? Theme(toml: BuiltinThemes.defaultTOML)) ?? Theme(name: "default", styles: monoStyles)
    }()

    /// The monochrome theme: attributes only (reverse, bold, underline, dim), no colors.
    public static let mono: Theme = Theme(name: "mono", styles: monoStyles)

    private static let monoStyles: [ThemeRole: Style] = {
        guard let table = try? TOMLTable(string: BuiltinThemes.monoTOML),
              let theme = try? Theme(table: table, text: BuiltinThemes.monoTOML, fallbackStyles: [:]) else {
            return [.selectedRow: Style(attributes: [.reverse, .bold])]
        }
        return theme.styles
    }()

    // MARK: Parsing

    /// Parses a theme from TOML text.
    /// - Throws: ``LoadError`` with the line of a syntax error, an unknown role, an unknown color
    ///   name or a value of the wrong type.
    public init(toml text: String, name defaultName: String = "custom") throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(message: "TOML syntax error: \(error.description)", line: error.source.begin.line)
        }
        self = try Theme(table: table, text: text, fallbackStyles: Theme.monoStyles, defaultName: defaultName)
    }

    private init(table: TOMLTable, text: String, fallbackStyles: [ThemeRole: Style], defaultName: String = "custom") throws {
        var styles = fallbackStyles
        var name = defaultName
        for (key, value) in table {
            if key == "name" {
                guard let string = value.string else {
                    throw LoadError(message: "name: expected a string", line: TOMLLines.line(ofKey: "name", in: text))
                }
                name = string
                continue
            }
            guard let role = ThemeRole(name: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw LoadError(message: "\(key): unknown role (known: \(known))",
                                line: TOMLLines.line(ofKey: key, in: text))
            }
            guard let roleTable = value.table else {
                throw LoadError(message: "\(key): expected a table like [\(key)] with fg, bg, bold, ...",
                                line: TOMLLines.line(ofKey: key, in: text))
            }
            styles[role] = try Theme.parseStyle(roleTable, roleKey: key, text: text)
        }
        self.name = name
        self.styles = styles
    }

    private static func parseStyle(_ table: TOMLTable, roleKey: String, text: String) throws -> Style {
        var style = Style()
        func line(_ key: String) -> Int? {
            TOMLLines.line(ofKey: key, inTable: roleKey, in: text) ?? TOMLLines.line(ofKey: roleKey, in: text)
        }
        for (key, value) in table {
            switch key {
            case "fg", "bg":
                let color: TermColor?
                if let string = value.string {
                    color = TermColor(name: string)
                    if color == nil {
                        throw LoadError(message: "\(roleKey).\(key): unknown color \"\(string)\" (use default, black, red, green, yellow, blue, magenta, cyan, white, bright-<name>, or 0-255)", line: line(key))
                    }
                } else if let number = value.int {
                    guard (0...255).contains(number) else {
                        throw LoadError(message: "\(roleKey).\(key): color number \(number) out of range 0-255", line: line(key))
                    }
                    color = .indexed(UInt8(number))
                } else {
                    throw LoadError(message: "\(roleKey).\(key): expected a color name or a number 0-255", line: line(key))
                }
                if key == "fg" { style.fg = color ?? .default } else { style.bg = color ?? .default }
            case "bold", "reverse", "underline", "dim":
                guard let flag = value.bool else {
                    throw LoadError(message: "\(roleKey).\(key): expected true or false", line: line(key))
                }
                let attribute: Style.Attributes
                switch key {
                case "bold": attribute = .bold
                case "reverse": attribute = .reverse
                case "underline": attribute = .underline
                default: attribute = .dim
                }
                if flag { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
            default:
                throw LoadError(message: "\(roleKey).\(key): unknown key (use fg, bg, bold, reverse, underline, dim)", line: line(key))
            }
        }
        return style
    }

    /// Loads a theme file.
    /// - Throws: ``LoadError`` naming the path (and line) when the file cannot be read or is invalid.
    public static func load(path: String) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LoadError(message: "cannot read theme file", path: path)
        }
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            return try Theme(toml: text, name: base)
        } catch var error as LoadError {
            error.path = path
            throw error
        }
    }

    // MARK: Lookup

    /// The folders searched for `NAME.toml`, in order: `themes/` next to the executable, then
    /// `../share/ctoboard/themes` relative to it. Never the current directory: a repository
    /// one runs ctoboard in does not get to restyle it (every shipped theme is built in).
    public static func searchPath(executablePath: String? = Bundle.main.executablePath ?? CommandLine.arguments.first) -> [String] {
        var folders: [String] = []
        if let executablePath, !executablePath.isEmpty {
            let resolved = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            let dir = resolved.deletingLastPathComponent()
            folders.append(dir.appendingPathComponent("themes").path)
            folders.append(dir.deletingLastPathComponent().appendingPathComponent("share/ctoboard/themes").path)
        }
        return folders
    }

    /// Resolves a theme by name or path.
    ///
    /// `nameOrPath` containing "/" or ending in ".toml" is a file path. Otherwise `NAME.toml` is
    /// looked up in `searchPath`; every theme of `themes/` falls back to its built-in copy when no
    /// file is found.
    /// - Throws: ``LoadError`` when the theme is not found or invalid.
    public static func named(_ nameOrPath: String, searchPath: [String] = Theme.searchPath()) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try load(path: nameOrPath)
        }
        for folder in searchPath {
            let candidate = (folder as NSString).appendingPathComponent(nameOrPath + ".toml")
            if FileManager.default.fileExists(atPath: candidate) {
                return try load(path: candidate)
            }
        }
        switch nameOrPath {
        case "default": return .default
        case "mono": return .mono
        default:
            if let text = BuiltinThemes.all[nameOrPath] { return try Theme(toml: text, name: nameOrPath) }
            let names = BuiltinThemes.all.keys.sorted().joined(separator: ", ")
            throw LoadError(message: "theme \"\(nameOrPath)\" not found (built in: \(names); searched \(searchPath.joined(separator: ", ")))")
        }
    }

    /// Picks the theme to use and never fails: `NO_COLOR` (set and not empty) or a terminal
    /// without colors gives ``mono``; otherwise `nameOrPath` (or "default"), falling back to
    /// ``default`` with a warning describing the error.
    public static func resolve(_ nameOrPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               terminalHasColors: Bool = true,
                               searchPath: [String] = Theme.searchPath()) -> (theme: Theme, warning: String?) {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return (.mono, nil) }
        if !terminalHasColors { return (.mono, nil) }
        do {
            return (try named(nameOrPath ?? "default", searchPath: searchPath), nil)
        } catch {
            return (.default, "\(error); using the default theme")
        }
    }
}
