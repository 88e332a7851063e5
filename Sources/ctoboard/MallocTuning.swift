#if canImport(Glibc)
import Glibc
#endif

/// Tunes glibc's allocator for ctoboard's allocation pattern, before anything is allocated.
///
/// A command holds a few document-sized buffers (1.6 MB at 20,000 tasks: the documents, their
/// edited copies, the journal, the base snapshot) that live briefly one after another. By
/// default glibc serves each with a fresh `mmap` and returns it to the kernel when freed, so
/// every buffer's pages fault in anew; with a higher mmap threshold they come from the heap and
/// are reused. At 20,000 tasks this saves about 1,500 page faults per `toggle` (a tenth of its
/// time). `mallopt` is reached through `dlsym` because Swift's Glibc module does not export
/// `malloc.h`; elsewhere (musl, Darwin) nothing is changed.
enum MallocTuning {
    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }  // RTLD_DEFAULT
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1   // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
        #endif
    }
}
