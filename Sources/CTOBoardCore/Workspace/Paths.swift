/// Path helpers on plain strings: joining, parents, the git work tree and git dir.
public enum Paths {
    /// `a/b`, without doubling the slash; an absolute `b` wins.
    public static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") { return b }
        if a.isEmpty { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// The folder that holds `path`.
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The absolute form of `path` against the current directory (no symlink resolution).
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(join(currentDirectory(), path))
    }

    /// Removes `.` and `..` components and duplicate slashes.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The process's current directory.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The git work tree containing `directory`: the nearest ancestor with a `.git` entry.
    public static func gitWorkTree(from directory: String) -> String? {
        var dir = absolute(directory)
        while true {
            var st = stat()
            if lstat(join(dir, ".git"), &st) == 0 { return dir }
            if dir == "/" || dir.isEmpty { return nil }
            dir = parent(dir)
        }
    }

    /// The git dir of the work tree `root`: `.git` itself, or where a `.git` file points.
    public static func gitDir(workTree root: String) -> String? {
        let dotGit = join(root, ".git")
        if FileIO.isDirectory(dotGit) { return dotGit }
        guard let bytes = try? FileIO.readDocument(at: dotGit, missingHint: "") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("gitdir:") else { return nil }
        let target = text.dropFirst("gitdir:".count).trimmingSpaces()
        return target.hasPrefix("/") ? target : normalize(join(root, target))
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
