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
        /// document those in a section. Equal titles count as occurrences 1, 2, … in order.
        init(_ doc: TaskDocument, todo: Bool, owner: String) {
            var counts: [String: Int] = [:]
            var idents: [Ident] = []
            var rows: [Int] = []
            let members = Membership(doc, todo: todo, owner: owner)
            for (row, entry) in doc.entries.enumerated() where members.contains(entry) {
                counts[entry.key, default: 0] += 1
                idents.append(Ident(key: entry.key, occurrence: counts[entry.key]!))
                rows.append(row)
            }
            self.doc = doc
            self.idents = idents
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
