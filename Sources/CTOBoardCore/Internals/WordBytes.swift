/// Eight bytes tested at once (a little-endian `UInt64`, byte 0 lowest): the word-at-a-time
/// fast paths of title stripping and normalization.
///
/// Every test here is exact per byte (no borrow from a neighbouring byte), so a mask can be
/// combined with shifted copies of itself.
enum WordBytes {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The top byte's high bit (the eighth byte of a word).
    private static let last: UInt64 = 0x8000_0000_0000_0000

    /// The eight bytes at `offset` from `base`.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Stores `word` at `offset` from `base`.
    @inline(__always)
    static func store(_ word: UInt64, _ base: UnsafeMutablePointer<UInt8>, _ offset: Int) {
        UnsafeMutableRawPointer(base).storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
    }

    /// The high bit of each byte of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        return ~(((v & low7) &+ low7) | v | low7)
    }

    /// Whether the word's spaces (0x20) are single and followed by another of its bytes: none
    /// next to another, none last. Such a word needs no white-space collapsing of its own.
    @inline(__always)
    static func spacesAreSingle(_ word: UInt64) -> Bool {
        let spaces = equal(word, 0x20)
        return spaces & (spaces << 8) == 0 && spaces & last == 0
    }

    /// Whether every byte is printable ASCII or a space (0x20...0x7E, and 0x7F).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        // With no high bits set, a byte is below 0x20 exactly when adding 0x60 leaves its high
        // bit clear.
        word & highs == 0 && ~(word &+ 0x6060_6060_6060_6060) & highs == 0
    }

    /// The word with its ASCII capitals lowercased. Every byte must be ASCII.
    @inline(__always)
    static func lowercasedASCII(_ word: UInt64) -> UInt64 {
        // A byte is at least "A" when adding 0x3F sets its high bit, and above "Z" when adding
        // 0x25 does; no byte carries into the next, as none is above 0x7F.
        let capitals = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & highs
        return word | (capitals >> 2)
    }
}
