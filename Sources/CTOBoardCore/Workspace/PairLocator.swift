/// Finds the pair of documents from the command line, the config file and the owner document's
/// own sync line.
///
/// Paths from the command line are the user's choice and used as given. Paths the repository
/// names (the config's `document` and `todo`, the sync line) must stay inside it, symlinks
/// followed: see ``Containment``.
public enum PairLocator {
    /// The default owner name.
    public static let defaultOwner = "CTO"

    /// The pairs to work on. With `ownerDoc`, exactly one; else the config's pairs (only
    /// `owner`'s when given).
    public static func locate(
        ownerDoc: String?, todo: String?, owner: String?, config: Config?
    ) throws(LocateError) -> [PairPaths] {
        let base = config?.path.map { Paths.parent(Paths.absolute($0)) } ?? Paths.currentDirectory()
        /// A path the config names, checked to stay inside the config's work tree or folder.
        func configured(_ value: String, key: String, option: String) throws(LocateError) -> String {
            let path = Paths.absolute(Paths.join(base, value))
            if let config, let configPath = config.path,
               let why = Containment.around(base, fallback: base)?.violation(path) {
                let line = Config.line(in: configPath, key: key, value: value).map { ":\($0)" } ?? ""
                throw .outside(place: "\(configPath)\(line): `\(key)` =", path: value, why: why, option: option)
            }
            return path
        }
        func isConfigured(_ pair: Config.Pair, _ doc: String) -> Bool {
            Paths.absolute(Paths.join(base, pair.document)) == doc
        }
        if let ownerDoc {
            let doc = Paths.absolute(ownerDoc)
            let known = config?.pairs.first { isConfigured($0, doc) }
            let name = owner ?? known?.owner ?? config?.owner ?? defaultOwner
            if let todo { return [PairPaths(owner: name, ownerDoc: doc, todo: Paths.absolute(todo))] }
            if let configuredTodo = known?.todo {
                return [PairPaths(owner: name, ownerDoc: doc, todo: try configured(configuredTodo, key: "todo", option: "--todo"))]
            }
            return [PairPaths(owner: name, ownerDoc: doc, todo: try todoFromSyncLine(ownerDoc: doc, configFolder: config?.path == nil ? nil : base))]
        }
        guard let config, !config.pairs.isEmpty else { throw .noOwnerDoc }
        var pairs = config.pairs
        if let owner {
            pairs = pairs.filter { $0.owner.lowercased() == owner.lowercased() }
            if pairs.isEmpty { throw .unknownOwner(owner, known: config.pairs.map(\.owner)) }
        }
        var result: [PairPaths] = []
        for pair in pairs {
            let doc = try configured(pair.document, key: "document", option: "--owner-doc")
            let todoPath: String
            if let t = todo { todoPath = Paths.absolute(t) }
            else if let t = pair.todo { todoPath = try configured(t, key: "todo", option: "--todo") }
            else { todoPath = try todoFromSyncLine(ownerDoc: doc, configFolder: config.path == nil ? nil : base) }
            result.append(PairPaths(owner: pair.owner, ownerDoc: doc, todo: todoPath))
        }
        return result
    }

    /// Resolves the path in the owner document's sync line: against the git work tree root, else
    /// the owner document's folder and then each folder above it (up to the work tree root).
    /// The file found must lie inside the git work tree, else inside `configFolder`, else inside
    /// the folder the path was resolved against.
    public static func todoFromSyncLine(ownerDoc: String, configFolder: String? = nil) throws(LocateError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readDocument(at: ownerDoc, missingHint: "pass --owner-doc PATH")
        } catch {
            throw .document(error)
        }
        let document = Document(bytes: bytes)
        guard let sync = TaskDocument.findSyncPath(in: document) else {
            throw .noSyncLine(ownerDoc: ownerDoc)
        }
        let folder = Paths.parent(ownerDoc)
        let root = Paths.gitWorkTree(from: folder)
        let containment = Containment.around(folder, fallback: configFolder)
        /// `candidate` when it is a file inside the containment (or `dir` without one).
        func accepted(_ candidate: String, within dir: String) throws(LocateError) -> String? {
            guard FileIO.isFile(candidate) else { return nil }
            let inside = containment ?? Containment(root: dir, name: "the folder \(dir)")
            if let why = inside.violation(candidate) {
                let line = (0..<min(document.lines.count, 400)).first { TaskDocument.syncPath(document.content($0)) != nil }
                throw .outside(place: "\(ownerDoc):\((line ?? 0) + 1): the sync line's path", path: sync, why: why, option: "--todo")
            }
            return candidate
        }
        if sync.hasPrefix("/") {
            if let found = try accepted(sync, within: folder) { return found }
            throw .todoNotFound(ownerDoc: ownerDoc, syncPath: sync, tried: [sync])
        }
        var tried: [String] = []
        if let root {
            let candidate = Paths.normalize(Paths.join(root, sync))
            if let found = try accepted(candidate, within: root) { return found }
            tried.append(candidate)
        }
        var dir = folder
        while true {
            let candidate = Paths.normalize(Paths.join(dir, sync))
            if let found = try accepted(candidate, within: dir) { return found }
            if !tried.contains(candidate) { tried.append(candidate) }
            if dir == "/" || dir.isEmpty || dir == root { break }
            dir = Paths.parent(dir)
        }
        throw .todoNotFound(ownerDoc: ownerDoc, syncPath: sync, tried: Array(tried.prefix(2)))
    }
}
