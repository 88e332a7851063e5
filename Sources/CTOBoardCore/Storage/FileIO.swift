/// Reading documents as bytes with POSIX calls: no String round trip, no Foundation fallbacks.
public enum FileIO {
    /// The largest document ctoboard reads: 32 MiB.
    public static let sizeLimit = 32 * 1_048_576

    /// The error text for the current `errno`.
    public static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Reads a whole document, checking that it is a regular text file within the size limit.
    public static func readDocument(at path: String, missingHint: String) throws(DocumentError) -> [UInt8] {
        let bytes = try readRaw(at: path, missingHint: missingHint, limit: sizeLimit)
        let hasNUL = bytes.withUnsafeBytes { buf in buf.count > 0 && memchr(buf.baseAddress!, 0, buf.count) != nil }
        if hasNUL { throw .binary(path: path) }
        return bytes
    }

    /// Reads a whole regular file as bytes (state files may hold any bytes).
    public static func readRaw(at path: String, missingHint: String = "", limit: Int = 4 * sizeLimit) throws(DocumentError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below rejects it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(path: path, hint: missingHint) }
            if code == ELOOP { throw .symlinkLoop(path: path) }
            throw .unreadable(path: path, reason: errnoText(code))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, reason: errnoText()) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let size = Int(st.st_size)
        if size > limit { throw .tooLarge(path: path, size: size, limit: limit) }
        guard let bytes = readAll(fd: fd) else { throw .unreadable(path: path, reason: errnoText()) }
        return bytes
    }

    /// Whether the regular file at `path` holds exactly `bytes`. False when it cannot be read.
    public static func contentEquals(at path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return contentEquals(fd: fd, bytes)
    }

    /// Whether the regular file open at `fd` holds exactly `bytes`, read from its start (with
    /// `pread`: the file offset is left alone) in 256 KiB chunks and compared as it goes.
    static func contentEquals(fd: Int32, _ bytes: [UInt8]) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == bytes.count else { return false }
        let chunk = 262_144
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        return bytes.withUnsafeBytes { expected -> Bool in
            var offset = 0
            while true {
                let n = pread(fd, buffer, chunk, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                // The end of the file: equal when it ends where `bytes` do.
                if n == 0 { return offset == expected.count }
                guard offset + n <= expected.count, memcmp(buffer, expected.baseAddress! + offset, n) == 0 else { return false }
                offset += n
            }
        }
    }

    /// Everything in the file open at `fd` (as long as `fstat` says it is), read from its start
    /// with `pread` (the file offset is left alone) straight into uninitialized storage; nil
    /// when a read fails.
    static func readAll(fd: Int32) -> [UInt8]? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(st.st_size)) { buf, count in
            count = 0
            while count < buf.count {
                let n = pread(fd, buf.baseAddress! + count, buf.count - count, off_t(count))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = n < 0; break }
                count += n
            }
        }
        return failed ? nil : bytes
    }

    /// Whether a path exists (following symlinks) and is a regular file.
    public static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether a path exists and is a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
