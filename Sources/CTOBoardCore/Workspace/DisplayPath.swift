/// Paths as shown to a person: relative to the current directory when inside it.
public enum DisplayPath {
    public static func relative(_ path: String, to base: String = Paths.currentDirectory()) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
