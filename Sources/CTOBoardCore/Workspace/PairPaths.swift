/// Where one owner's pair of documents lives.
public struct PairPaths: Sendable, Equatable, Hashable {
    /// The owner's name as TODO.md tags it (`[Owner: NAME]`).
    public var owner: String
    /// The owner document.
    public var ownerDoc: String
    /// The project-wide TODO.md.
    public var todo: String

    public init(owner: String, ownerDoc: String, todo: String) {
        self.owner = owner
        self.ownerDoc = ownerDoc
        self.todo = todo
    }
}
