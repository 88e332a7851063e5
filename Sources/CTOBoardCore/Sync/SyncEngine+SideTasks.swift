extension SyncEngine {
    /// The owner's tasks of one side (one document, current or base), in order: each task's
    /// identity and its row in the document's entries. Entries are read from the document when
    /// needed rather than copied into the side.
    struct SideTasks {
        let doc: TaskDocument?
        let idents: [Ident]
        private let rows: [Int]

        /// A side without tasks (no base).
        static let empty = SideTasks()

        private init() {
            doc = nil
            idents = []
            rows = []
        }

        /// The owner's tasks of `doc`: in TODO.md (`todo`) those tagged with the owner, in the owner
        /// document those in a section. Equal titles count as occurrences paired with `reference`'s.
        init(_ doc: TaskDocument, todo: Bool, owner: String, like reference: SideTasks = .empty) {
            let members = Membership(doc, todo: todo, owner: owner)
            let rows = doc.entries.indices.filter { members.contains(doc.entries[$0]) }
            let entries = rows.map { doc.entries[$0] }
            let numbers = TaskMatcher.occurrences(entries, like: reference.idents.indices.map { (reference[$0], reference.idents[$0].occurrence) })
            self.doc = doc
            self.idents = zip(entries, numbers).map { Ident(key: $0.key, occurrence: $1) }
            self.rows = rows
        }

        /// Which entries of a document are the owner's tasks of a side.
        struct Membership {
            let todo: Bool
            /// A TODO.md parsed for this owner has taken apart only the owner's tasks (the others
            /// carry no tags at all).
            let onlyOwners: Bool
            let ownerBytes: [UInt8]

            init(_ doc: TaskDocument, todo: Bool, owner: String) {
                self.todo = todo
                onlyOwners = doc.keyOwner == owner
                ownerBytes = Array(owner.utf8)
            }

            /// In TODO.md: tagged with the owner; in the owner document: in a section.
            func contains(_ e: borrowing TaskEntry) -> Bool {
                todo ? (onlyOwners ? e.text.hasOwner : e.text.isOwned(by: ownerBytes)) : e.pane != nil
            }
        }

        /// How many tasks.
        var count: Int { idents.count }

        /// The `i`th task's entry.
        subscript(i: Int) -> TaskEntry { doc!.entries[rows[i]] }
    }
}
