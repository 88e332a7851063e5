import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Walks `Tests/BadInputs/`: hostile documents, each with its expected clear error or its
/// expected preserved bytes (see `Tests/BadInputs/README.md`), run through the real binary.
@Suite("Bad input corpus", .serialized)
struct BadInputCorpusTests {
    /// `Tests/BadInputs`, from this file's path.
    static let corpus: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("BadInputs").path

    /// The case folders.
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: corpus + "/" + $0 + "/expect.txt") }.sorted()
    }()

    /// The `ctoboard` binary: the first folder holding one, walking up from the test bundle.
    static let binary: String? = TestBinary.path

    @Test func corpusHasTheCases() {
        #expect(Self.cases.count >= 10, "cases found in \(Self.corpus): \(Self.cases)")
        #expect(Self.binary != nil, "no ctoboard binary above \(ProcessInfo.processInfo.arguments[0])")
    }

    @Test(arguments: cases)
    func hostileDocument(_ name: String) throws {
        guard let binary = Self.binary else {
            Issue.record("no ctoboard binary above \(ProcessInfo.processInfo.arguments[0])")
            return
        }
        let spec = try BadInputExpectation(parsing: String(contentsOfFile: Self.corpus + "/" + name + "/expect.txt", encoding: .utf8))
        let folder = NSTemporaryDirectory() + "ctoboard-bad-\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: Self.corpus + "/" + name, toPath: folder)
        defer {
            for m in spec.make where m.what.hasPrefix("mode=") { chmod(folder + "/" + m.file, 0o644) }
            try? FileManager.default.removeItem(atPath: folder)
        }
        try spec.prepare(folder)
        let run = BadInputRunner(binary: binary, folder: folder)
        let docs = ["CTO_OWNER.md", "TODO.md"]
        let before = docs.map(run.snapshot)

        switch spec.outcome(asRoot: geteuid() == 0) {
        case .error(let code, let text):
            for command in [["list"], ["check"], ["toggle", spec.toggle ?? "Review the budget"]] {
                let r = try run.ctoboard(command)
                run.expectFailure(r, code: code, text: text, names: spec.names, command: command)
            }
        case .writeError(let code, let text):
            for command in [["list"], ["check"]] {
                let r = try run.ctoboard(command)
                #expect(r.status == 0 || r.status == 1, "\(name): \(command[0]) does not work: \(r)")
            }
            let command = ["toggle", try run.resolve(spec.toggle)]
            run.expectFailure(try run.ctoboard(command), code: code, text: text, names: spec.names, command: command)
        case .preserved:
            let list = try run.ctoboard(["list", "--json"])
            #expect(list.status == 0, "\(name): list: \(list.short)")
            let check = try run.ctoboard(["check"])
            #expect(check.status == 0, "\(name): check: \(check.short)")
            let toggle = try run.ctoboard(["toggle", try run.resolve(spec.toggle)])
            #expect(toggle.status == 0, "\(name): toggle: \(toggle.short)")
            for (doc, old) in zip(docs, before) {
                let new = run.snapshot(doc)
                #expect(new.count == old.count, "\(name): the toggle changed the length of \(doc)")
                let differing = zip(old, new).filter { $0 != $1 }
                #expect(differing.count == 1, "\(name): the toggle changed \(differing.count) bytes of \(doc), not one")
                #expect(differing.allSatisfy { [0x20, 0x78, 0x58].contains($0.0) && [0x20, 0x78, 0x58].contains($0.1) },
                        "\(name): the toggle changed more than a checkbox in \(doc)")
            }
            let again = try run.ctoboard(["check"])
            #expect(again.status == 0, "\(name): check after the toggle: \(again.short)")
        }
        // Nothing was written but the documents (preserved) or nothing at all (errors): no temp
        // file, no journal, and the documents are as expected.
        if case .preserved = spec.outcome(asRoot: geteuid() == 0) {} else {
            #expect(docs.map(run.snapshot) == before, "\(name): a failed command changed a document")
        }
        #expect(run.leftovers.isEmpty, "\(name): left behind \(run.leftovers)")
    }
}

/// What a case's `expect.txt` says.
private struct BadInputExpectation {
    enum Outcome {
        case error(Int32, String)
        case writeError(Int32, String)
        case preserved
    }

