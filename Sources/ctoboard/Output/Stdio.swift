#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to standard error.
func fwriteStderr(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    return write(2, base, buffer.count)
}

/// Writes bytes to standard output in one go, bypassing print's per-call overhead.
func writeStdout(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { writeStdout($0) }
}

/// ``writeStdout(_:)`` from a buffer.
func writeStdout(_ buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
        let n = write(1, base + offset, buffer.count - offset)
        if n <= 0 { if errno == EINTR { continue }; return }
        offset += n
    }
}
