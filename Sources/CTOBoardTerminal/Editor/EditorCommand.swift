import CTOBoardUI
import Foundation

/// Which program opens a document at a line, as an argument vector (never a shell string).
///
/// With a template (from the environment variable `CTOBOARD_EDITOR`, later also from the user's
/// own config; never from a repository's `.ctoboard.toml`, which anyone who can push could set):
/// the template is split into words like a shell would split it, without any expansion (quotes
/// group words, a backslash escapes one character), then `{file}` and `{line}` are replaced
/// inside each word. A path with spaces therefore stays one argument. A template without
/// `{file}` gets the file appended.
///
/// Without a template: `$VISUAL`, else `$EDITOR`, else `vi`, split into words the same way
/// (so `code -w` works), called as `EDITOR +LINE FILE`.
///
/// ```swift
/// let command = EditorCommand(template: "code -g {file}:{line}", environment: [:])
/// try command.argv(file: "/tmp/my docs/TODO.md", line: 12)
/// // ["code", "-g", "/tmp/my docs/TODO.md:12"]
/// ```
public struct EditorCommand: Sendable, Equatable {
    /// An editor setting that cannot be used.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The name of the environment variable that holds a template.
    public static let templateVariable = "CTOBOARD_EDITOR"

    /// A command template with `{file}` and `{line}` placeholders, or nil.
    public var template: String?
    /// The environment `VISUAL` and `EDITOR` are read from.
    public var environment: [String: String]

    /// Creates an editor command.
    public init(template: String? = nil, environment: [String: String]) {
        self.template = template
        self.environment = environment
    }

    /// The editor of an environment: the template from `CTOBOARD_EDITOR`, else `VISUAL`/`EDITOR`.
    public init(environment: [String: String]) {
        self.init(template: environment[Self.templateVariable], environment: environment)
    }

    /// The arguments that open `file` at `line` (1-based); the first is the program.
    public func argv(file: String, line: Int) throws(Failure) -> [String] {
        if let template, !Self.isBlank(template) {
            guard let words = Self.words(template) else {
                throw Failure(description: "\(Self.templateVariable): unbalanced quote in \"\(template)\"; fix the quotes")
            }
            let hasFile = words.contains { $0.contains("{file}") }
            let argv = words.map {
                $0.replacingOccurrences(of: "{file}", with: file).replacingOccurrences(of: "{line}", with: String(line))
            }
            return hasFile ? argv : argv + [file]
        }
        let (name, value) = [("VISUAL", environment["VISUAL"]), ("EDITOR", environment["EDITOR"])]
            .first { $0.1.map { !Self.isBlank($0) } ?? false } ?? ("", "vi")
        guard let editor = value, let words = Self.words(editor) else {
            throw Failure(description: "$\(name): unbalanced quote in \"\(value ?? "")\"; fix the quotes")
        }
        return words + ["+\(line)", file]
    }

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }

    /// Splits a command line into words: blanks separate words, single quotes keep everything
    /// literally, double quotes keep everything but `\"` and `\\`, a backslash outside quotes
    /// escapes the next character. Nothing is expanded. Nil when a quote is not closed.
    static func words(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                if quote == "\"" && character != "\"" && character != "\\" { word.append("\\") }
                word.append(character); escaped = false; inWord = true
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("\"", "\\"): escaped = true
            case (.some, _): word.append(character)
            case (nil, "'"), (nil, "\""): quote = character; inWord = true
            case (nil, "\\"): escaped = true
            case (nil, " "), (nil, "\t"), (nil, "\n"):
                if inWord { words.append(word); word = ""; inWord = false }
            case (nil, _): word.append(character); inWord = true
            }
        }
        if quote != nil || escaped { return nil }
        if inWord { words.append(word) }
        return words
    }
}
