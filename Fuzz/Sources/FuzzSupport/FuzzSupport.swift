import CTOBoardCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes libFuzzer hands a target.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Fails the run: prints the broken invariant and aborts, so that libFuzzer saves the input.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if !condition() {
        let text = "invariant broken at \(file):\(line): \(message())\n"
        _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        abort()
    }
}

/// Splits `bytes` at NUL bytes into at most `parts` pieces (the last one keeps any further NULs).
/// Documents with NUL bytes are rejected before parsing, so NUL is a free separator.
public func splitAtNUL(_ bytes: [UInt8], parts: Int) -> [[UInt8]] {
    var out: [[UInt8]] = []
    var rest = bytes[...]
    while out.count < parts - 1, let i = rest.firstIndex(of: 0) {
        out.append(Array(rest[..<i]))
        rest = rest[(i + 1)...]
    }
    out.append(Array(rest))
    return out
}

/// Reads small numbers from the fuzzer's bytes, 0 once they run out.
public struct ByteStream {
    var bytes: [UInt8]
    var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isEmpty: Bool { offset >= bytes.count }

    public mutating func next() -> Int {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return Int(bytes[offset])
    }

    /// A number in `0..<n` (0 when n is 0).
    public mutating func below(_ n: Int) -> Int {
        n <= 0 ? 0 : (next() << 8 | next()) % n
    }
}

/// The content of every TODO.md task line that `owner` does not own, in order: operations on
/// the owner's tasks must never touch them.
public func otherOwnersLines(_ todo: [UInt8], owner: String) -> [[UInt8]] {
    let doc = TaskDocument(document: Document(bytes: todo), keyOwner: owner)
    let ownerBytes = Array(owner.utf8)
    return doc.entries.compactMap { e in
        let content = doc.document.content(e.line)
        guard let item = ChecklistItem(line: content) else { return nil }
        let text = content[(content.startIndex + item.textOffset)...]
        return TaskText(text).isOwned(by: ownerBytes) ? nil : Array(content)
    }
}

/// Checks that a document's lines tile its bytes exactly and that it serializes to them.
public func checkRoundTrip(_ bytes: [UInt8], _ what: String) {
    let doc = Document(bytes: bytes)
    invariant(doc.bytes == bytes, "\(what): serialize(parse(b)) != b")
    var at = doc.hasBOM ? 3 : 0
    for line in doc.lines {
        invariant(line.start == at && line.start <= line.contentEnd && line.contentEnd <= line.end,
                  "\(what): lines do not tile the bytes at \(at)")
        at = line.end
    }
    invariant(at == bytes.count || (doc.lines.isEmpty && bytes.count == (doc.hasBOM ? 3 : 0)),
              "\(what): lines end at \(at) of \(bytes.count)")
}

/// Runs libFuzzer's driver with `callback`.
///
/// SwiftPM links an executable target with `--defsym main=<Target>_main` so that tests can
/// import it; built with `-parse-as-library` the target has no such symbol, so each target
/// defines `<Target>_main` with `@_cdecl` and calls this, which hands over to libFuzzer.
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v, callback)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
