/// Watches the folders that hold some files with inotify, as hints: events only say "look
/// again"; callers compare content. Watching the folder, not the file, catches in-place writes,
/// rename-over saves (vim's backup-and-rename with its `4913` probe), delete-then-create and git
/// replacing files. A queue overflow also says "look again".
public final class FolderWatcher: @unchecked Sendable {
    private let fd: Int32
    private var names: Set<String>
    private var watches: [Int32: String] = [:]
    /// Whether a watched folder went away (deleted or moved): watches must be made again.
    public private(set) var isStale = false

    /// Watches the folders of `files`; events on other names in them are ignored.
    public init?(files: [String]) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        names = Set(files.map { Paths.baseName(AtomicFile.resolve($0)) } + files.map(Paths.baseName))
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in Set(files.flatMap { [Paths.parent($0), Paths.parent(AtomicFile.resolve($0))] }) {
            let wd = inotify_add_watch(fd, folder, mask)
            if wd >= 0 { watches[wd] = folder }
        }
    }

    deinit { close(fd) }

    /// The descriptor, for poll(2).
    public var descriptor: Int32 { fd }

    /// Reads pending events without blocking; true when one concerns a watched file (or the
    /// queue overflowed).
    public func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let len = Int(buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 12, as: UInt32.self) })
                _ = wd
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { relevant = true }
                if mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { isStale = true; relevant = true }
                if len > 0 {
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + len)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if names.contains(name) { relevant = true }
                }
                offset += 16 + len
            }
        }
        return relevant
    }

    /// Waits up to `timeoutMs` for events; true when a watched file may have changed.
    public func wait(timeoutMs: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let r = poll(&p, 1, timeoutMs)
        guard r > 0 else { return false }
        return drain()
    }
}
