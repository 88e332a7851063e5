import Foundation

/// The `ctoboard` executable of this build, for every end-to-end test.
///
/// `CTOBOARD_BINARY` wins; else it walks up from the running test bundle (tests may run with
/// `--scratch-path`) to the folder holding `ctoboard`; else `.build/debug/ctoboard` under the
/// package root. Nil when none of them is an executable file.
enum TestBinary {
    static let path: String? = {
        let fm = FileManager.default
        func isExecutable(_ p: String) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: p, isDirectory: &isDirectory) && !isDirectory.boolValue && fm.isExecutableFile(atPath: p)
        }
        if let path = ProcessInfo.processInfo.environment["CTOBOARD_BINARY"], isExecutable(path) { return path }
        var starts = Bundle.allBundles.map(\.bundlePath).filter { $0.hasSuffix(".xctest") }
        starts += ProcessInfo.processInfo.arguments.prefix(1)
        starts.append(Bundle.main.bundlePath)
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(exe) }
        for start in starts where !start.isEmpty {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<8 {
                folder = folder.deletingLastPathComponent()
                let candidate = folder.appendingPathComponent("ctoboard").path
                if isExecutable(candidate) { return candidate }
                if folder.path == "/" { break }
            }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let fallback = root + "/.build/debug/ctoboard"
        return isExecutable(fallback) ? fallback : nil
    }()
}
