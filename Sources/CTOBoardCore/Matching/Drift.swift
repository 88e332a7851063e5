/// One difference between the owner document and TODO.md.
public struct Drift: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// In the owner document only.
        case onlyInOwnerDoc = "only-in-owner-doc"
        /// In TODO.md only.
        case onlyInTodo = "only-in-todo"
        /// Checked in one, unchecked in the other.
        case checkbox
        /// A different section or priority.
        case section
    }

    public var kind: Kind
    public var task: MatchedTask
}
