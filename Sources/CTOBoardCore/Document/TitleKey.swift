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
        var ascii = true
        // Built straight into the String's storage: no intermediate array. Ill-formed UTF-8 is
        // repaired to U+FFFD by the initializer, as `String(decoding:as:)` does.
        var s = String(unsafeUninitializedCapacity: title.count) { out in
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
                    if b >= 0x80 {
                        ascii = false
                        // Latin-1 capitals (À..Þ but ×) fold here, without the Unicode tables.
                        if b == 0xC3, i + 1 < n, title[i + 1] >= 0x80, title[i + 1] <= 0x9E, title[i + 1] != 0x97 {
                            out[k] = 0xC3
                            out[k + 1] = title[i + 1] + 0x20
                            k += 2
                            i += 2
                            continue
                        }
                    }
                    out[k] = ByteSearch.lower(b)
                    k += 1
                    i += 1
                }
                // Trailing punctuation left over by marker removal ("Title:" vs "Title") does not count.
                while k > 0, out[k - 1] == 0x3A || out[k - 1] == 0x20 { k -= 1 }
                return k
            }
        }
        if ascii || !s.withUTF8({ needsUnicodeFolding($0) }) { return s }
        return s.lowercased().precomposedStringWithCanonicalMapping
    }

    /// Whether UTF-8 text (ASCII and Latin-1 already lowercased) may hold cased letters that
    /// still need folding, or characters that NFC changes.
    ///
    /// Titles are mostly made of scalars that are caseless (or already lowercase), composed, not
    /// combining and never the second half of a composition: Latin-1, general punctuation
    /// (dashes, quotes, bullets), arrows and mathematical operators, box drawing, dingbats,
    /// CJK, kana, Hangul syllables, fullwidth punctuation, variation selectors and emoji.
    /// Titles made only of those skip the costly Unicode path. Anything else (Latin Extended,
    /// Greek, Cyrillic, combining marks, Jamo, singletons such as U+2126, compatibility
    /// ideographs, fullwidth capitals, invalid UTF-8) takes it. `TitleKeyTests` checks every
    /// scalar this lets through.
    static func needsUnicodeFolding(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { needsUnicodeFolding($0) }
    }

    static func needsUnicodeFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2)
            guard b >= 0xC2, b <= 0xF4, i + length <= n else { return true }
            var scalar = UInt32(b) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return true }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if !isFoldingFree(scalar) { return true }
            i += length
        }
        return false
    }

    /// Scalars that lowercasing and NFC leave alone wherever they stand (see above).
    static func isFoldingFree(_ s: UInt32) -> Bool {
        switch s {
        case 0x00A0...0x00BF, 0x00D7, 0x00DF...0x00FF: return true   // Latin-1 signs, lowercase
        case 0x2002...0x20CF: return true        // punctuation, super/subscripts, currency
        case 0x2190...0x2328, 0x232B...0x24B5, 0x24EA...0x2ADB, 0x2ADD...0x2BFF: return true
        case 0x2E00...0x2FDF: return true        // supplemental punctuation, CJK radicals
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF: return true // CJK, kana
        case 0xAC00...0xD7A3: return true        // Hangul syllables
        case 0xE000...0xF8FF: return true        // private use
        case 0xFE00...0xFE1F, 0xFE30...0xFEFF: return true // variation selectors, CJK forms
        case 0xFF00...0xFF20, 0xFF3B...0xFFFF: return true // fullwidth forms but capitals
        case 0x1F000...0x1FAFF: return true      // emoji and pictographs
        case 0x20000...0x2EFFF: return true      // CJK extensions
        case 0xE0000...0xE01EF: return true      // tags, variation selectors supplement
        default: return false
        }
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
