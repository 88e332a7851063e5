// The core's one platform import: the C library (POSIX calls, errno, stat), re-exported so that
// no other file of the module needs its own `#if canImport(...)` block.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
