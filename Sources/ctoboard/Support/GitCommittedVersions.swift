import CTOBoardCore

/// The committed versions of a pair from git: the newest commit (of those that changed either
/// document, on HEAD's history) in which both documents agree. In a fresh clone, a moved
/// repository or after a teammate's commit, that is the last state the team agreed on: the
/// merge base of the sync.
struct GitCommittedVersions: CommittedVersions {
    /// How many commits that changed the documents are looked at, newest first.
    static let depth = 30

    func lastAgreed(_ paths: PairPaths, agree: ([UInt8], [UInt8]) -> Bool) -> CommittedBase? {
        let folder = Paths.parent(paths.ownerDoc)
        guard let list = Git.run(["rev-list", "--max-count=\(Self.depth)", "HEAD", "--", paths.ownerDoc, paths.todo], in: folder) else {
            return nil
        }
        for commit in list.split(separator: "\n").map(String.init) {
            guard let owner = Git.blob(paths.ownerDoc, at: commit), let todo = Git.blob(paths.todo, at: commit) else { continue }
            if agree(owner, todo) { return CommittedBase(owner: owner, todo: todo, revision: String(commit.prefix(10))) }
        }
        return nil
    }
}

extension Session {
    /// A session for the command line: without a base snapshot, syncs compare with git's last
    /// agreed commit.
    static func cli(paths: PairPaths, config: Config?, today: CalendarDate) -> Session {
        var session = Session(paths: paths, config: config ?? Config(), today: today)
        session.committed = GitCommittedVersions()
        return session
    }
}
