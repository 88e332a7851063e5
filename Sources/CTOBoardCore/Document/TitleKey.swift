import Foundation

/// The identity of a task across the two documents: its title, normalized.
///
/// Emphasis markers (`*`, `~~`, `_` at word edges) and white-space differences are removed, case is
/// folded and Unicode is put in NFC, so NFC and NFD spellings match. Markers and tags are already
/// gone from ``TaskText/titleBytes``.
public enum TitleKey {
    /// The key of a title given as bytes.
    public static func make(_ title: [UInt8]) -> String {
        title.withUnsafeBufferPointer { make($0) }
    }

    /// The key of a title given as bytes in a buffer.
    static func make(_ title: UnsafeBufferPointer<UInt8>) -> String {
        // Built straight into the String's storage: no intermediate array. Ill-formed UTF-8 is
        // repaired to U+FFFD by the initializer, as `String(decoding:as:)` does.
        let s = String(unsafeUninitializedCapacity: title.count) { out in
            do {
                var k = 0
                var pendingSpace = false
                let n = title.count
                var i = 0
                while i < n {
                    let b = title[i]
                    if b == 0x2A { i += 1; continue }                         // *
                    if b == 0x7E, i + 1 < n, title[i + 1] == 0x7E { i += 2; continue } // ~~
                    if b == 0x5F {                                          // _ at a word edge
                        let before = i == 0 || ByteSearch.isSpace(title[i - 1]) || title[i - 1] == 0x5F
                        let after = i + 1 == n || ByteSearch.isSpace(title[i + 1]) || title[i + 1] == 0x5F
                        if before || after { i += 1; continue }
                    }
                    if ByteSearch.isSpace(b) || b == 0x0D || b == 0x0A {
                        pendingSpace = k > 0
                        i += 1
                        continue
                    }
                    if pendingSpace { out[k] = 0x20; k += 1; pendingSpace = false }
                    out[k] = ByteSearch.lower(b)
                    k += 1
                    i += 1
                }
                // Trailing punctuation left over by marker removal ("Title:" vs "Title") does not count.
                while k > 0, out[k - 1] == 0x3A || out[k - 1] == 0x20 { k -= 1 }
                return k
            }
        }
        return s.lowercased().precomposedStringWithCanonicalMapping
    }

    /// A short stable id: six hex digits of a 64-bit FNV-1a hash of the key's UTF-8.
    ///
    /// `digits` (6 to 16) is longer only where two different titles of one pair would share the
    /// six-digit id (see ``TaskMatcher``).
    public static func shortID(_ key: String, digits: Int = 6) -> String {
        shortID(hash: hash(key), digits: digits)
    }

    /// The 64-bit FNV-1a hash of a key's UTF-8, from which its ids are cut.
    public static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { buf in
            var hash: UInt64 = 0xcbf29ce484222325
            for b in buf {
                hash ^= UInt64(b)
                hash &*= 0x100000001b3
            }
            return hash
        }
    }

    /// The first `digits` (6 to 16) hex digits of a key's ``hash(_:)``.
    public static func shortID(hash: UInt64, digits: Int = 6) -> String {
        let n = max(1, min(16, digits))
        let value = hash >> UInt64(64 - 4 * n)
        return String(unsafeUninitializedCapacity: n) { buf in
            let hex: StaticString = "0123456789abcdef"
            for k in 0..<n {
                let nibble = Int(value >> UInt64(4 * (n - 1 - k)) & 0xF)
                buf[k] = hex.utf8Start[nibble]
            }
            return n
        }
    }
}
