/// Both documents of one owner, read and matched.
public struct TaskPair: Sendable {
    /// Where the documents are.
    public let paths: PairPaths
    /// The owner document.
    public let ownerDoc: TaskDocument
    /// TODO.md.
    public let todo: TaskDocument
    /// The owner's tasks, matched across both documents.
    public let tasks: [MatchedTask]

    /// Matches two parsed documents.
    public init(paths: PairPaths, ownerDoc: TaskDocument, todo: TaskDocument) {
        self.paths = paths
        self.ownerDoc = ownerDoc
        self.todo = todo
        self.tasks = TaskMatcher.match(ownerDoc: ownerDoc, todo: todo, owner: paths.owner)
    }

    /// Parses and matches two documents given as bytes.
    public init(paths: PairPaths, ownerBytes: [UInt8], todoBytes: [UInt8]) {
        self.init(paths: paths,
                  ownerDoc: TaskDocument(document: Document(bytes: ownerBytes)),
                  todo: TaskDocument(document: Document(bytes: todoBytes), keyOwner: paths.owner))
    }

    /// Reads both documents from disk, the owner document first (its errors come first).
    public static func load(_ paths: PairPaths) throws(DocumentError) -> TaskPair {
        let ownerDoc = try readOwnerDoc(paths)
        return TaskPair(paths: paths, ownerDoc: TaskDocument(document: ownerDoc),
                        todo: TaskDocument(document: try readTodo(paths), keyOwner: paths.owner))
    }

    /// Reads the owner document, checked (see ``FileIO/readDocument(at:missingHint:)``) and
    /// refused while it holds git conflict markers.
    static func readOwnerDoc(_ paths: PairPaths) throws(DocumentError) -> Document {
        try ConflictMarkers.refusing(Document(bytes: FileIO.readDocument(at: paths.ownerDoc, missingHint: "pass the owner document with --owner-doc PATH")),
                                     path: paths.ownerDoc)
    }

    /// Reads TODO.md, checked.
    static func readTodo(_ paths: PairPaths) throws(DocumentError) -> Document {
        try ConflictMarkers.refusing(Document(bytes: FileIO.readDocument(at: paths.todo, missingHint: "pass TODO.md with --todo PATH")),
                                     path: paths.todo)
    }

    /// The differences between the two documents, in task order.
    ///
    /// A task whose section is unknown on one side (an area-layout TODO.md line without status
    /// tags) has no section difference.
    public func drift() -> [Drift] {
        var result: [Drift] = []
        for task in tasks {
            switch (task.owner, task.todo) {
            case (.some, nil): result.append(Drift(kind: .onlyInOwnerDoc, task: task))
            case (nil, .some): result.append(Drift(kind: .onlyInTodo, task: task))
            case (let o?, let t?):
                if o.checked != t.checked { result.append(Drift(kind: .checkbox, task: task)) }
                if let op = o.pane, let tp = t.pane, op != tp { result.append(Drift(kind: .section, task: task)) }
            default: break
            }
        }
        return result
    }

    /// The task a TASK argument names: an id (or id prefix of at least four digits), else a
    /// unique case-insensitive fragment of the title.
    public func resolve(_ query: String) throws(TaskQueryError) -> MatchedTask {
        let q = query.trimmingSpaces()
        guard !q.isEmpty else { throw .notFound(query) }
        let lower = q.lowercased()
        if let exact = tasks.first(where: { $0.id == lower }) { return exact }
        if lower.count >= 4, lower.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
            let byPrefix = tasks.filter { $0.id.hasPrefix(lower) }
            if byPrefix.count == 1 { return byPrefix[0] }
            if byPrefix.count > 1 { throw .ambiguous(query, candidates: byPrefix.map { "\($0.id) \($0.title)" }) }
        }
        let key = TitleKey.make(Array(q.utf8))
        let exactTitle = tasks.filter { $0.key == key }
        if exactTitle.count == 1 { return exactTitle[0] }
        let matches = tasks.filter { $0.key.contains(key) || $0.title.lowercased().contains(lower) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .notFound(query) }
        throw .ambiguous(query, candidates: matches.map { "\($0.id) \($0.title)" })
    }
}
