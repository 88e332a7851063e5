/// Finds the pair of documents from the command line, the config file and the owner document's
/// own sync line.
public enum PairLocator {
    /// The default owner name.
    public static let defaultOwner = "CTO"

    /// The pairs to work on. With `ownerDoc`, exactly one; else the config's pairs (only
    /// `owner`'s when given).
    public static func locate(
        ownerDoc: String?, todo: String?, owner: String?, config: Config?
    ) throws(LocateError) -> [PairPaths] {
        let base = config?.path.map(Paths.parent) ?? Paths.currentDirectory()
        if let ownerDoc {
            let doc = Paths.absolute(ownerDoc)
            let name = owner ?? config?.pairs.first(where: { Paths.absolute(Paths.join(base, $0.document)) == doc })?.owner
                ?? config?.owner ?? defaultOwner
            if let todo { return [PairPaths(owner: name, ownerDoc: doc, todo: Paths.absolute(todo))] }
            if let configured = config?.pairs.first(where: { Paths.absolute(Paths.join(base, $0.document)) == doc })?.todo {
                return [PairPaths(owner: name, ownerDoc: doc, todo: Paths.absolute(Paths.join(base, configured)))]
            }
            return [PairPaths(owner: name, ownerDoc: doc, todo: try todoFromSyncLine(ownerDoc: doc))]
        }
        guard let config, !config.pairs.isEmpty else { throw .noOwnerDoc }
        var pairs = config.pairs
        if let owner {
            pairs = pairs.filter { $0.owner.caseInsensitiveCompare(owner) }
            if pairs.isEmpty { throw .unknownOwner(owner, known: config.pairs.map(\.owner)) }
        }
        var result: [PairPaths] = []
        for pair in pairs {
            let doc = Paths.absolute(Paths.join(base, pair.document))
            let todoPath: String
            if let t = todo { todoPath = Paths.absolute(t) }
            else if let t = pair.todo { todoPath = Paths.absolute(Paths.join(base, t)) }
            else { todoPath = try todoFromSyncLine(ownerDoc: doc) }
            result.append(PairPaths(owner: pair.owner, ownerDoc: doc, todo: todoPath))
        }
        return result
    }

    /// Resolves the path in the owner document's sync line: against the git work tree root, else
    /// the owner document's folder and then each folder above it.
    public static func todoFromSyncLine(ownerDoc: String) throws(LocateError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readDocument(at: ownerDoc, missingHint: "pass --owner-doc PATH")
        } catch {
            throw .document(error)
        }
        guard let sync = TaskDocument.findSyncPath(in: Document(bytes: bytes)) else {
            throw .noSyncLine(ownerDoc: ownerDoc)
        }
        if sync.hasPrefix("/") {
            if FileIO.isFile(sync) { return sync }
            throw .todoNotFound(ownerDoc: ownerDoc, syncPath: sync, tried: [sync])
        }
        var tried: [String] = []
        let folder = Paths.parent(ownerDoc)
        if let root = Paths.gitWorkTree(from: folder) {
            let candidate = Paths.normalize(Paths.join(root, sync))
            if FileIO.isFile(candidate) { return candidate }
            tried.append(candidate)
        }
        var dir = folder
        while true {
            let candidate = Paths.normalize(Paths.join(dir, sync))
            if FileIO.isFile(candidate) { return candidate }
            if !tried.contains(candidate) { tried.append(candidate) }
            if dir == "/" || dir.isEmpty { break }
            dir = Paths.parent(dir)
        }
        throw .todoNotFound(ownerDoc: ownerDoc, syncPath: sync, tried: Array(tried.prefix(2)))
    }
}
