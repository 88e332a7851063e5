/// Small byte-level helpers: ASCII case-insensitive matching without going through String.
enum ByteSearch {
    static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    /// Whether `pattern` (lowercase ASCII) occurs in `bytes` at `index`, ignoring ASCII case.
    static func matches<C: Collection>(_ bytes: C, at index: Int, _ pattern: [UInt8]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard index >= bytes.startIndex, index + pattern.count <= bytes.endIndex else { return false }
        var k = 0
        while k < pattern.count {
            if lower(bytes[index + k]) != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// The first index at or after `from` where `pattern` occurs, ignoring ASCII case.
    static func find<C: Collection>(_ bytes: C, _ pattern: [UInt8], from: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard !pattern.isEmpty else { return from }
        var i = from
        let first = pattern[0]
        while i + pattern.count <= bytes.endIndex {
            if lower(bytes[i]) == first && matches(bytes, at: i, pattern) { return i }
            i += 1
        }
        return nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// `bytes` with leading and trailing spaces and tabs removed.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = bytes.startIndex, hi = bytes.endIndex
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return bytes[lo..<hi]
    }
}

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of an ASCII literal, lowercased (for ``ByteSearch`` patterns).
    init(lowercasedASCII s: StaticString) {
        self = s.withUTF8Buffer { Array($0) }.map(ByteSearch.lower)
    }
}

extension Array where Element == UInt8 {
    /// Whether `other` is there and holds the same bytes. (With memcmp: `==` on arrays compares
    /// element by element, ten times slower on a document of megabytes.)
    func sameBytes(as other: [UInt8]?) -> Bool {
        guard let other, count == other.count else { return false }
        return withUnsafeBytes { a in other.withUnsafeBytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}
