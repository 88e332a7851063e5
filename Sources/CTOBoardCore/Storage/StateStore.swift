/// The state folder: the lock, the journal, base snapshots and history.
///
/// Inside a git work tree it is `<git dir>/ctoboard/`, else `.ctoboard/` beside the owner
/// document. One lock covers every pair in it, so owners that share a TODO.md are serialized.
public struct StateStore: Sendable {
    /// The folder.
    public let folder: String
    /// Whether the folder is the git dir's, shared by every pair of the work tree (else it is
    /// one owner document's own `.ctoboard/`).
    public let coversWorkTree: Bool
    /// The folder pairs are named relative to (the work tree, or the owner document's folder),
    /// so that moving or cloning it keeps the base and the history; nil: absolute paths.
    public let root: String?

    public init(folder: String) {
        self.folder = folder
        coversWorkTree = false
        root = nil
    }

    /// The state folder for a pair.
    public init(for pair: PairPaths) {
        let docFolder = Paths.parent(pair.ownerDoc)
        if let root = Paths.gitWorkTree(from: docFolder), let gitDir = Paths.gitDir(workTree: root) {
            folder = Paths.join(gitDir, "ctoboard")
            coversWorkTree = true
            self.root = root
        } else {
            folder = Paths.join(docFolder, ".ctoboard")
            coversWorkTree = false
            root = docFolder
        }
    }

    public var lockPath: String { Paths.join(folder, "lock") }
    public var journalPath: String { Paths.join(folder, "journal") }
    /// A short name for a pair's own files.
    public static func pairName(_ pair: PairPaths) -> String {
        let key = pair.owner.lowercased() + "\u{0}" + pair.ownerDoc + "\u{0}" + pair.todo
        let hash = TitleKey.hash(key)  // FNV-1a of the UTF-8
        let safeOwner = String(pair.owner.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
        return "\(safeOwner)-\(String(hash >> 32, radix: 16))"
    }

    /// The name of a pair's files in this folder: from its paths relative to ``root``.
    public func pairName(_ pair: PairPaths) -> String {
        guard let root else { return Self.pairName(pair) }
        return Self.pairName(PairPaths(owner: pair.owner, ownerDoc: Self.relative(pair.ownerDoc, to: root),
                                       todo: Self.relative(pair.todo, to: root)))
    }

    /// `path` relative to the folder `root` (with `..` when outside it); both absolute.
    static func relative(_ path: String, to root: String) -> String {
        let p = Paths.absolute(path).split(separator: "/"), r = Paths.absolute(root).split(separator: "/")
        var common = 0
        while common < p.count, common < r.count, p[common] == r[common] { common += 1 }
        return (Array(repeating: "..", count: r.count - common) + p[common...].map(String.init)).joined(separator: "/")
    }

    public func basePath(_ pair: PairPaths) -> String { Paths.join(folder, "base-\(pairName(pair))") }
    public func historyPath(_ pair: PairPaths) -> String { Paths.join(folder, "history-\(pairName(pair)).jsonl") }

    /// The state folder or its lock file when either is a symlink, with the link's target:
    /// a repository could plant one to make ctoboard write elsewhere.
    public func symlinkedPart() -> (path: String, target: String)? {
        for path in [folder, lockPath] {
            var st = stat()
            if lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: 4096)
                let n = readlink(path, &buffer, buffer.count - 1)
                return (path, n > 0 ? String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?")
            }
        }
        return nil
    }

    /// Creates the folder when missing: private (0700) beside a document, like git's own
    /// folder inside the git dir.
    public func ensureFolder() throws(WriteError) {
        if FileIO.isDirectory(folder) { return }
        let parent = Paths.parent(folder)
        if !FileIO.isDirectory(parent) {
            throw WriteError(path: folder, reason: "its parent folder is missing")
        }
        if mkdir(folder, coversWorkTree ? 0o755 : 0o700) != 0 && errno != EEXIST {
            throw WriteError(path: folder, reason: FileIO.errnoText())
        }
        try AtomicFile.syncFolder(parent)
    }

    /// Takes the state folder's lock.
    public func lock(timeout: Double) throws(FileLock.Failure) -> FileLock {
        try FileLock(path: lockPath, timeout: timeout)
    }

    /// The pair's last synced contents, if any.
    public func loadBase(_ pair: PairPaths) -> BaseSnapshot? {
        BaseSnapshot.load(at: basePath(pair))
    }
}
