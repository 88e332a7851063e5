import Foundation
@testable import CTOBoardCore

/// The UTF-8 bytes of a string literal (no normalization, no line-ending conversion).
func utf8(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A parsed task document from a string.
func parseTasks(_ s: String) -> TaskDocument {
    TaskDocument(document: Document(bytes: utf8(s)))
}

/// A parsed task document from bytes.
func parseTasks(_ bytes: [UInt8]) -> TaskDocument {
    TaskDocument(document: Document(bytes: bytes))
}

/// The matched pair of two in-memory documents.
func makePair(owner: String, todo: String, ownerName: String = "CTO") -> TaskPair {
    TaskPair(paths: PairPaths(owner: ownerName, ownerDoc: "/o/CTO_OWNER.md", todo: "/o/TODO.md"),
             ownerBytes: utf8(owner), todoBytes: utf8(todo))
}

/// A fresh folder under the system temporary folder, removed by ``remove()``.
struct TempDir {
    let path: String

    init() throws {
        var base = FileManager.default.temporaryDirectory.path
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array("\(base)/ctoboard-coretests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf in mkdtemp(buf.baseAddress!) }
        guard made != nil else { throw CocoaError(.fileWriteUnknown) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` at `relative`, creating folders.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return full
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, utf8(text))
    }

    /// Creates a folder at `relative`.
    @discardableResult
    func mkdir(_ relative: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The root of this package, from this file's path.
let packageRoot: String = {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // CTOBoardCoreTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .path
}()
