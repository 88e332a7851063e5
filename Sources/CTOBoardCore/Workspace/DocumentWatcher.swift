/// Watches some documents for external edits: the one watcher of the board and `ctoboard watch`.
///
/// inotify events on the documents' folders are hints only. After a hint, the watcher waits until
/// nothing happened for `debounceMs`, reads every document, and waits once more: a document is
/// reported only when its content was the same at two looks a debounce apart, differs from what
/// was last seen, and no writer still holds it open (a write seen without its close; after
/// `openWriterLimitMs` of silence the writer is taken as gone). So a writer that pauses halfway is
/// not read mid-write, and an event that changed nothing (a touch, the same bytes saved again) is
/// not reported.
///
/// Folders, not files, are watched: that catches in-place writes, rename-over saves (vim's `4913`
/// probe and backup-and-rename), delete-then-create and git replacing files. When a folder itself
/// goes (`rm -rf docs && git checkout docs`, a sync client replacing it), the watcher watches the
/// nearest existing ancestor until the folder is back, then watches it again and looks at every
/// document. A queue overflow makes it look at every document too.
///
/// ```swift
/// guard let watcher = DocumentWatcher(files: [paths.ownerDoc, paths.todo]) else { ... }
/// while running {
///     if !watcher.poll(timeoutMs: 50).isEmpty {
///         _ = try? session.sync()
///         watcher.absorbOwnWrites { session.documentsMatchBase() }
///     }
/// }
/// ```
/// Not thread-safe: use from one thread.
public final class DocumentWatcher {
    /// The documents, as given.
    public let files: [String]
    private let debounceMs: UInt64
    private let openWriterLimitMs: UInt64
    private let fd: Int32
    /// The documents' names, as given and with symlinks resolved.
    private let names: Set<String>
    /// The folders that hold the documents, as given and with symlinks resolved.
    private let folders: [String]
    /// What each watch is for: document names in it, and sub-folders on the way to a missing folder.
    private var watches: [Int32: (documents: Set<String>, pathsDown: Set<String>)] = [:]
    /// Each document's content when last reported or absorbed (nil: missing or unreadable).
    private var seen: [[UInt8]?]
    /// Each document's content at the previous look, while waiting for it to settle.
    private var sample: [[UInt8]?]?
    /// When the last hint arrived; nil when there is nothing to look at.
    private var pendingSince: UInt64?
    /// Documents written to and not closed yet.
    private var writing: Set<String> = []
    private var needsRearm = false

    /// Watches `files`; nil when inotify is unavailable (see `errno`).
    /// - Parameters:
    ///   - debounceMs: how long events must be quiet before a look, and how long content must
    ///     stay the same before it is reported.
    ///   - openWriterLimitMs: how long to wait, after the last event, for a writer that wrote
    ///     without closing the document.
    public init?(files: [String], debounceMs: Int = 150, openWriterLimitMs: Int = 5000) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.files = files
        self.debounceMs = UInt64(max(0, debounceMs))
        self.openWriterLimitMs = UInt64(max(0, openWriterLimitMs))
        let resolved = files.map(AtomicFile.resolve)
        names = Set((files + resolved).map(Paths.baseName))
        var folders: [String] = []
        for folder in (files + resolved).map({ Paths.parent(Paths.absolute($0)) }) where !folders.contains(folder) {
            folders.append(folder)
        }
        self.folders = folders
        seen = []
        seen = contents()
        arm()
    }

    deinit { close(fd) }

    /// The inotify descriptor, for poll(2) alongside other descriptors.
    public var descriptor: Int32 { fd }

    /// Waits up to `timeoutMs` (less when a look is due sooner) for events, then returns the
    /// documents whose content changed and has settled since last seen; empty most of the time.
    public func poll(timeoutMs: Int) -> [String] {
        var timeout = Int32(clamping: timeoutMs)
        if let since = pendingSince {
            let due = since + debounceMs, now = MonotonicClock.milliseconds()
            timeout = min(timeout, due > now ? Int32(clamping: due - now) : 0)
        }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if Glibc.poll(&p, 1, timeout) > 0 { drain() }
        if needsRearm { arm() }
        return settle()
    }

    /// Takes the documents as they are now as seen, after the caller's own writes: their events
    /// are dropped. `isOwn` runs after the documents are read and says whether they are still
    /// what the caller wrote (e.g. ``Session/documentsMatchBase()``); when not, an edit landed
    /// meanwhile and the next polls report it.
    public func absorbOwnWrites(isOwn: () -> Bool) {
        drain()
        if needsRearm { arm() }
        let current = contents()
        if isOwn() {
            seen = current
            sample = nil
            pendingSince = nil
            writing = []
        } else {
            pendingSince = MonotonicClock.milliseconds()
        }
    }

    // MARK: Looking

    private func contents() -> [[UInt8]?] {
        files.map { try? FileIO.readRaw(at: $0) }
    }

    /// The documents that changed, once events are quiet and content is the same at two looks.
    private func settle() -> [String] {
        let now = MonotonicClock.milliseconds()
        guard let since = pendingSince, now - since >= debounceMs else { return [] }
        if !writing.isEmpty && now - since < openWriterLimitMs { return [] }
        let current = contents()
        guard let previous = sample, previous == current else {
            sample = current
            pendingSince = now
            return []
        }
        sample = nil
        pendingSince = nil
        writing = []
        let changed = files.indices.filter { current[$0] != seen[$0] }.map { files[$0] }
        seen = current
        return changed
    }

    // MARK: Events

    /// Watches every document folder, or its nearest existing ancestor while it is missing.
    private func arm() {
        needsRearm = false
        for wd in watches.keys { inotify_rm_watch(fd, wd) }
        watches = [:]
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in folders {
            var path = folder
            var below: String?
            var tries = 0
            while true {
                let wd = inotify_add_watch(fd, path, mask)
                if wd >= 0 {
                    var watch = watches[wd] ?? ([], [])
                    if let below { watch.pathsDown.insert(below) } else { watch.documents.formUnion(names) }
                    watches[wd] = watch
                    // A folder below made between the failed watch and this one made no event
                    // here (`git checkout` recreates folders that fast): start again from the top.
                    if let child = below, tries < 3, FileIO.isDirectory(Paths.join(path, child)) {
                        (path, below, tries) = (folder, nil, tries + 1)
                        continue
                    }
                    break
                }
                if path == "/" || path == "." { break }
                below = Paths.baseName(path)
                path = Paths.parent(path)
            }
        }
        // Anything may have happened while a folder was away.
        pendingSince = MonotonicClock.milliseconds()
        sample = nil
    }

    /// Reads every pending event without blocking.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let len = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + len)].prefix { $0 != 0 }, as: UTF8.self)
                handle(wd: wd, mask: mask, name: name)
                offset += 16 + len
            }
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            pendingSince = MonotonicClock.milliseconds()
            return
        }
        // Events of watches removed on re-arming.
        guard let watch = watches[wd] else { return }
        if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 || watch.pathsDown.contains(name) {
            needsRearm = true
            pendingSince = MonotonicClock.milliseconds()
            return
        }
        guard watch.documents.contains(name) else { return }
        pendingSince = MonotonicClock.milliseconds()
        if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 { writing.insert(name) }
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE) != 0 { writing.remove(name) }
    }
}
