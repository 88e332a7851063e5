#if canImport(Glibc)
import Glibc
#endif
/// A minimal JSON writer that keeps keys in the order written, for ctoboard's stable `--json`.
///
/// It writes into a buffer it owns, with plain pointer stores: `list --json` writes about twenty
/// pieces per task, and appending each to an array (a uniqueness and capacity check and a
/// generic copy per piece) cost more than building the tasks did. Non-copyable, so the buffer
/// has one owner and is freed once.
///
/// Made with a sink, it hands the buffer to the sink whenever the next piece would not fit and
/// starts again at its beginning: a large output streams through one small buffer, which stays
/// in the cache, instead of growing a copy of the whole output in fresh memory.
struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let sink: ((UnsafeRawBufferPointer) -> Void)?

    /// A writer that keeps the whole output (see ``bytes``).
    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        sink = nil
    }

    /// A writer that hands its output to `sink` in pieces of up to `chunkSize` bytes, in order
    /// (a string longer than that is handed over alone). Call ``flush()`` at the end.
    init(chunkSize: Int, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        capacity = max(chunkSize, 64)
        base = .allocate(capacity: capacity)
        self.sink = sink
    }

    deinit { base.deallocate() }

    /// The output so far (since the last hand-over to the sink, for a writer with one).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands what is buffered to the sink, if there is one and anything is buffered.
    mutating func flush() {
        guard let sink, count > 0 else { return }
        sink(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { makeRoom(for: n) }
    }

    private mutating func makeRoom(for n: Int) {
        if sink != nil {
            flush()
            if n <= capacity { return }
        }
        grow(to: count + n)
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard let from = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > capacity, let sink {
            // Longer than the whole buffer: handed over as it is, after what is buffered.
            flush()
            sink(bytes)
            return
        }
        reserve(bytes.count)
        memcpy(base + count, from, bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        put(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A JSON string literal.
    mutating func string(_ s: String) {
        var copy = s
        copy.withUTF8 { quoted(UnsafeRawBufferPointer($0)) }
    }

    /// A JSON string literal from UTF-8 bytes; invalid UTF-8 is written as U+FFFD, as
    /// `String(decoding:as:)` would show it.
    mutating func string(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { string(utf8: $0) }
    }

    /// ``string(utf8:)`` from a buffer.
    mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) {
        let plain = text.allSatisfy { $0 < 0x80 }
        if plain {
            quoted(UnsafeRawBufferPointer(text))
        } else {
            string(String(decoding: text, as: UTF8.self))
        }
    }

    /// Valid UTF-8 between quotes, escaped where JSON needs it.
    private mutating func quoted(_ text: UnsafeRawBufferPointer) {
        put(0x22)
        // Most strings need no escapes: copy them whole.
        if !text.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            put(text)
        } else {
            let hex: StaticString = "0123456789abcdef"
            for b in text {
                switch b {
                case 0x22: put(0x5C); put(0x22)
                case 0x5C: put(0x5C); put(0x5C)
                case 0x0A: put(0x5C); put(0x6E)
                case 0x0D: put(0x5C); put(0x72)
                case 0x09: put(0x5C); put(0x74)
                case 0..<0x20:
                    raw("\\u00")
                    put(hex.utf8Start[Int(b >> 4)])
                    put(hex.utf8Start[Int(b & 0xF)])
                default: put(b)
                }
            }
        }
        put(0x22)
    }

    mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ n: Int) {
        guard n >= 0 else {
            var text = String(n)
            text.withUTF8 { put(UnsafeRawBufferPointer($0)) }
            return
        }
        // Digits without a String: line numbers are written for every task.
        reserve(20)
        var digits = 0
        var v = n
        repeat { digits += 1; v /= 10 } while v > 0
        v = n
        for k in stride(from: count + digits - 1, through: count, by: -1) {
            base[k] = 0x30 + UInt8(v % 10)
            v /= 10
        }
        count += digits
    }

    mutating func optionalInt(_ n: Int?) {
        if let n { int(n) } else { raw("null") }
    }

    mutating func bool(_ b: Bool) { if b { raw("true") } else { raw("false") } }

    /// `"key":`
    mutating func key(_ k: StaticString) {
        put(0x22)
        raw(k)
        put(0x22)
        put(0x3A)
    }
}
