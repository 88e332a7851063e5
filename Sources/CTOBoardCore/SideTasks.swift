extension SyncEngine {
    /// The owner's tasks of one side (one document, current or base), in order: each task's
    /// identity and its row in the document's entries. Entries are read from the document when
    /// needed rather than copied into the side.
    struct SideTasks {
        let doc: TaskDocument?
        let idents: [Ident]
        private let rows: [Int32]

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
            // Occurrences counted per key: keys numbered with occurrence 0.
            var keys = IdentTable(capacity: 64)
            var counts: [Int] = []
            var idents: [Ident] = []
            var rows: [Int32] = []
            let ownerBytes = Array(owner.utf8)
            // In a TODO.md parsed for this owner, only the owner's tasks were taken apart (the
            // others carry no tags at all).
            let onlyOwners = doc.keyOwner == owner
            for (row, e) in doc.entries.enumerated() {
                if todo { guard onlyOwners ? e.text.owner != nil : e.text.isOwned(by: ownerBytes) else { continue } }
                else { guard e.pane != nil else { continue } }
                let k = ExactKey(e.key, hash: e.keyHash)
                let number = keys.number(Ident(k, occurrence: 0))
                if number == counts.count { counts.append(0) }
                counts[number] += 1
                idents.append(Ident(k, occurrence: counts[number]))
                rows.append(Int32(truncatingIfNeeded: row))
            }
            self.doc = doc
            self.idents = idents
            self.rows = rows
        }

        /// How many tasks.
        var count: Int { idents.count }

        /// The `i`th task's entry.
        subscript(i: Int) -> TaskEntry { doc!.entries[Int(rows[i])] }
    }
}
