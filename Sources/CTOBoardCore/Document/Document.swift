/// A text document as its exact bytes, split into lines that keep their terminators.
///
/// `Document` never decodes and re-encodes: the bytes it was made from are the bytes it
/// serializes to, including a UTF-8 byte order mark, CRLF, a missing final newline, invalid
/// UTF-8 and tabs. Edits splice new bytes between untouched lines.
public struct Document: Sendable, Equatable {
    /// One line: byte offsets into ``Document/bytes``.
    public struct Line: Sendable, Equatable {
        /// Offset of the first content byte (after the BOM on the first line).
        public var start: Int
        /// Offset just past the last content byte (the terminator starts here).
        public var contentEnd: Int
        /// Offset just past the terminator.
        public var end: Int

        public init(start: Int, contentEnd: Int, end: Int) {
            self.start = start
            self.contentEnd = contentEnd
            self.end = end
        }

        /// The line's terminator.
        public var ending: LineEnding {
            switch end - contentEnd {
            case 2: return .crlf
            case 1: return .lf
            default: return .none
            }
        }
    }

    /// The whole document.
    public let bytes: [UInt8]
    /// The lines, in order. An empty document has none; a document ending in a newline has
    /// no empty trailing line.
    public let lines: [Line]
    /// Whether the document starts with a UTF-8 byte order mark.
    public let hasBOM: Bool

    /// Splits `bytes` into lines. Never fails: any bytes make a document.
    public init(bytes: [UInt8]) {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var lines: [Line] = []
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var start = bom ? 3 : 0
            // memchr finds each LF with vector instructions: several times faster than a byte loop.
            while start < buf.count, let hit = memchr(base + start, 0x0A, buf.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let contentEnd = (i > start && buf[i - 1] == 0x0D) ? i - 1 : i
                lines.append(Line(start: start, contentEnd: contentEnd, end: i + 1))
                start = i + 1
            }
            if start < buf.count {
                lines.append(Line(start: start, contentEnd: buf.count, end: buf.count))
            }
        }
        self.bytes = bytes
        self.lines = lines
        hasBOM = bom
    }

    /// Documents are equal when their bytes are (the lines follow from them).
    public static func == (a: Document, b: Document) -> Bool { a.bytes.sameBytes(as: b.bytes) }

    /// The content bytes of line `index` (without terminator).
    @inlinable
    public func content(_ index: Int) -> ArraySlice<UInt8> {
        let line = lines[index]
        return bytes[line.start..<line.contentEnd]
    }

    /// The content of line `index` decoded for display and matching; invalid UTF-8 shows as U+FFFD.
    /// Never write this back: it is not the document's bytes.
    public func text(_ index: Int) -> String {
        String(decoding: content(index), as: UTF8.self)
    }

    /// The terminator most lines use, for new lines; LF when the document has none.
    public var dominantEnding: LineEnding {
        lines.count(where: { $0.ending == .crlf }) > lines.count(where: { $0.ending == .lf }) ? .crlf : .lf
    }

    /// A new document with lines `range` replaced by `newLines`.
    ///
    /// Each new line is given as its content bytes. A line that replaces one at the same position
    /// keeps that line's terminator; any other takes ``dominantEnding``. A document whose last
    /// line has no terminator keeps that property whatever the edit at its end.
    public func replacing(lines range: Range<Int>, with newLines: [[UInt8]]) -> Document {
        precondition(range.lowerBound >= 0 && range.upperBound <= lines.count && range.lowerBound <= range.upperBound)
        let ending = dominantEnding.bytes
        let bareAtEnd = range.upperBound == lines.count && lines.last?.ending == LineEnding.none
        var prefixEnd = range.lowerBound < lines.count ? lines[range.lowerBound].start : bytes.count
        let suffixStart = range.isEmpty ? prefixEnd : lines[range.upperBound - 1].end
        var out: [UInt8] = []
        if bareAtEnd && newLines.isEmpty && range.lowerBound > 0,
           lines[range.lowerBound - 1].contentEnd > lines[range.lowerBound - 1].start {
            // Deleting the bare last line(s): the line before becomes last and loses its terminator
            // (unless it is empty: an empty line without a terminator would vanish).
            prefixEnd = lines[range.lowerBound - 1].contentEnd
        }
        out.append(contentsOf: bytes[0..<prefixEnd])
        if bareAtEnd && range.isEmpty && !newLines.isEmpty {
            // Appending after a bare last line: it needs a terminator now. After a trailing CR,
            // LF would merge with it into CRLF and change that line, so it gets CRLF.
            out.append(contentsOf: lines[lines.count - 1].contentEnd > lines[lines.count - 1].start
                       && bytes[lines[lines.count - 1].contentEnd - 1] == 0x0D ? LineEnding.crlf.bytes : ending)
        }
        for (offset, content) in newLines.enumerated() {
            out.append(contentsOf: content)
            let isLast = offset == newLines.count - 1
            // A new last line stays bare, unless it is empty (it would vanish).
            if bareAtEnd && isLast && !content.isEmpty { continue }
            let position = range.lowerBound + offset
            if position < range.upperBound, lines[position].ending != .none {
                out.append(contentsOf: lines[position].ending.bytes)
            } else {
                out.append(contentsOf: ending)
            }
        }
        out.append(contentsOf: bytes[suffixStart..<bytes.count])
        return Document(bytes: out)
    }

    /// A new document with line `index`'s content replaced, its terminator kept.
    public func replacingContent(ofLine index: Int, with content: [UInt8]) -> Document {
        let line = lines[index]
        return Document(bytes: Array(bytes[0..<line.start]) + content + bytes[line.contentEnd...])
    }
}
