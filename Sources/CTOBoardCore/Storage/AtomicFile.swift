/// Crash-safe file replacement: a temp file in the same folder with the original mode, fsync,
/// rename over, fsync the folder. Symlinks are written through to their target.
public enum AtomicFile {
    /// The real path behind `path`, following symlinks; `path` itself when it does not exist.
    public static func resolve(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// The temp file name used for `target`.
    public static func tempPath(for target: String) -> String {
        Paths.join(Paths.parent(target), ".\(Paths.baseName(target)).ctoboard-tmp")
    }

    /// Checks that `target` can be replaced: a regular file with a write bit, in a folder with a
    /// write bit, not immutable, on a writable file system.
    public static func preflight(_ target: String) throws(WriteError) {
        var st = stat()
        if stat(target, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG else { throw WriteError(path: target, reason: "not a regular file") }
            guard st.st_mode & S_IWUSR != 0 else { throw WriteError(path: target, reason: "the file is read-only") }
            // Opening for writing (without truncating) fails on immutable files and read-only mounts.
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw WriteError(path: target, reason: FileIO.errnoText()) }
            close(fd)
        }
        let folder = Paths.parent(target)
        var dst = stat()
        guard stat(folder, &dst) == 0 else { throw WriteError(path: target, reason: "its folder is missing") }
        guard dst.st_mode & S_IWUSR != 0 else { throw WriteError(path: target, reason: "its folder is read-only") }
    }

    /// Writes `bytes` to a new temp file beside `target` with `target`'s mode, fsynced. Returns its path.
    public static func stage(_ bytes: [UInt8], for target: String, step: String) throws(WriteError) -> String {
        let temp = tempPath(for: target)
        var st = stat()
        let mode: mode_t = stat(target, &st) == 0 ? (st.st_mode & 0o7777) : 0o644
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd < 0 { throw WriteError(path: target, reason: FileIO.errnoText()) }
        do throws(WriteError) {
            try writeAll(fd, bytes, path: target)
            if fchmod(fd, mode) != 0 { throw WriteError(path: target, reason: FileIO.errnoText()) }
            if fsync(fd) != 0 { throw WriteError(path: target, reason: FileIO.errnoText()) }
            try FaultInjection.point(step, path: target)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        return temp
    }

    /// Renames a staged temp file over `target` and fsyncs the folder.
    public static func commit(_ temp: String, over target: String, step: String) throws(WriteError) {
        try renameStaged(temp, over: target)
        try syncFolder(Paths.parent(target))
        try FaultInjection.point(step, path: target)
    }

    /// Renames a staged temp file over `target` (no folder fsync); removes the temp file when
    /// the rename fails.
    public static func renameStaged(_ temp: String, over target: String) throws(WriteError) {
        if rename(temp, target) != 0 {
            let reason = FileIO.errnoText()
            unlink(temp)
            throw WriteError(path: target, reason: reason)
        }
    }

    /// Stages and commits in one go (state files, rollbacks, recovery).
    public static func replace(_ target: String, with bytes: [UInt8]) throws(WriteError) {
        let temp = try stage(bytes, for: target, step: "")
        try commit(temp, over: target, step: "")
    }

    /// fsync on a folder, so that renames and unlinks in it are durable.
    public static func syncFolder(_ folder: String) throws(WriteError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw WriteError(path: folder, reason: FileIO.errnoText()) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw WriteError(path: folder, reason: FileIO.errnoText()) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(WriteError) {
        var offset = 0
        let result: Int32 = bytes.withUnsafeBytes { buf -> Int32 in
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        if result != 0 { throw WriteError(path: path, reason: FileIO.errnoText(result)) }
    }
}