    var outcome: Outcome = .preserved
    var rootOutcome: Outcome?
    var names: String?
    var toggle: String?
    var generate: [(file: String, count: Int?, size: Int?, pad: Int, line: String)] = []
    var make: [(file: String, what: String)] = []

    init(parsing text: String) throws {
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (key, value) = Self.split(line)
            switch key {
            case "error", "write-error", "preserved": outcome = try Self.outcome(line)
            case "root": rootOutcome = try Self.outcome(value)
            case "names": names = value
            case "toggle": toggle = value
            case "generate":
                guard let lineAt = value.range(of: "line=") else { throw BadInputError("generate without line=: \(line)") }
                let file = String(value.prefix { $0 != " " })
                var count: Int?, size: Int?, pad = 0
                for option in value[..<lineAt.lowerBound].split(separator: " ").dropFirst() {
                    let (k, v) = Self.split(String(option), separator: "=")
                    switch k {
                    case "count": count = Int(v)
                    case "pad": pad = Int(v) ?? 0
                    case "size":
                        let units: [(String, Int)] = [("MB", 1_000_000), ("KB", 1_000), ("MiB", 1_048_576)]
                        for (unit, scale) in units where v.hasSuffix(unit) {
                            size = (Int(v.dropLast(unit.count)) ?? 0) * scale
                            break
                        }
                    default: throw BadInputError("unknown generate option \(k)")
                    }
                }
                generate.append((file, count, size, pad, String(value[lineAt.upperBound...])))
            case "make":
                let (file, what) = Self.split(value, separator: " ")
                make.append((file, what))
            default:
                throw BadInputError("unknown directive \(key)")
            }
        }
    }

    func outcome(asRoot: Bool) -> Outcome { asRoot ? (rootOutcome ?? outcome) : outcome }

    static func split(_ s: String, separator: Character = ":") -> (String, String) {
        guard let i = s.firstIndex(of: separator) else { return (s, "") }
        return (String(s[..<i]), s[s.index(after: i)...].trimmingCharacters(in: .whitespaces))
    }

    static func outcome(_ line: String) throws -> Outcome {
        let (key, value) = split(line)
        if key == "preserved" { return .preserved }
        let (code, text) = split(value, separator: " ")
        guard let c = Int32(code) else { throw BadInputError("bad exit code in \(line)") }
        switch key {
        case "error": return .error(c, text)
        case "write-error": return .writeError(c, text)
        default: throw BadInputError("unknown outcome \(line)")
        }
    }

    enum Piece {
        case text([UInt8]), index, indent, pad
    }

    /// A `generate:` line template taken apart at `{i}`, `{indent}` and `{pad}`.
    static func template(_ line: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(line)
        let marks: [(String, Piece)] = [("{i}", .index), ("{indent}", .indent), ("{pad}", .pad)]
        while !rest.isEmpty {
            let next = marks.compactMap { m in rest.range(of: m.0).map { ($0, m.1) } }.min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, piece) = next else { pieces.append(.text(Array(rest.utf8))); break }
            pieces.append(.text(Array(rest[..<range.lowerBound].utf8)))
            pieces.append(piece)
            rest = rest[range.upperBound...]
        }
        return pieces
    }

    /// Generates and makes the files the case asks for.
    func prepare(_ folder: String) throws {
        for g in generate {
            let path = folder + "/" + g.file
            var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            let pad = (0..<g.pad).map { UInt8(0x61 + $0 % 26) }
            let template = Self.template(g.line)
            var i = 0
            while true {
                if let count = g.count, i >= count { break }
                if let size = g.size, bytes.count >= size { break }
                if g.count == nil && g.size == nil { break }
                i += 1
                for piece in template {
                    switch piece {
                    case .text(let t): bytes += t
                    case .index: bytes += Array(String(i).utf8)
                    case .indent: bytes += [UInt8](repeating: 0x20, count: 2 * (i - 1))
                    case .pad: bytes += pad
                    }
                }
                bytes.append(0x0A)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        for m in make {
            let path = folder + "/" + m.file
            try? FileManager.default.removeItem(atPath: path)
            if m.what == "fifo" {
                guard mkfifo(path, 0o644) == 0 else { throw BadInputError("mkfifo \(path) failed") }
            } else if m.what.hasPrefix("symlink=") {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: String(m.what.dropFirst(8)))
            } else if m.what.hasPrefix("mode="), let mode = mode_t(m.what.dropFirst(5), radix: 8) {
                if !FileManager.default.fileExists(atPath: path) {
                    _ = FileManager.default.createFile(atPath: path, contents: nil)
                }
                guard chmod(path, mode) == 0 else { throw BadInputError("chmod \(path) failed") }
            } else {
                throw BadInputError("unknown make: \(m.what)")
            }
        }
    }
}

