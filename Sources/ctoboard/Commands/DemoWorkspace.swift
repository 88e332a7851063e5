#if canImport(Glibc)
import Glibc
#endif
import CTOBoardCore

/// A fresh temporary copy of the bundled example workspace.
enum DemoWorkspace {
    static func create() throws(CLIError) -> String {
        let base = Environment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(Paths.join(base, "ctoboard-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIError("\(base): cannot create a temporary folder (\(FileIO.errnoText())); set TMPDIR to a writable folder", code: .writeFailed)
        }
        let folder = String(cString: made)
        for file in ExampleWorkspace.files {
            let path = Paths.join(folder, file.path)
            var dir = ""
            for part in Paths.parent(file.path).split(separator: "/") {
                dir = dir.isEmpty ? String(part) : dir + "/" + part
                mkdir(Paths.join(folder, dir), 0o755)
            }
            do { try AtomicFile.replace(path, with: file.bytes) } catch {
                throw CLIError(error.description, code: .writeFailed)
            }
        }
        return folder
    }
}
