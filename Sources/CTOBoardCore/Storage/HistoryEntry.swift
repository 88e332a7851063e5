import Foundation

/// One recorded transaction: what it did and the line hunks that undo or redo it.
public struct HistoryEntry: Sendable, Equatable, Codable {
    /// A hunk stored compactly: the lines' bytes as base64 of their concatenation, `atEnd` only if true.
    public struct StoredHunk: Sendable, Equatable, Codable {
        public var oldStart: Int
        public var newStart: Int
        public var old: Data
        public var new: Data
        public var atEnd: Bool?

        init(_ h: LineDiff.Hunk) {
            oldStart = h.oldStart
            newStart = h.newStart
            old = Data(h.oldLines.joined())
            new = Data(h.newLines.joined())
            atEnd = h.atEnd ? true : nil
        }

        var hunk: LineDiff.Hunk {
            LineDiff.Hunk(oldStart: oldStart, oldLines: Self.split(old), newStart: newStart, newLines: Self.split(new), atEnd: atEnd == true)
        }

        /// The lines with their terminators: the inverse of joining them.
        static func split(_ bytes: Data) -> [[UInt8]] {
            LineDiff.rawLines(Document(bytes: Array(bytes))).map(Array.init)
        }
    }

    public var seq: Int
    /// Local date `YYYY-MM-DD`.
    public var date: String
    /// Seconds since 1970.
    public var time: Double
    public var kind: ChangeKind
    public var title: String
    public var taskID: String?
    public var from: Pane?
    public var to: Pane?
    /// For `undone` and `redone`: the entry they undo or redo.
    public var ref: Int?
    public var owner: [StoredHunk]
    public var todo: [StoredHunk]
    /// For `synced`: each task's change carried (absent in entries written before it was kept).
    public var changes: [TaskChange]?

    /// The owner document's hunks.
    public var ownerHunks: [LineDiff.Hunk] { owner.map(\.hunk) }
    /// TODO.md's hunks.
    public var todoHunks: [LineDiff.Hunk] { todo.map(\.hunk) }

    /// Hunks reversed: what undoes them.
    static func reversed(_ hunks: [LineDiff.Hunk]) -> [LineDiff.Hunk] {
        hunks.map { LineDiff.Hunk(oldStart: $0.newStart, oldLines: $0.newLines, newStart: $0.oldStart, newLines: $0.oldLines, atEnd: $0.atEnd) }
    }

    /// One JSON line.
    public func encodeLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        return Array(data) + [0x0A]
    }
}
