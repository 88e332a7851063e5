/// A clock that only moves forward (`CLOCK_MONOTONIC`), for debounces, retries and timeouts: the
/// wall clock can be set back or forward (by NTP or by hand) while they run.
public enum MonotonicClock {
    /// Milliseconds since an arbitrary start.
    public static func milliseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1000 + UInt64(ts.tv_nsec) / 1_000_000
    }
}
