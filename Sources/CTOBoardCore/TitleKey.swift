import Foundation

/// The identity of a task across the two documents: its title, normalized.
///
/// Emphasis markers (`*`, `~~`, `_` at word edges) and white-space differences are removed, case is
/// folded and Unicode is put in NFC, so NFC and NFD spellings match. Markers and tags are already
/// gone from ``TaskText/titleBytes``.
public enum TitleKey {
    /// The key of a title given as bytes.
    public static func make(_ title: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(title.count)
        var ascii = true
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
                pendingSpace = !out.isEmpty
                i += 1
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if b >= 0x80 {
                ascii = false
                // Latin-1 capitals (À..Þ but ×) fold here, without the Unicode tables.
                if b == 0xC3, i + 1 < n, title[i + 1] >= 0x80, title[i + 1] <= 0x9E, title[i + 1] != 0x97 {
                    out.append(0xC3)
                    out.append(title[i + 1] + 0x20)
                    i += 2
                    continue
                }
            }
            out.append(ByteSearch.lower(b))
            i += 1
        }
        // Trailing punctuation left over by marker removal ("Title:" vs "Title") does not count.
        while let last = out.last, last == 0x3A || last == 0x20 { out.removeLast() }
        let s = String(decoding: out, as: UTF8.self)
        if ascii || !needsUnicodeFolding(out) { return s }
        return s.lowercased().precomposedStringWithCanonicalMapping
    }

    /// Whether UTF-8 text (ASCII and Latin-1 already lowercased) may hold cased letters that
    /// still need folding, or characters that NFC changes.
    ///
    /// Latin-1 lowercase letters, CJK, kana, emoji and most symbols are caseless or lowercase and
    /// already composed, so titles made of them skip the costly Unicode path. Everything that
    /// may be cased (Latin Extended, Greek, Cyrillic, letterlike and fullwidth forms, ...) or
    /// decomposed (combining marks, Hangul Jamo, singletons, compatibility ideographs) takes it.
    static func needsUnicodeFolding(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            switch b {
            case 0xC2: i += 2                                   // Latin-1 punctuation and signs
            case 0xC3: if b1 == 0x97 || b1 >= 0x9F { i += 2 } else { return true } // lowercase Latin-1
            case 0xC4...0xDF: return true                       // Latin Extended .. combining marks
            case 0xE0: return true                              // Indic vowel signs and nuktas compose
            case 0xE1, 0xE2: return true                        // Jamo, Latin Ext. Additional, letterlike
            case 0xE3: if b1 == 0x82 { return true }; i += 3    // kana voicing marks
            case 0xEA, 0xED: return true                        // Latin Ext. D, Hangul
            case 0xEF: if b1 >= 0xA4 { return true }; i += 3   // compatibility ideographs, fullwidth
            // Four bytes: only emoji (U+1Fxxx) and CJK Extensions (U+20000..2EFFF) are known caseless
            // and composed; Deseret, Warang Citi, Adlam, musical symbols, compatibility
            // ideographs, ... take the Unicode path.
            case 0xF0: if b1 != 0x9F && !(0xA0...0xAE).contains(b1) { return true }; i += 4
            case 0xE0...0xEF: i += 3
            default: i += 4
            }
        }
        return false
    }

    /// A short stable id: six hex digits of a 64-bit FNV-1a hash of the key's UTF-8.
    ///
    /// `digits` (6 to 16) is longer only where two different titles of one pair would share the
    /// six-digit id (see ``TaskMatcher``).
    public static func shortID(_ key: String, digits: Int = 6) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in key.utf8 {
            hash ^= UInt64(b)
            hash &*= 0x100000001b3
        }
        let n = max(1, min(16, digits))
        let hex = String(hash >> UInt64(64 - 4 * n), radix: 16)
        return String(repeating: "0", count: max(0, n - hex.count)) + hex
    }
}
