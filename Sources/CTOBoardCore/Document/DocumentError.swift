/// Why a document cannot be read. Each message is one line that names the path and says what
/// to do.
public enum DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String, hint: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case tooLarge(path: String, size: Int, limit: Int)
    case conflictMarkers(path: String, line: Int)
    case symlinkLoop(path: String)

    public var description: String {
        switch self {
        case .missing(let path, let hint):
            return "\(path): no such file; \(hint)"
        case .isDirectory(let path):
            return "\(path): is a folder, not a Markdown file; pass the document's path"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)); check its permissions"
        case .binary(let path):
            return "\(path): looks binary (contains NUL bytes), not a Markdown task document; pass a text file"
        case .conflictMarkers(let path, let line):
            return "\(path):\(line): has an unresolved git conflict marker; resolve the conflict (or run `git merge --abort`) and run the command again"
        case .symlinkLoop(let path):
            return "\(path): is a symlink loop (ELOOP): a link leads back to itself; point it at the real document or pass another path"
        case .tooLarge(let path, let size, let limit):
            return "\(path): is \(size / 1_048_576) MiB, over the \(limit / 1_048_576) MiB limit for task documents; split it or pass another file"
        }
    }
}
