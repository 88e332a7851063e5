import ArgumentParser
import CTOBoardCore
import Foundation

/// `ctoboard hook install|uninstall`.
struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove the git pre-commit hook (and the task merge driver).",
        subcommands: [HookInstall.self, HookUninstall.self])
}

/// What the installer writes.
enum HookFiles {
    static let begin = "# >>> ctoboard pre-commit >>>"
    static let end = "# <<< ctoboard pre-commit <<<"
    static let chainedSuffix = ".ctoboard-chained"
    static let attributesBegin = "# >>> ctoboard merge driver >>>"
    static let attributesEnd = "# <<< ctoboard merge driver <<<"

    /// Single-quotes a word for sh.
    static func shellQuote(_ s: String) -> String { "'" + s.replacingAll("'", with: "'\\''") + "'" }

    /// The path of the running binary, for hooks and the merge driver.
    static func executable() -> String {
        let arg0 = CommandLine.arguments.first ?? "ctoboard"
        if arg0.contains("/") { return AtomicFile.resolve(Paths.absolute(arg0)) }
        return AtomicFile.resolve("/proc/self/exe")
    }

    /// `.gitattributes` text without the block `hook install --merge-driver` added.
    static func removingBlock(_ text: String) -> String {
        var out: [Substring] = []
        var inside = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if line == attributesBegin { inside = true; continue }
            if line == attributesEnd { inside = false; continue }
            if !inside { out.append(line) }
        }
        return out.joined(separator: "\n")
    }

    static func write(_ text: String, to path: String, mode: Int) throws(CLIError) {
        do {
            try AtomicFile.replace(path, with: Array(text.utf8))
        } catch {
            throw CLIError(error.description, code: .writeFailed)
        }
        chmod(path, mode_t(mode))
    }
}

