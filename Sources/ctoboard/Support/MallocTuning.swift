#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator for ctoboard's allocation pattern, before anything is allocated.
///
/// A command holds a few document-sized buffers (1.6 MB at 20,000 tasks: the documents, their
/// edited copies, the journal) that live briefly one after another. By default glibc serves
/// each with a fresh `mmap` and returns it to the kernel when freed, so every buffer's pages
/// fault in anew; with a higher mmap threshold they come from the heap and are reused.
///
/// The heap is then reserved in one step and marked for transparent huge pages (where the
/// kernel offers them on request, `madvise` mode): a command at 20,000 tasks touches about
/// 16 MB of heap, which takes some 3,000 page faults in 4 KiB pages, a fifth of a `toggle`'s
/// time, and a handful in 2 MiB ones. Reserving costs only address space; the pages count
/// once touched. Where huge pages are off the advice does nothing.
///
/// `mallopt` is reached through `dlsym` because Swift's Glibc module does not export
/// `malloc.h`; elsewhere (musl, Darwin) nothing is changed.
enum MallocTuning {
    /// The heap reserved at start.
    static let reserved = 16 << 20

    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1   // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
        reserveHugeHeap()
        #endif
    }

    #if canImport(Glibc)
    /// Grows the heap by ``reserved`` bytes (a block allocated and freed at once: with the
    /// trim threshold above, the heap keeps it) and advises huge pages on it.
    ///
    /// Huge pages cover only whole 2 MiB-aligned spans, and the heap rarely starts on one:
    /// the space up to the first boundary is then taken by a block that is kept and never
    /// touched (so it costs no memory), and what is allocated next starts in huge pages.
    private static func reserveHugeHeap() {
        // Through dlsym: the optimizer would drop a malloc whose block is only freed.
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        let huge = 2 << 20
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc") else { return }
        let malloc = unsafeBitCast(symbol, to: Malloc.self)
        guard let block = malloc(reserved + huge) else { return }
        free(block)
        guard let after = sbrk(0) else { return }
        let start = (Int(bitPattern: block) + huge - 1) & ~(huge - 1)
        let end = Int(bitPattern: after) & ~(huge - 1)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, 14)   // MADV_HUGEPAGE
        // The block and its successor's headers (16 bytes each) end just below the boundary.
        let gap = start - Int(bitPattern: block)
        if gap >= 4096 { _ = malloc(gap - 32) }
    }
    #endif
}
