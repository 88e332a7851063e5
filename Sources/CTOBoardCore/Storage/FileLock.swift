/// An exclusive `flock` on a dedicated lock file that is never replaced. The kernel drops it when
/// the process dies.
public final class FileLock: @unchecked Sendable {
    private var fd: Int32

    /// Why the lock was not taken.
    public enum Failure: Error, Equatable, Sendable {
        case timedOut(path: String, seconds: Double)
        case cannotOpen(path: String, reason: String)
    }

    /// Takes the lock, polling until `timeout` seconds have passed.
    public init(path: String, timeout: Double) throws(Failure) {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw .cannotOpen(path: path, reason: FileIO.errnoText()) }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno != EWOULDBLOCK && errno != EINTR {
                let reason = FileIO.errnoText()
                close(fd)
                throw .cannotOpen(path: path, reason: reason)
            }
            if waited >= timeout {
                close(fd)
                throw .timedOut(path: path, seconds: timeout)
            }
            usleep(20_000)
            waited += 0.02
        }
        self.fd = fd
    }

    /// Releases the lock.
    public func unlock() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { unlock() }
}
