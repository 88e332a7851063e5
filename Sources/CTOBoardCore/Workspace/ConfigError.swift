/// A configuration or theme file that cannot be used: names the file, the line and what is wrong.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }

    /// The 1-based line where `key` is assigned (`key =`), or a `[key]` table starts.
    public static func line(of key: String, in text: String) -> Int? {
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[\(key)]") || line.hasPrefix("[[\(key)]]") { return number }
            for name in [key, "\"\(key)\""] where line.hasPrefix(name) {
                let rest = line.dropFirst(name.count).drop(while: { $0 == " " || $0 == "\t" })
                if rest.hasPrefix("=") { return number }
            }
        }
        return nil
    }
}