private struct BadInputError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs the binary on one prepared case folder.
private struct BadInputRunner {
    let binary: String
    let folder: String

    struct Result: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status), stderr: \(stderr.prefix(400)), stdout: \(stdout.prefix(200))" }
        var short: String { "exit \(status), stderr: \(stderr.prefix(300))" }
    }

    /// Runs `ctoboard ARGS --owner-doc CTO_OWNER.md --todo TODO.md` in the folder.
    func ctoboard(_ args: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args + ["--owner-doc", folder + "/CTO_OWNER.md", "--todo", folder + "/TODO.md"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CTOBOARD_") }
        env["CTOBOARD_TODAY"] = "2026-11-05"
        env["NO_COLOR"] = "1"
        process.environment = env
        // Output to files outside the case folder: no pipe fills up, nothing new in the folder.
        let out = NSTemporaryDirectory() + "ctoboard-bad-\(UUID().uuidString).out"
        let err = out + ".err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        while process.isRunning {
            if Date().timeIntervalSince(start) > 60 {
                process.terminate()
                Issue.record("ctoboard \(args) timed out in \(folder)")
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let read = { (p: String) in String(decoding: FileManager.default.contents(atPath: p) ?? Data(), as: UTF8.self) }
        return Result(status: process.terminationStatus, stdout: read(out), stderr: read(err))
    }

    /// A failure: the exit code, one line on stderr naming the document and containing `text`.
    func expectFailure(_ r: Result, code: Int32, text: String, names: String?, command: [String]) {
        let verb = command[0]
        #expect(r.status == code, "\(verb): expected exit \(code): \(r)")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(verb): expected one line on stderr: \(r)")
        let message = String(lines.first ?? "")
        #expect(message.contains(text), "\(verb): the message does not say \"\(text)\": \(message)")
        let named = names.map { [folder + "/" + $0] } ?? [folder + "/CTO_OWNER.md", folder + "/TODO.md"]
        #expect(named.contains { message.contains($0) }, "\(verb): the message does not name \(named): \(message)")
    }

    /// A document's bytes; for one that is not a regular file, a description of what it is.
    func snapshot(_ name: String) -> [UInt8] {
        let path = folder + "/" + name
        var st = stat()
        guard lstat(path, &st) == 0 else { return Array("missing".utf8) }
        if (st.st_mode & S_IFMT) == S_IFREG {
            let fd = open(path, O_RDONLY)
            if fd >= 0 {
                close(fd)
                return [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            }
        }
        return Array("mode \(String(st.st_mode, radix: 8)) size \(st.st_size)".utf8)
    }

    /// A TASK argument: a title as is, or `#N` for the Nth task of `list --json`.
    func resolve(_ task: String?) throws -> String {
        guard let task else { return "1" }
        guard task.hasPrefix("#"), let n = Int(task.dropFirst()) else { return task }
        let r = try ctoboard(["list", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let tasks = json?["tasks"] as? [[String: Any]] ?? []
        guard n >= 1, n <= tasks.count, let id = tasks[n - 1]["id"] as? String else {
            throw BadInputError("no task #\(n) in list --json (\(tasks.count) tasks): \(r.short)")
        }
        return id
    }

    /// Temp files and journals left in the folder or its state folder (not walked further: a
    /// case may hold a symlink to a folder).
    var leftovers: [String] {
        var out: [String] = []
        for sub in ["", "/.ctoboard"] {
            for p in (try? FileManager.default.contentsOfDirectory(atPath: folder + sub)) ?? [] {
                if p.hasSuffix(".ctoboard-tmp") || p == "journal" || p.hasSuffix(".ctoboard-rescued") { out.append(sub + "/" + p) }
            }
        }
        return out
    }
}
