import CTOBoardCore
import FuzzSupport

/// The document parser: `serialize(parse(b)) == b` byte for byte, the lines tile the bytes,
/// rewriting a line with its own content is the identity, TaskDocument (plain and keyed to an
/// owner) parses any bytes without crashing, and reparsing a revision from an earlier parse
/// (the input cut in two at its first 0xFF byte: earlier, then revised bytes) gives exactly the
/// full parse.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    checkRoundTrip(bytes, "document")
    let doc = Document(bytes: bytes)
    if !doc.lines.isEmpty {
        // Rewriting a line with its own content changes nothing.
        let i = (bytes.count * 31 + Int(bytes.first ?? 0)) % doc.lines.count
        invariant(doc.replacingContent(ofLine: i, with: Array(doc.content(i))).bytes == bytes,
                  "replacingContent with the same content changed the document")
        invariant(doc.replacing(lines: i..<(i + 1), with: [Array(doc.content(i))]).bytes == bytes,
                  "replacing a line with itself changed the document")
    }
    _ = doc.dominantEnding
    for owner in [nil, "CTO"] as [String?] {
        let parsed = TaskDocument(document: doc, keyOwner: owner)
        for e in parsed.entries {
            invariant(e.line >= 0 && e.line < doc.lines.count, "entry line out of range")
            invariant(ChecklistItem(line: doc.content(e.line)) != nil, "entry on a line that is not a checkbox item")
            _ = e.title; _ = e.key; _ = e.state; _ = e.pane; _ = e.owner; _ = e.critical
            _ = e.text.markerRanges; _ = e.text.titleEnd
        }
        for line in parsed.lastUpdatedLines { invariant(line < doc.lines.count, "last updated line out of range") }
        _ = parsed.syncPath
    }
    _ = TaskDocument.findSyncPath(in: doc)
    checkRevision(bytes)
    for i in doc.lines.indices.prefix(64) {
        _ = doc.text(i)
        _ = TaskText(doc.content(i)).title
    }
    return 0
}

/// `TaskDocument(bytes:reusing:)` against a full parse, both ways, plain and keyed.
func checkRevision(_ bytes: [UInt8]) {
    let cut = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
    let a = Array(bytes[..<cut]), b = Array(bytes[min(cut + 1, bytes.count)...])
    for owner in [nil, "CTO"] as [String?] {
        for (old, new) in [(a, b), (b, a)] {
            let revised = TaskDocument(bytes: new, reusing: TaskDocument(document: Document(bytes: old), keyOwner: owner))
            let full = TaskDocument(document: Document(bytes: new), keyOwner: owner)
            invariant(revised.document.lines == full.document.lines, "revision: lines differ from a full parse")
            invariant(revised.entries == full.entries, "revision: entries differ from a full parse")
            invariant(revised.anchors == full.anchors && revised.pendingAnchor == full.pendingAnchor,
                      "revision: anchors differ from a full parse")
            invariant(revised.lastUpdatedLines == full.lastUpdatedLines && revised.syncPath == full.syncPath,
                      "revision: landmarks differ from a full parse")
        }
    }
}

@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzParser($0, $1) }
}
