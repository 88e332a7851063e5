import Foundation
import Testing
@testable import CTOBoardCore

@Suite("FileIO: reading documents and bad input")
struct FileIOTests {
    @Test func readsExactBytes() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + utf8("a\r\nb\n") + [0xFF, 0xFE] + utf8("c")
        let path = try tmp.write("doc.md", bytes)
        #expect(try FileIO.readDocument(at: path, missingHint: "x") == bytes)
        #expect(FileIO.isFile(path))
        #expect(!FileIO.isDirectory(path))
    }

    /// The commit's last look at a document compares it in chunks: equal only byte for byte,
    /// across chunk boundaries and at the very end.
    @Test func contentEqualsComparesEveryByte() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let bytes = (0..<600_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let path = try tmp.write("doc.md", bytes)
        #expect(FileIO.contentEquals(at: path, bytes))
        for i in [0, 262_143, 262_144, 524_288, 600_002] {
            var other = bytes
            other[i] ^= 0x01
            #expect(!FileIO.contentEquals(at: path, other), "byte \(i)")
        }
        #expect(!FileIO.contentEquals(at: path, Array(bytes.dropLast())))
        #expect(!FileIO.contentEquals(at: path, bytes + [0x0A]))
        #expect(FileIO.contentEquals(at: try tmp.write("empty.md", [UInt8]()), []))
        #expect(!FileIO.contentEquals(at: tmp.path + "/missing.md", []))
        #expect(!FileIO.contentEquals(at: tmp.path, []))
    }

    @Test func readsEmptyFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.write("empty.md", [UInt8]())
        #expect(try FileIO.readDocument(at: path, missingHint: "x") == [])
    }

    private func expectOneLine(_ error: DocumentError?, naming path: String) {
        let text = error?.description ?? ""
        #expect(text.hasPrefix(path + ": "))
        #expect(!text.contains("\n"))
    }

    @Test func missingFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/nope.md"
        let error = #expect(throws: DocumentError.self) {
            try FileIO.readDocument(at: path, missingHint: "pass TODO.md with --todo PATH")
        }
        #expect(error == .missing(path: path, hint: "pass TODO.md with --todo PATH"))
        #expect(error?.description == "\(path): no such file; pass TODO.md with --todo PATH")
        expectOneLine(error, naming: path)
    }

    @Test func missingParentIsMissing() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let file = try tmp.write("f.md", "x")
        let path = file + "/child.md"
        #expect(throws: DocumentError.missing(path: path, hint: "h")) {
            try FileIO.readDocument(at: path, missingHint: "h")
        }
    }

    @Test func folder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.mkdir("docs")
        let error = #expect(throws: DocumentError.self) { try FileIO.readDocument(at: path, missingHint: "h") }
        #expect(error == .isDirectory(path: path))
        expectOneLine(error, naming: path)
        #expect(FileIO.isDirectory(path))
        #expect(!FileIO.isFile(path))
    }

    @Test func binaryWithNUL() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let error = #expect(throws: DocumentError.self) { try FileIO.readDocument(at: path, missingHint: "h") }
        #expect(error == .binary(path: path))
        expectOneLine(error, naming: path)
        #expect(error?.description.contains("binary") == true)
    }

    @Test func overTheSizeLimit() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.write("huge.md", [UInt8]())
        // A sparse file: no 33 MB written.
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        let size = FileIO.sizeLimit + 1_048_576
        #expect(ftruncate(fd, off_t(size)) == 0)
        close(fd)
        let error = #expect(throws: DocumentError.self) { try FileIO.readDocument(at: path, missingHint: "h") }
        #expect(error == .tooLarge(path: path, size: size, limit: FileIO.sizeLimit))
        expectOneLine(error, naming: path)
        #expect(error?.description.contains("33 MiB, over the 32 MiB limit") == true)
    }

    @Test func exactlyAtTheSizeLimitIsRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = try tmp.write("big.md", [UInt8]())
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        // Sparse zeros would be NUL bytes: the file is read, then rejected as binary, not as too large.
        #expect(ftruncate(fd, off_t(FileIO.sizeLimit)) == 0)
        close(fd)
        #expect(throws: DocumentError.binary(path: path)) { try FileIO.readDocument(at: path, missingHint: "h") }
    }

    @Test func fifoIsNotARegularFileAndDoesNotBlock() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/pipe.md"
        try #require(mkfifo(path, 0o600) == 0)
        let error = #expect(throws: DocumentError.self) { try FileIO.readDocument(at: path, missingHint: "h") }
        #expect(error == .unreadable(path: path, reason: "not a regular file"))
        expectOneLine(error, naming: path)
        #expect(!FileIO.isFile(path))
    }

    @Test func tooLargeMessageNamesSizes() {
        let e = DocumentError.tooLarge(path: "/x/TODO.md", size: 40 * 1_048_576, limit: 32 * 1_048_576)
        #expect(e.description == "/x/TODO.md: is 40 MiB, over the 32 MiB limit for task documents; split it or pass another file")
    }
}
