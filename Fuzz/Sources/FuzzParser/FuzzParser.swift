import CTOBoardCore
import FuzzSupport

/// The document parser: `serialize(parse(b)) == b` byte for byte, the lines tile the bytes,
/// rewriting a line with its own content is the identity, TaskDocument (plain and keyed to an
/// owner) parses any bytes without crashing.
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
    for i in doc.lines.indices.prefix(64) {
        _ = doc.text(i)
        _ = TaskText(doc.content(i)).title
    }
    return 0
}

@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzParser($0, $1) }
}
