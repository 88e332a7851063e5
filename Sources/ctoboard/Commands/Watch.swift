#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CTOBoardCore
import Logging

/// `ctoboard watch`: keeps every pair in sync in the foreground.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the pairs in sync: carry every external edit to the other document within a second.",
        discussion: """
        Watches the documents' folders with inotify (in-place writes, rename-over saves, vim's \
        backup-and-rename, git checkout and pull, queue overflow) and syncs through the sync engine. \
        Conflicts are logged and left for you. Logs one line per event on standard error. \
        Stops cleanly on SIGINT and SIGTERM. See contrib/systemd/ctoboard-watch.service to run it as a service.
        """)

    @OptionGroup var pairOptions: PairOptions
    @Flag(help: "Log only warnings and errors.") var quiet = false
    @Flag(help: "Log every event, including the watcher's own writes.") var verbose = false
    @Option(help: "Milliseconds of quiet before syncing after an event; a document must also stay unchanged this long.") var debounce = 150

    func run() throws {
        try reporting {
            let config = try pairOptions.config()
            let pairs = try pairOptions.pairs(config: config)
            var logger = Logger(label: "ctoboard.watch") { LogfmtLogHandler(label: $0) }
            logger.logLevel = quiet ? .warning : verbose ? .debug : .info
            let today = { CalendarDate.today(environment: Environment.variables) }
            let files = pairs.flatMap { [$0.ownerDoc, $0.todo] }
            guard let watcher = DocumentWatcher(files: files, debounceMs: debounce) else {
                throw CLIError("cannot watch the documents' folders (inotify: \(FileIO.errnoText())); raise fs.inotify.max_user_instances", code: .writeFailed)
            }
            // Signals arrive as pending signals, checked between polls: no handler, no globals.
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, SIGINT)
            sigaddset(&mask, SIGTERM)
            sigprocmask(SIG_BLOCK, &mask, nil)

            /// Syncs every pair, then tells the watcher its own writes are not external edits.
            /// Returns whether a pair failed for a passing reason (another ctoboard held the lock,
            /// a write landed during the sync): those are tried again without waiting for an edit.
            func syncAll(reason: String) -> Bool {
                var failed = Set<PairPaths>()
                var passing = false
                for paths in pairs {
                    let session = Session.cli(paths: paths, config: config, today: today())
                    let meta: Logger.Metadata = ["owner": "\(paths.owner)", "reason": "\(reason)"]
                    do throws(SessionError) {
                        let result = try session.sync()
                        let plan = result.plan
                        if let notice = result.baseSource.notice {
                            logger.info("no base snapshot", metadata: meta.merging(["detail": "\(notice)"]) { a, _ in a })
                        }
                        if plan.carried.isEmpty && plan.conflicts.isEmpty {
                            logger.debug("in sync", metadata: meta)
                        }
                        for line in plan.carried {
                            logger.info("synced", metadata: meta.merging(["change": "\(line)"]) { a, _ in a })
                        }
                        for c in plan.conflicts {
                            logger.warning("conflict left for you", metadata: meta.merging([
                                "task": "\(c.id)", "title": "\(c.title)",
                                "owner_doc": "\(c.ownerVersion ?? "deleted")", "todo": "\(c.todoVersion ?? "deleted")",
                            ]) { a, _ in a })
                        }
                    } catch {
                        switch error {
                        case .locked, .changedUnderneath:
                            logger.warning("sync postponed", metadata: meta.merging(["error": "\(error.description)", "retry_ms": "\(Self.retryMs)"]) { a, _ in a })
                            passing = true
                        default:
                            logger.error("sync failed", metadata: meta.merging(["error": "\(error.description)"]) { a, _ in a })
                        }
                        failed.insert(paths)
                    }
                }
                // An edit that landed during the sync is reported by the next polls. A pair whose
                // sync failed (a document missing mid-save) waits for its next change.
                watcher.absorbOwnWrites {
                    pairs.allSatisfy { failed.contains($0) || Session(paths: $0, config: config ?? Config(), today: today()).documentsMatchBase() }
                }
                return passing
            }
            var retryAt: UInt64? = syncAll(reason: "start") ? MonotonicClock.milliseconds() + Self.retryMs : nil
            // Logged once the first sync is done: from here on every edit is carried.
            logger.info("watching", metadata: ["pairs": "\(pairs.count)", "files": "\(files.count)"])
            while true {
                var info = siginfo_t()
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                let sig = sigtimedwait(&mask, &info, &zero)
                if sig == SIGINT || sig == SIGTERM {
                    logger.info("stopping", metadata: ["signal": sig == SIGINT ? "SIGINT" : "SIGTERM"])
                    return
                }
                let changed = watcher.poll(timeoutMs: 50)
                var reason: String?
                if !changed.isEmpty {
                    logger.debug("change seen", metadata: ["files": "\(changed.map { DisplayPath.relative($0) }.joined(separator: ","))"])
                    reason = "change"
                } else if let at = retryAt, MonotonicClock.milliseconds() >= at {
                    reason = "retry"
                }
                if let reason {
                    retryAt = syncAll(reason: reason) ? MonotonicClock.milliseconds() + Self.retryMs : nil
                }
            }
        }
    }

    /// How long after a passing failure a sync is tried again.
    static let retryMs: UInt64 = 1_000
}
