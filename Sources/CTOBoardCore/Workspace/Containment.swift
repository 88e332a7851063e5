#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder that paths a repository names must stay in: the git work tree, else the folder of
/// the config file. What a repository says (`.ctoboard.toml`, an owner document's sync line, a
/// symlink) is written by whoever wrote the repository; only paths the user passes on the
/// command line may lead outside it.
public struct Containment: Sendable, Equatable {
    /// The folder, symlinks resolved.
    public let root: String
    /// How messages call it: "the git work tree /repo" or "the config's folder /dir".
    public let name: String

    public init(root: String, name: String) {
        self.root = Self.realPath(root)
        self.name = name
    }

    /// The git work tree that holds `folder`, else `fallback` (the config's folder) when it
    /// holds `folder`, else nil.
    public static func around(_ folder: String, fallback: String? = nil) -> Containment? {
        if let tree = Paths.gitWorkTree(from: folder) { return Containment(root: tree, name: "the git work tree \(tree)") }
        if let fallback {
            let config = Containment(root: fallback, name: "the config's folder \(fallback)")
            if config.contains(realPath(folder)) { return config }
        }
        return nil
    }

    /// Why `path` is outside the folder, or nil when it is inside. Symlinks are followed; a path
    /// that does not exist yet is judged by its nearest existing folder.
    public func violation(_ path: String) -> String? {
        let real = Self.realPath(path)
        if contains(real) { return nil }
        if Paths.absolute(path) != real { return "leads through a symlink to \(real), outside \(name)" }
        return "resolves to \(real), outside \(name)"
    }

    func contains(_ real: String) -> Bool {
        real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// `path` with every symlink and `..` resolved (through `realpath`); for a path that does not
    /// exist, its nearest existing ancestor's real path with the rest appended.
    static func realPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : Paths.join(Paths.currentDirectory(), path)
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = Paths.parent(absolute)
        if parent == absolute || parent == "/" || parent == "." { return Paths.normalize(absolute) }
        return Paths.normalize(Paths.join(realPath(parent), Paths.baseName(absolute)))
    }
}