struct HookInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install a pre-commit hook that checks (or syncs) the task documents. An existing hook is chained.")

    enum Mode: String, ExpressibleByArgument, CaseIterable { case check, sync }

    @Option(help: "check refuses a commit whose documents drift; sync syncs and adds both documents, and refuses while either has edits that are not staged.")
    var mode: Mode = .check
    @Flag(help: "Also install the semantic merge driver (.gitattributes and git config).")
    var mergeDriver = false
    @OptionGroup var pairOptions: PairOptions

    func run() throws {
        try reporting {
            let (root, hooks) = try Git.locate()
            let config = try pairOptions.config()
            let pairs = try pairOptions.pairs(config: config)
            let exe = HookFiles.executable()
            // The hook passes the pair as given here, relative to the work tree root.
            var args: [String] = []
            if let d = pairOptions.ownerDoc { args += ["--owner-doc", DisplayPath.relative(Paths.absolute(d), to: root)] }
            if let t = pairOptions.todo { args += ["--todo", DisplayPath.relative(Paths.absolute(t), to: root)] }
            if let o = pairOptions.owner { args += ["--owner", o] }
            let argText = args.map(HookFiles.shellQuote).joined(separator: " ")
            let docs = pairs.flatMap { [$0.ownerDoc, $0.todo] }.map { DisplayPath.relative($0, to: root) }
            var block = [HookFiles.begin, "# mode: \(mode.rawValue); installed by `ctoboard hook install`, removed by `ctoboard hook uninstall`"]
            switch mode {
            case .check:
                // The command to run names the documents, quoted, as they are from the root.
                var syncArgs = args
                if pairs.count == 1, let pair = pairs.first {
                    syncArgs = ["--owner-doc", DisplayPath.relative(pair.ownerDoc, to: root), "--todo", DisplayPath.relative(pair.todo, to: root)]
                    if let o = pairOptions.owner { syncArgs += ["--owner", o] }
                }
                let fix = (["ctoboard", "sync"] + syncArgs.map { $0.hasPrefix("--") ? $0 : HookFiles.shellQuote($0) }).joined(separator: " ")
                    + " && git add -- " + Set(docs).sorted().map(HookFiles.shellQuote).joined(separator: " ")
                let message = "ctoboard: the staged task documents drift (above); to sync both and stage them, run: \(fix)"
                block.append("\(HookFiles.shellQuote(exe)) check --staged \(argText) || { printf '%s\\n' \(HookFiles.shellQuote(message)) >&2; exit 1; }")
            case .sync:
                // Sync works on the files and stages them whole: unstaged edits would go into the commit.
                // A document git does not track would be added whole to an unrelated commit.
                for doc in Set(docs).sorted() {
                    let untracked = "ctoboard: \(doc) is not tracked by git; add and commit it first, or use --mode check"
                    block.append("git ls-files --error-unmatch -- \(HookFiles.shellQuote(doc)) >/dev/null 2>&1 || { printf '%s\\n' \(HookFiles.shellQuote(untracked)) >&2; exit 1; }")
                    let message = "ctoboard: \(doc) has edits that are not staged; stage them (git add) or stash them, then commit again"
                    block.append("git diff --quiet -- \(HookFiles.shellQuote(doc)) || { printf '%s\\n' \(HookFiles.shellQuote(message)) >&2; exit 1; }")
                }
                block.append("\(HookFiles.shellQuote(exe)) sync \(argText) || { echo \"ctoboard: sync left conflicts (above); resolve them with 'ctoboard sync --prefer owner|todo'\" >&2; exit 1; }")
                block.append("git add -- " + Set(docs).sorted().map(HookFiles.shellQuote).joined(separator: " "))
            }
            block.append(HookFiles.end)

            let hook = Paths.join(hooks, "pre-commit")
            let chained = hook + HookFiles.chainedSuffix
            if !FileIO.isDirectory(hooks) { mkdir(hooks, 0o755) }
            if FileIO.isFile(hook) {
                let existing = String(decoding: (try? FileIO.readRaw(at: hook)) ?? [], as: UTF8.self)
                if !existing.contains(HookFiles.begin) {
                    // Someone else's hook: keep it and run it first.
                    if rename(hook, chained) != 0 {
                        throw CLIError("\(hook): cannot keep the existing hook (\(FileIO.errnoText())); nothing was changed", code: .writeFailed)
                    }
                    print("kept the existing pre-commit hook as \(Paths.baseName(chained)); it runs first")
                }
            }
            var script = ["#!/bin/sh", "# Pre-commit hook installed by ctoboard."]
            script.append("if [ -x \"$(dirname \"$0\")/pre-commit\(HookFiles.chainedSuffix)\" ]; then \"$(dirname \"$0\")/pre-commit\(HookFiles.chainedSuffix)\" \"$@\" || exit $?; fi")
            script += block
            try HookFiles.write(script.joined(separator: "\n") + "\n", to: hook, mode: 0o755)
            print("installed \(DisplayPath.relative(hook, to: root)) (mode: \(mode.rawValue))")

            if mergeDriver {
                Git.run(["config", "merge.ctoboard.name", "ctoboard task-by-task merge"], in: root)
                Git.run(["config", "merge.ctoboard.driver", "\(HookFiles.shellQuote(exe)) merge-driver %O %A %B %P"], in: root)
                let attributes = Paths.join(root, ".gitattributes")
                var text = HookFiles.removingBlock(String(decoding: (try? FileIO.readRaw(at: attributes)) ?? [], as: UTF8.self))
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                text += HookFiles.attributesBegin + "\n"
                for doc in Set(docs).sorted() {
                    // Spaces separate attributes: match them with ? instead.
                    text += doc.replacingAll(" ", with: "?") + " merge=ctoboard\n"
                }
                text += HookFiles.attributesEnd + "\n"
                try HookFiles.write(text, to: attributes, mode: 0o644)
                print("installed the merge driver for \(docs.count) document(s) in .gitattributes and .git/config")
            }
        }
    }
}

struct HookUninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall", abstract: "Remove only what `hook install` added; a chained hook is put back.")

    func run() throws {
        try reporting {
            let (root, hooks) = try Git.locate()
            let hook = Paths.join(hooks, "pre-commit")
            let chained = hook + HookFiles.chainedSuffix
            let text = String(decoding: (try? FileIO.readRaw(at: hook)) ?? [], as: UTF8.self)
            if text.contains(HookFiles.begin) {
                unlink(hook)
                if FileIO.isFile(chained) { rename(chained, hook) }
                print("removed the pre-commit hook" + (FileIO.isFile(hook) ? "; the earlier hook is back" : ""))
            } else {
                print("no ctoboard pre-commit hook installed")
            }
            let attributes = Paths.join(root, ".gitattributes")
            if FileIO.isFile(attributes) {
                let text = String(decoding: (try? FileIO.readRaw(at: attributes)) ?? [], as: UTF8.self)
                let kept = HookFiles.removingBlock(text)
                if kept != text {
                    if kept.trimmingSpaces().isEmpty { unlink(attributes) } else { try HookFiles.write(kept, to: attributes, mode: 0o644) }
                    print("removed the merge driver from .gitattributes")
                }
            }
            Git.run(["config", "--remove-section", "merge.ctoboard"], in: root)
        }
    }
}
