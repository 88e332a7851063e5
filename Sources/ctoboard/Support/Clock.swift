#if canImport(Glibc)
import Glibc
#endif

/// A monotonic clock in milliseconds.
enum Clock {
    static func milliseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
    }
}
