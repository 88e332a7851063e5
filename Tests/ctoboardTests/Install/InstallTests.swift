import Foundation
import Testing

/// `make install` and `make uninstall` (which run Scripts/install.sh), with this build's binary
/// and a stand-in man page so that no release build or plugin run is needed.
@Suite("make install and uninstall")
struct InstallTests {
    private let fm = FileManager.default

    /// Every file and symlink under `root`, relative to it.
    private func files(under root: String) -> [String] {
        guard let walker = fm.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    private func make(_ arguments: [String], cwd: String) throws -> RunResult {
        try runProcess("/usr/bin/env", ["make", "--no-print-directory", "-C", cliPackageRoot] + arguments, cwd: cwd)
    }

    private func themeNames() throws -> [String] {
        try fm.contentsOfDirectory(atPath: cliPackageRoot + "/themes").sorted()
    }

    /// Installs into `stage` (DESTDIR) + `prefix` and checks each file; returns the installed root.
    private func installAndCheck(prefix: String, destdir: String, scratch: String) throws -> String {
        let man = scratch + "/ctoboard.1"
        try Data(".TH CTOBOARD 1\n".utf8).write(to: URL(fileURLWithPath: man))
        var args = ["install", "PREFIX=\(prefix)", "BIN=\(ctoboardBinary)", "MANPAGE=\(man)"]
        if !destdir.isEmpty { args.append("DESTDIR=\(destdir)") }
        let r = try make(args, cwd: scratch)
        #expect(r.status == 0, "\(r)")
        let root = destdir + prefix

        let installed = root + "/bin/ctoboard"
        #expect(fm.isExecutableFile(atPath: installed))
        let version = try runProcess(installed, ["--version"], cwd: scratch)
        #expect(version.status == 0 && version.stdout.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression) != nil,
                "\(version)")
        for name in try themeNames() {
            #expect(fm.contents(atPath: root + "/share/ctoboard/themes/" + name) == fm.contents(atPath: cliPackageRoot + "/themes/" + name),
                    "theme \(name)")
        }
        #expect(fm.contents(atPath: root + "/share/man/man1/ctoboard.1") == fm.contents(atPath: man))
        let completions = [
            ("share/bash-completion/completions/ctoboard", "complete -o filenames -F _ctoboard ctoboard"),
            ("share/zsh/site-functions/_ctoboard", "#compdef ctoboard"),
            ("share/fish/vendor_completions.d/ctoboard.fish", "complete -c 'ctoboard'"),
        ]
        for (path, marker) in completions {
            let text = (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
            #expect(text.contains(marker), "\(path) lacks \(marker): \(text.prefix(200))")
            #expect(text.contains("toggle"), "\(path) does not complete the subcommands")
        }
        #expect(files(under: root).count == 1 + (try themeNames().count) + 1 + completions.count, "\(files(under: root))")
        return root
    }

    @Test func installThenUninstallLeavesNoFile() throws {
        let scratch = NSTemporaryDirectory() + "ctoboard-install-\(UUID().uuidString)"
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: scratch) }
        let prefix = scratch + "/prefix"
        let root = try installAndCheck(prefix: prefix, destdir: "", scratch: scratch)

        let r = try make(["uninstall", "PREFIX=\(prefix)"], cwd: scratch)
        #expect(r.status == 0, "\(r)")
        #expect(files(under: root).isEmpty, "left behind: \(files(under: root))")
        #expect(!fm.fileExists(atPath: root + "/share/ctoboard"))
    }

    @Test func uninstallKeepsFilesItDidNotInstall() throws {
        let scratch = NSTemporaryDirectory() + "ctoboard-install-\(UUID().uuidString)"
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: scratch) }
        let root = try installAndCheck(prefix: "/usr", destdir: scratch + "/stage", scratch: scratch)
        let mine = root + "/share/ctoboard/themes/mine.toml"
        let neighbour = root + "/bin/other-tool"
        try Data("[roles]\n".utf8).write(to: URL(fileURLWithPath: mine))
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: neighbour))

        let r = try make(["uninstall", "PREFIX=/usr", "DESTDIR=\(scratch)/stage"], cwd: scratch)
        #expect(r.status == 0, "\(r)")
        #expect(files(under: root) == ["bin/other-tool", "share/ctoboard/themes/mine.toml"])
    }
}
